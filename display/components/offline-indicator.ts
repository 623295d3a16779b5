/** "Offline since 14:02": the screen is showing its last copy while the link is down. */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatClock } from '../../shared/time.ts';
import { stripNote } from '../styles/theme.ts';
import { consume } from '@lit/context';
import { en } from '../../shared/i18n/en.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { messagesContext } from '../i18n/messages-context.ts';
import { phrase } from '../../shared/i18n/phrase.ts';
import { isolated } from '../i18n/isolated.ts';

@customElement('offline-indicator')
export class OfflineIndicator extends LitElement {
  /** The screen's words, in its language. */
  @consume({ context: messagesContext, subscribe: true }) @state() private m: Messages = en;
  /** Server-clock instant the link was lost; null while online. */
  @property({ type: Number }) since: number | null = null;
  @property() timezone = 'UTC';

  static override styles = [
    stripNote,
    css`
      p {
        color: var(--moved);
      }
    `,
  ];

  override render() {
    if (this.since === null) return nothing;
    return html`<p role="status">${isolated(phrase(this.m.offlineSince, formatClock(this.since, this.timezone)))}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'offline-indicator': OfflineIndicator;
  }
}
