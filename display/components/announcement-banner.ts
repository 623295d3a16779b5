/**
 * Staff announcements for this screen: urgent ones prominent (amber, "Important"), info ones calm.
 * The caller passes only the announcements addressed to this screen and not yet expired.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Announcement } from '../../shared/model.ts';
import { localizedText } from '../../shared/translations.ts';
import { consume } from '@lit/context';
import { en } from '../../shared/i18n/en.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { messagesContext } from '../i18n/messages-context.ts';

/** More than this would crowd out the schedule; urgent ones come first, so they stay. */
const MAX_SHOWN = 3;

@customElement('announcement-banner')
export class AnnouncementBanner extends LitElement {
  /** The screen's words, in its language. */
  @consume({ context: messagesContext, subscribe: true }) @state() private m: Messages = en;
  @property({ attribute: false }) announcements: Announcement[] = [];

  static override styles = css`
    :host {
      display: block;
    }
    section {
      display: flex;
      flex-direction: column;
      gap: 0.8vh;
    }
    p {
      margin: 0;
      padding: 1vh var(--pad);
      font-size: var(--text-body);
      line-height: 1.25;
    }
    /* Clamped inside the padding, so no third line peeks out below. */
    .body {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      overflow: hidden;
      overflow-wrap: anywhere;
    }
    /* Portrait panels have the height: announcements wrap in full (a generous cap for runaway text). */
    @media (orientation: portrait) {
      .body {
        -webkit-line-clamp: 6;
      }
    }
    .info {
      background: var(--info-bg);
      color: var(--fg);
    }
    .urgent {
      background: var(--urgent-bg);
      color: #000000;
      font-weight: 700;
    }
    .kind {
      margin-inline-end: 1.5vmin;
      font-size: var(--text-min);
      font-weight: 800;
      text-transform: uppercase;
      letter-spacing: 0.06em;
    }
  `;

  override render() {
    if (this.announcements.length === 0) return nothing;
    const shown = this.announcements.slice(0, MAX_SHOWN);
    // Urgent ones are alerts for assistive technology; the others are polite status messages.
    return html`<section aria-label=${this.m.announcements}>
      ${shown.map((a) => {
        const text = localizedText(a, this.m.language);
        return html`<p class=${a.severity} role=${a.severity === 'urgent' ? 'alert' : 'status'}>
          <span class="body"
            ><span class="kind">${a.severity === 'urgent' ? this.m.important : this.m.info}</span
            ><bdi dir="auto" lang=${text.language ?? nothing}>${text.text}</bdi></span
          >
        </p>`;
      })}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'announcement-banner': AnnouncementBanner;
  }
}
