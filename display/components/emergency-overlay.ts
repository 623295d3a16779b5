/**
 * Takes over the whole screen the moment staff declare an emergency, and nothing else shows. A
 * bilingual screen shows its heading in both languages at once, stacked, instead of taking turns.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Emergency } from '../../shared/model.ts';
import { en } from '../../shared/i18n/en.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { languageDirection } from '../../shared/languages.ts';
import { fontStack } from '../i18n/fonts.ts';

@customElement('emergency-overlay')
export class EmergencyOverlay extends LitElement {
  /** The screen's words in each of its languages (two on a bilingual screen). */
  @property({ attribute: false }) catalogues: readonly Messages[] = [en];
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
    hgroup {
      display: flex;
      flex-direction: column;
      gap: 1vh;
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
      <hgroup id="title">
        ${this.catalogues.map(
          (m) =>
            html`<h1
              lang=${m.language}
              dir=${languageDirection(m.language)}
              style="font-family: ${fontStack([m.language])}"
            >
              ${m.emergency}
            </h1>`,
        )}
      </hgroup>
      <p dir="auto">${this.emergency?.text ?? ''}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'emergency-overlay': EmergencyOverlay;
  }
}
