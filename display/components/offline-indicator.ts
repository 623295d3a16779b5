/** "Offline since 14:02": the screen is showing its last copy while the link is down. */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatClock } from '../../shared/time.ts';

@customElement('offline-indicator')
export class OfflineIndicator extends LitElement {
  /** Server-clock instant the link was lost; null while online. */
  @property({ type: Number }) since: number | null = null;
  @property() timezone = 'UTC';

  static override styles = css`
    :host {
      display: contents;
    }
    p {
      margin: 0;
      font-size: var(--text-min);
      font-weight: 700;
      color: var(--moved);
    }
  `;

  override render() {
    if (this.since === null) return nothing;
    return html`<p role="status">Offline since ${formatClock(this.since, this.timezone)}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'offline-indicator': OfflineIndicator;
  }
}
