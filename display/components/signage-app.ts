/**
 * The display page: picks the screen from the URL (/display/room/<venueId> or /display/lobby), or
 * at the bare /display address shows what staff assigned to this screen (a pairing code until
 * then). It owns the schedule client and the ticking clock, and lays out the screen with what
 * every screen shares: announcements for it, the offline and simulated-time markers, the
 * emergency takeover, and the screen's name while staff identify it.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { PropertyValues } from 'lit';
import { provide } from '@lit/context';
import { en } from '../../shared/i18n/en.ts';
import { loadMessages } from '../../shared/i18n/load.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { languageDirection } from '../../shared/languages.ts';
import {
  languageIndexAt,
  parseScreenLanguages,
  screenLanguagesQuery,
  type ScreenLanguages,
} from '../../shared/language-rotation.ts';
import { fontStack, lineHeight, loadFonts } from '../i18n/fonts.ts';
import { ScreenFaces } from '../i18n/screen-faces.ts';
import { screenLanguages } from '../i18n/language.ts';
import { messagesContext } from '../i18n/messages-context.ts';
import { cacheLoadedAssets } from '../service-worker.ts';
import { SecondTicker } from '../controllers/second-ticker.ts';
import { ScheduleController } from '../controllers/schedule-controller.ts';
import { LOBBY, activeAnnouncements } from '../../shared/announcements.ts';
import { isManagedPath, parseRoute, type DisplayRoute } from '../data/route.ts';
import { connectToServers, parseServerList } from '../data/server-list.ts';
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

const LANGUAGE_KEY = 'signage-language';

/**
 * The staff-chosen languages, kept (as `lang=en,fr&every=10`) so a screen that restarts offline
 * comes up in them; a bare code is what screens stored before rotations.
 */
function storedLanguages(): ScreenLanguages | undefined {
  const value = browserStorage()?.getItem(LANGUAGE_KEY) ?? '';
  return parseScreenLanguages(value) ?? parseScreenLanguages(`lang=${value}`);
}

function storeLanguages(languages: ScreenLanguages | undefined): void {
  const storage = browserStorage();
  if (!storage || languages === undefined) return;
  storage.setItem(LANGUAGE_KEY, screenLanguagesQuery(languages));
}

/** The control panel's preview iframe (?preview=1): not a screen, and keeps no state of its own. */
function isPreview(): boolean {
  return new URLSearchParams(location.search).has('preview');
}

function createClient(): ScheduleClient | null {
  const route = parseRoute(location.pathname);
  if (route && isPreview()) return new ScheduleClient({ route, preview: true });
  if (!route && !isManagedPath(location.pathname)) return null;
  const servers = parseServerList(location.search);
  const connect = servers.length > 0 ? connectToServers(servers, location.origin) : undefined;
  return new ScheduleClient({ route, storage: browserStorage(), ...(connect && { connect }) });
}

@customElement('signage-app')
export class SignageApp extends LitElement {
  private readonly client = createClient();
  private readonly data = this.client ? new ScheduleController(this, this.client) : null;
  private readonly clock = new SecondTicker(this, this.client ?? { now: () => Date.now(), msToNextTick: () => 1000 });
  /** The catalogue on screen: English until the screen's languages (and their fonts) have loaded. */
  @provide({ context: messagesContext }) @state() private messages: Messages = en;
  /** The languages being loaded or shown (as a query); null before the first. */
  private wanted: string | null = null;
  /** The screen's languages once every one of them is loaded with its fonts: a switch is then instant. */
  @state() private shown: { languages: ScreenLanguages; catalogues: Messages[] } | null = null;
  private readonly faces = new ScreenFaces();
  /** Ms per lobby page (0: one page): a lobby of several pages changes language with each page turn. */
  @state() private lobbyTurn = 0;

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

