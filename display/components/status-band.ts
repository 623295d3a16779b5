/** The door's status band: a colour AND a word (free, starting soon, in session), never colour alone. */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RoomStatus } from '../../shared/views/index.ts';

const STATUS_WORD: Record<RoomStatus, string> = {
  free: 'Free',
  'starting-soon': 'Starting soon',
  'in-session': 'In session',
  moved: 'Moved',
};

@customElement('status-band')
export class StatusBand extends LitElement {
  @property() status: RoomStatus = 'free';
  /** "until 13:50", "In 8 min", ... */
  @property() detail = '';
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
      <span class="word">${this.online ? 'Online' : STATUS_WORD[this.status]}</span>
      <span class="detail">${this.detail}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'status-band': StatusBand;
  }
}
