/** Marks a rehearsal or demo clock, so nobody mistakes a simulated time for the real one. */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { stripNote } from '../styles/theme.ts';
import { consume } from '@lit/context';
import { en } from '../../shared/i18n/en.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { messagesContext } from '../i18n/messages-context.ts';

@customElement('simulated-marker')
export class SimulatedMarker extends LitElement {
  /** The screen's words, in its language. */
  @consume({ context: messagesContext, subscribe: true }) @state() private m: Messages = en;
  @property({ type: Boolean }) simulated = false;
  @property({ type: Number }) speed = 1;

  static override styles = [
    stripNote,
    css`
      p {
        letter-spacing: 0.08em;
        color: var(--accent);
      }
    `,
  ];

  override render() {
    if (!this.simulated) return nothing;
    const pace = this.speed === 1 ? '' : this.speed === 0 ? ` (${this.m.paused})` : ` ×${this.speed}`;
    return html`<p>${this.m.simulatedTime}${pace}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'simulated-marker': SimulatedMarker;
  }
}