  protected override willUpdate(): void {
    const assigned = this.data?.state.languages ?? storedLanguages();
    const languages = screenLanguages(location.search, assigned);
    if (screenLanguagesQuery(languages) !== this.wanted) void this.loadLanguages(languages);
  }

  /** Loads every language's words and fonts before any shows, so no switch shows boxes or waits. */
  private async loadLanguages(languages: ScreenLanguages): Promise<void> {
    const wanted = screenLanguagesQuery(languages);
    this.wanted = wanted;
    const catalogues = await Promise.all(
      languages.languages.map(async (language) => {
        const messages = await loadMessages(language);
        await loadFonts(messages);
        return messages;
      }),
    );
    if (this.wanted !== wanted) return;
    storeLanguages(this.data?.state.languages);
    await document.fonts.ready;
    // The language chunks and their fonts arrived after the service worker got the shell's list.
    cacheLoadedAssets();
    this.shown = { languages, catalogues };
  }

  /** The clock ticker has just read the time (hostUpdate): the language of this instant shows with it. */
  protected override update(changed: PropertyValues): void {
    this.showLanguageOfTheTurn();
    super.update(changed);
  }

  private showLanguageOfTheTurn(): void {
    if (!this.shown) return;
    const { languages, catalogues } = this.shown;
    // A lobby of several pages turns language with its page; a door (or a one-page lobby) on the interval.
    const lobbyTurns = this.data?.state.route?.view === 'lobby' && this.lobbyTurn > 0;
    const period = lobbyTurns ? this.lobbyTurn : languages.seconds * 1000;
    const messages = catalogues[languageIndexAt(this.clock.deviceNow, period, catalogues.length)]!;
    if (messages === this.messages && this.dataset.language === messages.language) return;
    this.messages = messages;
    const { language } = messages;
    const dir = languageDirection(language);
    this.dir = dir;
    this.style.setProperty('--script-font', fontStack(languages.languages));
    this.style.setProperty('--script-line-height', lineHeight(languages.languages));
    document.documentElement.lang = language;
    document.documentElement.dir = dir;
    this.dataset.language = language;
  }

  /** The faces of a revision's new characters, in every language of the screen, for offline turns. */
  protected override updated(): void {
    const { schedule, route } = this.data?.state ?? {};
    if (!schedule || !route || !this.shown) return;
    void this.faces.follow(schedule, route, this.shown.catalogues).then((fetched) => fetched && cacheLoadedAssets());
  }

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
      return html`<p class="message">${this.messages.notADisplay} <a href="/">${this.messages.listOfDisplays}</a></p>`;
    }
    const { schedule, clock, offlineSince, route, pairingCode } = this.data.state;
    if (!route) {
      // A screen waiting to be paired already hangs in a public place: an emergency covers it too.
      const emergency = schedule?.emergency;
      return html`${
        pairingCode
          ? html`<pairing-code class="screen" .code=${pairingCode} .origin=${location.origin}></pairing-code>`
          : html`<p class="message" role="status">${this.messages.connectingToServer}</p>`
      }
      ${this.renderEmergency(emergency)}`;
    }
    // Without the server's clock model a simulated day would flash up at the device's real time;
    // only a screen cut off from its server falls back to that.
    if (!schedule || (!clock && offlineSince === null)) {
      return html`<p class="message" role="status">
        ${offlineSince === null ? this.messages.connectingToSchedule : this.messages.waitingForServer}
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
      ${this.renderEmergency(emergency)}
    `;
  }

  /** Every language of the screen at once: nobody waits for their turn to read an evacuation order. */
  private renderEmergency(emergency: Schedule['emergency'] | undefined) {
    if (!emergency) return nothing;
    return html`<emergency-overlay
      .emergency=${emergency}
      .catalogues=${this.shown?.catalogues ?? [this.messages]}
    ></emergency-overlay>`;
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
                @lobby-turn=${(event: CustomEvent<number>) => (this.lobbyTurn = event.detail)}
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
