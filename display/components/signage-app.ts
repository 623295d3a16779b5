/**
 * The display page: picks the screen from the URL (/display/room/<venueId> or /display/lobby), or
 * at the bare /display address shows what staff assigned to this screen (a pairing code until
 * then). It owns the schedule client and the ticking clock, and lays out the screen with what
 * every screen shares: announcements for it, the offline and simulated-time markers, the
 * emergency takeover, and the screen's name while staff identify it.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { SecondTicker } from '../controllers/second-ticker.ts';
import { ScheduleController } from '../controllers/schedule-controller.ts';
import { LOBBY, activeAnnouncements } from '../../shared/announcements.ts';
import { isManagedPath, parseRoute, type DisplayRoute } from '../data/route.ts';
import { ScheduleClient } from '../data/schedule-client.ts';
import type { Schedule } from '../../shared/model.ts';
import { theme } from '../styles/theme.ts';
import './announcement-banner.ts';
import './door-display.ts';
import './emergency-overlay.ts';
import './offline-indicator.ts';
import './pairing-code.ts';
import './simulated-marker.ts';

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The control panel's preview iframe (?preview=1): not a screen, and keeps no state of its own. */
function isPreview(): boolean {
  return new URLSearchParams(location.search).has('preview');
}

function createClient(): ScheduleClient | null {
  const route = parseRoute(location.pathname);
  if (route && isPreview()) return new ScheduleClient({ route, preview: true });
  if (route || isManagedPath(location.pathname)) return new ScheduleClient({ route, storage: browserStorage() });
  return null;
}

@customElement('signage-app')
export class SignageApp extends LitElement {
  private readonly client = createClient();
  private readonly data = this.client ? new ScheduleController(this, this.client) : null;
  private readonly clock = new SecondTicker(this, this.client ?? { now: () => Date.now(), msToNextTick: () => 1000 });

  static override styles = [
    theme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        width: 100vw;
        height: 100vh;
        overflow: hidden;
      }
      .content {
        flex: 1;
        min-height: 0;
        display: flex;
        flex-direction: column;
      }
      .screen {
        flex: 1;
        min-height: 0;
      }
      .strip {
        display: flex;
        justify-content: space-between;
        gap: 3vmin;
        padding: 0.6vh var(--pad);
        background: var(--surface);
      }
      .message {
        margin: auto;
        padding: var(--pad);
        font-size: var(--text-body);
        text-align: center;
      }
      a {
        color: var(--accent);
      }
      .identify {
        position: fixed;
        inset: 0;
        z-index: 200;
        display: grid;
        place-items: center;
        padding: var(--pad);
        background: var(--accent);
        color: #000;
        font-size: clamp(8vh, 12vmin, 16vh);
        font-weight: 800;
        text-align: center;
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** A revision counts as rendered once the screen component below has rendered it too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const screen = this.renderRoot.querySelector<LitElement>('door-display, lobby-board');
    if (screen) await screen.updateComplete;
    return done;
  }

  override render() {
    const name = this.data?.state.identify;
    return html`${this.renderPage()}${name ? html`<div class="identify" role="status" dir="auto">${name}</div>` : nothing}`;
  }

  private renderPage() {
    if (!this.data) {
      return html`<p class="message">
        This address is not a display. Door displays are at /display/room/&lt;room id&gt;, the lobby board at
        /display/lobby. <a href="/">List of displays</a>
      </p>`;
    }
    const { schedule, clock, offlineSince, route, pairingCode } = this.data.state;
    if (!route) {
      // A screen waiting to be paired already hangs in a public place: an emergency covers it too.
      const emergency = schedule?.emergency;
      return html`${
        pairingCode
          ? html`<pairing-code class="screen" .code=${pairingCode} .origin=${location.origin}></pairing-code>`
          : html`<p class="message" role="status">Connecting to the schedule server…</p>`
      }
      ${emergency ? html`<emergency-overlay .emergency=${emergency}></emergency-overlay>` : nothing}`;
    }
    // Without the server's clock model a simulated day would flash up at the device's real time;
    // only a screen cut off from its server falls back to that.
    if (!schedule || (!clock && offlineSince === null)) {
      return html`<p class="message" role="status">
        ${offlineSince === null ? 'Connecting to the schedule…' : 'Waiting for the schedule server…'}
      </p>`;
    }
    const now = this.clock.now;
    // The emergency covers the screen at once; the screen stays mounted but inert underneath, so
    // it comes back instantly, with its state (lobby highlights, page), when the emergency ends.
    const emergency = schedule.emergency;
    return html`
      <div class="content" ?inert=${emergency !== null} aria-hidden=${emergency ? 'true' : nothing}>
        ${this.renderScreen(route, schedule, now)}
      </div>
      ${emergency ? html`<emergency-overlay .emergency=${emergency}></emergency-overlay>` : nothing}
    `;
  }

  private renderScreen(route: DisplayRoute, schedule: Schedule, now: number) {
    // The lobby board is loaded only by lobby screens: door screens (most of the fleet, on the
    // weakest players) stay within their JavaScript budget. Until it arrives the element is empty.
    if (route.view !== 'room') void import('./lobby-board.ts');
    const { clock, offlineSince } = this.data!.state;
    const screenId = route.view === 'room' ? route.venueId : LOBBY;
    const announcements = activeAnnouncements(schedule.announcements, screenId, now, schedule.timezone);
    const simulated = clock?.simulated ?? false;
    return html`
      <main class="screen">
        ${
          route.view === 'room'
            ? html`<door-display .schedule=${schedule} .venueId=${route.venueId} .now=${now}></door-display>`
            : html`<lobby-board
                .schedule=${schedule}
                .now=${now}
                .realNow=${this.clock.deviceNow}
                .directions=${this.data!.state.directions}
              ></lobby-board>`
        }
      </main>
      <announcement-banner .announcements=${announcements}></announcement-banner>
      ${
        offlineSince !== null || simulated
          ? html`<div class="strip" role="contentinfo">
              <offline-indicator .since=${offlineSince} .timezone=${schedule.timezone}></offline-indicator>
              <simulated-marker .simulated=${simulated} .speed=${clock?.speed ?? 1}></simulated-marker>
            </div>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'signage-app': SignageApp;
  }
}
