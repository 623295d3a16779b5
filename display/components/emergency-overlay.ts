/** Takes over the whole screen the moment staff declare an emergency, and nothing else shows. */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Emergency } from '../../shared/model.ts';
import { consume } from '@lit/context';
import { en } from '../../shared/i18n/en.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { messagesContext } from '../i18n/messages-context.ts';

@customElement('emergency-overlay')
export class EmergencyOverlay extends LitElement {
  /** The screen's words, in its language. */
  @consume({ context: messagesContext, subscribe: true }) @state() private m: Messages = en;
  @property({ attribute: false }) emergency: Emergency | null = null;

  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      z-index: 100;
      background: var(--emergency-bg);
      color: #ffffff;
      overflow: hidden;
    }
    section {
      height: 100%;
      display: flex;
      flex-direction: column;
      justify-content: center;
      gap: 4vh;
      padding: 6vmin;
      box-sizing: border-box;
    }
    h1 {
      margin: 0;
      font-size: var(--text-huge);
      letter-spacing: 0.06em;
    }
    p {
      margin: 0;
      font-size: clamp(5vh, 7vmin, 9vh);
      font-weight: 700;
      line-height: 1.2;
      overflow-wrap: anywhere;
    }
  `;

  override render() {
    return html`<section role="alert" aria-labelledby="title">
      <h1 id="title">${this.m.emergency}</h1>
      <p dir="auto">${this.emergency?.text ?? ''}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'emergency-overlay': EmergencyOverlay;
  }
}
