/**
 * Takes over the whole screen the moment staff declare an emergency, and nothing else shows. The
 * text is in the screen's language when staff gave it in that language (or chose a prepared
 * message, which comes in all seven). A bilingual screen shows its heading and text in both
 * languages at once, stacked, instead of taking turns: nobody should wait 10 s to read "leave".
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Emergency } from '../../shared/model.ts';
import { en } from '../../shared/i18n/en.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { languageDirection } from '../../shared/languages.ts';
import { fontStack } from '../i18n/fonts.ts';
import { localizedText, type LocalizedText } from '../../shared/translations.ts';

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
    /* Two texts share the height one would have. */
    p + p {
      border-block-start: 0.4vh solid currentColor;
      padding-block-start: 3vh;
    }
    .texts-2 p {
      font-size: clamp(3.5vh, 5vmin, 6.5vh);
    }
  `;

  /** The text in each of the screen's languages, once when both show the same (no translation). */
  private texts(): LocalizedText[] {
    const emergency = this.emergency;
    if (!emergency) return [];
    const chosen = this.catalogues.map((m) => localizedText(emergency, m.language));
    return chosen.filter((text, index) => chosen.findIndex((other) => other.text === text.text) === index);
  }

  override render() {
    const texts = this.texts();
    return html`<section role="alert" aria-labelledby="title" class="texts-${texts.length}">
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
      ${texts.map((text) => html`<p dir="auto" lang=${text.language ?? nothing}>${text.text}</p>`)}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'emergency-overlay': EmergencyOverlay;
  }
}
