/** The door's status band: a colour AND a word (free, starting soon, in session), never colour alone. */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RoomStatus } from '../../shared/views/index.ts';
import { consume } from '@lit/context';
import { en } from '../../shared/i18n/en.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { messagesContext } from '../i18n/messages-context.ts';
import type { Phrase } from '../../shared/i18n/phrase.ts';
import { isolated } from '../i18n/isolated.ts';

function statusWord(status: RoomStatus, m: Messages): string {
  switch (status) {
    case 'free':
      return m.free;
    case 'starting-soon':
      return m.startingSoon;
    case 'in-session':
      return m.inSession;
    case 'moved':
      return m.moved;
  }
}

@customElement('status-band')
export class StatusBand extends LitElement {
  /** The screen's words, in its language. */
  @consume({ context: messagesContext, subscribe: true }) @state() private m: Messages = en;
  @property() status: RoomStatus = 'free';
  /** "until 13:50", "In 8 min", ... */
  @property({ attribute: false }) detail: Phrase = [];
  /** An online venue has no door to be free or busy: a neutral band that says "Online". */
  @property({ type: Boolean }) online = false;

  static override styles = css`
    :host {
      display: block;
    }
    div {
      display: flex;
      align-items: baseline;
      gap: 2vmin;
      padding: 1vh var(--pad);
      color: var(--on-band);
      font-size: var(--text-lead);
      font-weight: 800;
    }
    .word {
      text-transform: uppercase;
      letter-spacing: 0.06em;
    }
    .detail {
      font-size: var(--text-body);
      font-weight: 600;
    }
    .free {
      background: var(--free);
    }
    .starting-soon {
      background: var(--soon);
    }
    .in-session {
      background: var(--busy);
    }
    .moved {
      background: var(--moved);
    }
    .online {
      background: var(--accent);
    }
  `;

  override render() {
    return html`<div class="band ${this.online ? 'online' : this.status}" role="status">
      <span class="word">${this.online ? this.m.online : statusWord(this.status, this.m)}</span>
      <span class="detail">${isolated(this.detail)}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'status-band': StatusBand;
  }
}
