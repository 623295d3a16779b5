/**
 * The lobby's departures board: one row per running or upcoming session of the day (time, room
 * with its directions, title, lead organiser, and ONE status column carrying the news in words
 * and colour). Rows have a fixed height so paging is exact; the whole cycle through the pages
 * takes at most LOBBY_CYCLE_MS. After the last session it lists tomorrow's under a heading.
 * Fires `lobby-turn` (detail: ms per page, 0 for a single page) when that changes: a bilingual
 * lobby turns its language with its pages.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Schedule, Venue } from '../../shared/model.ts';
import { formatClock, formatDay, venueWallTime } from '../../shared/time.ts';
import type { LobbyRow } from '../../shared/views/index.ts';
import { lobbyStatus } from '../../shared/views/lobby-status.ts';
import { lobbyView } from '../../shared/views/lobby-view.ts';
import { shownTitle, titleStyleOf } from '../../shared/title-case.ts';
import { isHighlighted, trackVersions, type SeenVersions } from '../logic/change-tracker.ts';
import { fitTitles } from '../logic/fit-text.ts';
import { boardDirections } from '../logic/format.ts';
import { cyclePeriod, pageAt, pageCount, pageSlice, rowsPerPage } from '../logic/paging.ts';
import { column, screenHeader, shared } from '../styles/theme.ts';
import { consume } from '@lit/context';
import { en } from '../../shared/i18n/en.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { messagesContext } from '../i18n/messages-context.ts';
import { isolated } from '../i18n/isolated.ts';
import { phrase } from '../../shared/i18n/phrase.ts';
import { localizedTitle } from '../../shared/translations.ts';

@customElement('lobby-board')
export class LobbyBoard extends LitElement {
  /** The screen's words, in its language. */
  @consume({ context: messagesContext, subscribe: true }) @state() private m: Messages = en;
  @property({ attribute: false }) schedule: Schedule | null = null;
  /** Server-clock instant to show, epoch ms. */
  @property({ type: Number }) now = 0;
  /** Device real time of the same tick: pages and highlights run on real time. */
  @property({ type: Number }) realNow = 0;
  /** This screen's own way to each room (venue id → "M7 ↑ 1st floor"), over the venue's. */
  @property({ attribute: false }) directions: Record<string, string> = {};

  @state() private perPage = 1;
  /** The time per page last announced with `lobby-turn` (0: one page, no turns). */
  private announcedPeriod = 0;
  private period = 0;
  private seen: SeenVersions = new Map();
  private resizeObserver: ResizeObserver | undefined;
  @query('.viewport') private viewport!: HTMLElement;
  @query('thead') private head!: HTMLElement;
  @query('.probe') private probe!: HTMLElement;

  static override styles = [
    shared,
    column,
    screenHeader,
    css`
      :host {
        height: 100%;
        overflow: hidden;
        /* Nine rows and more at 16:9, also under an announcement banner and the simulated-time
           bar. The board's text is its own floor: the theme's (sized for a door's few lines)
           made every title larger than the row around it, which cut its last line in half. */
        --row-text: 2.9vh;
        --text-min: var(--row-text);
        /* Tight (Noto's glyphs stand 1.36 em) so that ten rows fit under a banner and the simulated-time bar. */
        --row-line: 1.12;
        --row-lines: 2;
        /* A row holds its lines whole, plus the cell's padding and border (.cell); whole pixels,
           so every row is the same height and paging is exact. */
        --row-h: round(up, calc(var(--row-lines) * var(--row-line) * var(--row-text) + 0.5vh), 1px);
      }
      header {
        align-items: baseline;
        padding: 1.2vh var(--pad) 0.6vh;
      }
      h1 {
        margin: 0;
        font-size: 4.2vh;
      }
      .date {
        display: inline-block;
        font-size: var(--row-text);
        color: var(--muted);
        margin-inline-start: 2vmin;
        font-weight: 400;
        white-space: nowrap;
      }
      .clock {
        font-size: 4.2vh;
        font-weight: 700;
      }
      .viewport {
        position: relative;
        flex: 1;
        min-height: 0;
        overflow: hidden;
        padding: 0 var(--pad);
      }
      table {
        width: 100%;
        /* Separate borders: a collapsed heading border would be shared with (and grow) the first row. */
        border-collapse: separate;
        border-spacing: 0;
        table-layout: fixed;
      }
      th {
        text-align: start;
        padding: 0.4vh 1vmin;
        /* One line in every language: a heading that wraps in one of a bilingual lobby's two would
           take a row's height from the pages at each switch. */
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        font-size: var(--row-text);
        border-bottom: 0.3vh solid var(--muted);
      }
      td {
        height: var(--row-h);
        padding: 0;
        vertical-align: top;
        font-size: var(--row-text);
        line-height: var(--row-line);
      }
      /* Each cell is exactly one row high whatever it holds (a two-line status, a struck-out
         time): a taller cell would grow its row, and paging counts on every row being equal. */
      .cell {
        box-sizing: border-box;
        height: var(--row-h);
        padding: 0.15vh 1vmin;
        border-bottom: 0.2vh solid var(--surface);
        overflow: hidden;
        display: flex;
        flex-direction: column;
        justify-content: safe center;
      }
      .c-time {
        width: 8%;
      }
      .c-room {
        width: 15%;
      }
      .c-org {
        width: 17%;
      }
      .c-status {
        width: 15%;
      }
      td.time {
        font-weight: 700;
      }
      .was {
        display: block;
        color: var(--muted);
        font-weight: 400;
      }
      .room {
        font-weight: 700;
      }
      .way {
        color: var(--muted);
        font-weight: 400;
      }
      .title {
        font-weight: 600;
      }
      .discussing {
        color: var(--accent);
        font-weight: 700;
      }
      tr.changed td {
        background: var(--highlight);
      }
      .status {
        font-weight: 800;
      }
      .status.now {
        color: var(--running);
      }
      .status.soon {
        color: var(--soon);
      }
      .status.moved,
      .status.delayed {
        color: #000;
        background: var(--moved);
        /* No vertical padding: two lines of it must fit the fixed row. */
        padding: 0 0.8vmin;
        border-radius: var(--radius);
        display: inline-block;
      }
      .status.cancelled {
        color: var(--cancelled);
      }
      .updated {
        font-weight: 700;
      }
      .status.later {
        color: var(--muted);
        font-weight: 600;
      }
      s {
        color: var(--muted);
        text-decoration-thickness: 0.3vh;
      }
      .probe {
        position: absolute;
        visibility: hidden;
        height: var(--row-h);
        width: 1px;
      }
      .empty,
      .tomorrow {
        margin: 0;
        font-size: var(--row-text);
        padding: 1vh 0;
      }
      .tomorrow {
        font-weight: 700;
        color: var(--accent);
      }
      footer {
        display: flex;
        justify-content: flex-end;
        gap: 1vmin;
        padding: 0.5vh var(--pad);
        font-size: var(--row-text);
        color: var(--muted);
        min-height: var(--row-text);
      }
      .dot {
        display: inline-block;
        width: 1.6vh;
        height: 1.6vh;
        border-radius: 50%;
        border: 0.25vh solid var(--muted);
        align-self: center;
      }
      .dot.on {
        background: var(--fg);
        border-color: var(--fg);
      }
      /* Portrait boards are narrow: the organiser column goes first, before titles or rooms cut. */
      @media (orientation: portrait) {
        :host {
          --row-text: 2.2vh;
          --row-lines: 3;
        }
        /* The height portrait has goes to a third line of title. */
        .title.clamp-2 {
          -webkit-line-clamp: var(--row-lines);
        }
        h1,
        .clock {
          font-size: 3.2vh;
        }
        .c-org,
        .org {
          display: none;
        }
        /* Wide enough for the heading in every language ("Heure", "Время"), not only for "14:30". */
        .c-time {
          width: 17%;
        }
        .c-room {
          width: 19%;
        }
        .c-status {
          width: 22%;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    // The titles' sizes are pixels fitted to the old size: refit them too, even when the count
    // of rows per page (and so the render) stays the same.
    this.resizeObserver = new ResizeObserver(() => {
      this.measure();
      fitTitles(this.renderRoot);
    });
    if (this.hasUpdated) this.resizeObserver.observe(this.viewport);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  override firstUpdated(): void {
    this.resizeObserver?.observe(this.viewport);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('schedule') && this.schedule) {
      this.seen = trackVersions(this.seen, this.schedule.sessions, this.realNow || Date.now());
    }
  }

  override updated(): void {
    fitTitles(this.renderRoot);
    if (this.period !== this.announcedPeriod) {
      this.announcedPeriod = this.period;
      this.dispatchEvent(new CustomEvent('lobby-turn', { detail: this.period }));
    }
  }

  /** Whole rows that fit below the column headings, from the real rendered sizes. */
  private measure(): void {
    const available = this.viewport.clientHeight - this.head.offsetHeight - this.headingHeight();
    this.perPage = rowsPerPage(available, this.probe.getBoundingClientRect().height);
  }

  private headingHeight(): number {
    return this.renderRoot.querySelector<HTMLElement>('.tomorrow')?.offsetHeight ?? 0;
  }

  override render() {
    const schedule = this.schedule;
    if (!schedule) return nothing;
    const zone = schedule.timezone;
    const view = lobbyView(schedule, this.now);
    const tomorrow = view.rows.length === 0 && view.tomorrow.length > 0;
    const rows = tomorrow ? view.tomorrow : view.rows;
    const pages = pageCount(rows.length, this.perPage);
    this.period = pages > 1 ? cyclePeriod(pages) : 0;
    const page = pageAt(this.realNow, pages, cyclePeriod(pages));
    return html`
      <header>
        <h1>${this.m.sessionsToday} <span class="date">${formatDay(this.now, zone, this.m.locale)}</span></h1>
        <time class="clock time">${formatClock(this.now, zone)}</time>
      </header>
      <div class="viewport">
        ${
          tomorrow && view.tomorrowDay
            ? html`<p class="tomorrow">
                ${this.m.tomorrow} · ${formatDay(venueWallTime(view.tomorrowDay, 12, 0, zone), zone, this.m.locale)}
              </p>`
            : nothing
        }
        <table>
          <thead>
            <tr class="label">
              <th class="c-time" scope="col">${this.m.columnTime}</th>
              <th class="c-room" scope="col">${this.m.columnRoom}</th>
              <th scope="col">${this.m.columnSession}</th>
              <th class="c-org" scope="col">${this.m.columnOrganiser}</th>
              <th class="c-status" scope="col">${this.m.columnStatus}</th>
            </tr>
          </thead>
          <tbody>
            ${pageSlice(rows, page, this.perPage).map((row) => this.renderRow(row, zone))}
          </tbody>
        </table>
        ${rows.length === 0 ? html`<p class="empty">${this.m.noMoreSessionsLobby}</p>` : nothing}
        <div class="probe" aria-hidden="true"></div>
      </div>
      <footer aria-label=${pages > 1 ? this.m.pageOf(page + 1, pages) : nothing}>
        ${
          pages > 1
            ? html`<span class="page">${this.m.pageShort(page + 1, pages)}</span>
                ${Array.from({ length: pages }, (_, i) => html`<span class="dot ${i === page ? 'on' : ''}"></span>`)}`
            : nothing
        }
      </footer>
    `;
  }

  private renderRow(row: LobbyRow, zone: string) {
    const { session } = row;
    const venues = this.schedule!.venues;
    const changed = isHighlighted(this.seen, session.id, this.realNow);
    const status = lobbyStatus(row, this.now, venues, zone, this.m);
    const title = shownTitle(session, titleStyleOf(this.schedule), this.m.language);
    const lang = title.language ?? nothing;
    const delayed = (row.change.startShiftMinutes ?? 0) !== 0 && row.state !== 'cancelled';
    const discussing = session.agendaItems?.find((item) => item.code === session.currentAgendaItem);
    return html`<tr class=${changed ? 'changed' : ''} data-session=${session.id}>
      <td class="time">
        <div class="cell">
          ${delayed ? html`<s class="was">${formatClock(Date.parse(session.planned.start), zone)}</s>` : nothing}<span
            >${formatClock(row.start, zone)}</span
          >
        </div>
      </td>
      <td><div class="cell">${this.renderRoom(row.venue, session.venueId)}</div></td>
      <td>
        <div class="cell">
          ${
            discussing && row.state === 'running'
              ? html`<span class="title clamp-1" dir="auto" lang=${lang}>${title.text}</span>
                  <span class="discussing clamp-1"
                    >${isolated(
                      phrase(this.m.nowDiscussingItem, discussing.code, localizedTitle(discussing, this.m.language)),
                    )}</span
                  >`
              : html`<span class="title clamp-2" data-fit="0.96 1" dir="auto" lang=${lang}
                  >${row.state === 'cancelled' ? html`<s>${title.text}</s>` : title.text}</span
                >`
          }
        </div>
      </td>
      <td class="org">
        <div class="cell"><span class="clamp-2" dir="auto">${session.organizers.lead}</span></div>
      </td>
      <td>
        <div class="cell">
          <div class="clamp-2">
            <span class="status ${status.tone}">${isolated(status.text)}</span>${
              changed ? html` <span class="updated">· ${this.m.updated}</span>` : nothing
            }
          </div>
        </div>
      </td>
    </tr>`;
  }

  private renderRoom(venue: Venue | undefined, venueId: string) {
    // This screen's own way to the room, else the venue's (short) directions, else its floor.
    const way = this.directions[venueId] ?? boardDirections(venue);
    return html`<span class="clamp-2" dir="auto"
      ><bdi class="room">${venue?.name ?? venueId}</bdi>${way ? html` <span class="way">${way}</span>` : nothing}</span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lobby-board': LobbyBoard;
  }
}
