/**
 * The display fleet: each screen's name, what it shows, whether it is connected (or since when it
 * is offline) and whether it has rendered the latest revision; plus a live preview of any screen.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DisplayStatus } from '../../shared/protocol.ts';
import type { ControlData } from '../data/control-data.ts';
import { StoreController } from '../controllers/store-controller.ts';
import { formatClockSeconds } from '../../shared/time.ts';
import { shortDay, venueName } from '../data/schedule-queries.ts';
import { offlineFor } from '../data/fleet.ts';
import { baseStyles } from './styles.ts';
import './display-preview.ts';

@customElement('screens-panel')
export class ScreensPanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      section {
        background: var(--panel);
        border: 1px solid var(--line);
        border-radius: 8px;
        padding: 0.8rem 1rem;
        margin-bottom: 1rem;
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: left;
        padding: 0.4rem 0.6rem;
        border-bottom: 1px solid #e3e6eb;
      }
      .state {
        font-weight: 700;
      }
      .connected {
        color: var(--ok-ink);
      }
      .offline,
      .behind {
        color: var(--danger);
      }
    `,
  ];

  @property({ attribute: false }) data?: ControlData;
  /** What the preview shows: "lobby" or a venue id. */
  @state() private preview = 'lobby';
  private readonly storeController = new StoreController(this, () => this.data);

  override render() {
    const store = this.data?.store;
    if (!store?.schedule) return nothing;
    const displays = [...store.displays].sort((a, b) => Number(b.connected) - Number(a.connected) || a.name.localeCompare(b.name));
    return html`<section aria-labelledby="screens-heading">
        <h2 id="screens-heading">Screens</h2>
        <p class="hint">Current revision: ${store.revision}. A screen is up to date once it has shown that revision.</p>
        ${displays.length === 0
          ? html`<p>No screen has connected yet.</p>`
          : html`<table>
              <thead>
                <tr><th scope="col">Screen</th><th scope="col">Shows</th><th scope="col">Connection</th><th scope="col">Revision</th><th scope="col"><span class="visually-hidden">Preview</span></th></tr>
              </thead>
              <tbody>
                ${displays.map((d) => this.renderRow(d))}
              </tbody>
            </table>`}
      </section>
      <display-preview .data=${this.data} .target=${this.preview} @target-change=${(e: CustomEvent<string>) => (this.preview = e.detail)}></display-preview>`;
  }

  private renderRow(d: DisplayStatus) {
    const store = this.data!.store;
    const zone = store.timezone;
    const shows = d.view === 'lobby' ? 'Lobby overview' : `Door of ${venueName(store.schedule!, d.venueId ?? '?')}`;
    const seen = Date.parse(d.lastSeen);
    const behind = store.revision - d.revision;
    return html`<tr>
      <th scope="row">${d.name}</th>
      <td>${shows}</td>
      <td class="state ${d.connected ? 'connected' : 'offline'}">
        ${d.connected ? 'Connected' : `Offline for ${offlineFor(store.clockOffset + Date.now() - seen)}`}
        ${d.connected ? nothing : html`<span class="hint">(last seen ${shortDay(seen, zone)} ${formatClockSeconds(seen, zone)}, real time)</span>`}
      </td>
      <td class=${behind > 0 ? 'behind' : ''}>${d.revision} — ${behind > 0 ? `behind by ${behind}` : 'up to date'}</td>
      <td>
        <button aria-label="Preview ${d.name}" @click=${() => (this.preview = d.view === 'lobby' ? 'lobby' : (d.venueId ?? 'lobby'))}>
          Preview
        </button>
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'screens-panel': ScreensPanel;
  }
}
