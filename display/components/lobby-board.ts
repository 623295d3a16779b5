/**
 * The lobby's departures board: one fixed-height row per running or upcoming session of the day
 * (time, room, title, lead organiser, status). When the rows don't fit it pages by itself
 * instead of shrinking text or scrolling; rows changed since the board first saw them stay
 * highlighted for a few minutes.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Schedule } from '../../shared/model.ts';
import { formatClock, formatDay } from '../../shared/time.ts';
import { lobbyView, relativeStart, type LobbyRow } from '../../shared/views/index.ts';
import { isHighlighted, trackVersions, type SeenVersions } from '../logic/change-tracker.ts';
import { changeLabels } from '../logic/format.ts';
import { pageAt, pageCount, pageSlice, rowsPerPage } from '../logic/paging.ts';
import { shared } from '../styles/theme.ts';
import './change-badge.ts';

@customElement('lobby-board')
export class LobbyBoard extends LitElement {
  @property({ attribute: false }) schedule: Schedule | null = null;
  /** Server-clock instant to show, epoch ms. */
  @property({ type: Number }) now = 0;
  /** Device real time of the same tick: pages and highlights run on real time. */
  @property({ type: Number }) realNow = 0;

  @state() private perPage = 1;
  private seen: SeenVersions = new Map();
  private resizeObserver: ResizeObserver | undefined;
  @query('.viewport') private viewport!: HTMLElement;
  @query('thead') private head!: HTMLElement;
  @query('.probe') private probe!: HTMLElement;

  static override styles = [
    shared,
    css`
      :host {
        display: flex;
        flex-direction: column;
        height: 100%;
        min-height: 0;
        overflow: hidden;
        --row-h: 10vh;
      }
      header {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 3vmin;
        padding: 2vh var(--pad) 1vh;
      }
      h1 {
        margin: 0;
        font-size: var(--text-title);
      }
      .date {
        display: inline-block;
        font-size: var(--text-body);
        color: var(--muted);
        margin-inline-start: 2vmin;
        font-weight: 400;
        white-space: nowrap;
      }
      .clock {
        font-size: var(--text-title);
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
        border-collapse: collapse;
        table-layout: fixed;
      }
      th {
        text-align: start;
        padding: 0.8vh 1vmin;
        border-bottom: 0.3vh solid var(--muted);
      }
      td {
        height: var(--row-h);
        box-sizing: border-box;
        padding: 0.8vh 1vmin;
        vertical-align: middle;
        font-size: var(--text-min);
        line-height: 1.2;
        border-bottom: 0.2vh solid var(--surface);
        overflow: hidden;
      }
      .c-time {
        width: 15%;
      }
      .c-room {
        width: 13%;
      }
      .c-org {
        width: 20%;
      }
      .c-status {
        width: 15%;
      }
      td.time {
        font-weight: 700;
      }
      .title {
        font-weight: 600;
      }
      .title-cell {
        display: flex;
        flex-direction: column;
        gap: 0.4vh;
      }
      tr.changed td {
        background: var(--highlight);
      }
      .running {
        color: var(--running);
        font-weight: 700;
      }
      .cancelled {
        color: var(--cancelled);
        font-weight: 700;
      }
      .updated {
        display: block;
        color: var(--fg);
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
      .empty {
        font-size: var(--text-body);
        padding: 2vh 0;
      }
      footer {
        display: flex;
        justify-content: flex-end;
        padding: 1vh var(--pad);
        font-size: var(--text-min);
        color: var(--muted);
        min-height: var(--text-min);
      }
      /* Portrait boards are narrow: smaller (still legible) type, start times only, no organiser. */
      @media (orientation: portrait) {
        :host {
          --text-min: 2.2vh;
          --text-body: 2.5vh;
          --text-title: 3.2vh;
          --row-h: 7.2vh;
        }
        .c-org,
        .org,
        .end {
          display: none;
        }
        .c-time {
          width: 14%;
        }
        .c-room {
          width: 16%;
        }
        .c-status {
          width: 22%;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(() => this.measure());
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

  /** Whole rows that fit below the column headings, from the real rendered sizes. */
  private measure(): void {
    const available = this.viewport.clientHeight - this.head.offsetHeight;
    this.perPage = rowsPerPage(available, this.probe.getBoundingClientRect().height);
  }

  override render() {
    const schedule = this.schedule;
    if (!schedule) return nothing;
    const zone = schedule.timezone;
    const rows = lobbyView(schedule, this.now).rows;
    const pages = pageCount(rows.length, this.perPage);
    const page = pageAt(this.realNow, pages);
    return html`
      <header>
        <h1>Sessions today <span class="date">${formatDay(this.now, zone)}</span></h1>
        <time class="clock time">${formatClock(this.now, zone)}</time>
      </header>
      <div class="viewport">
        <table>
          <thead>
            <tr class="label">
              <th class="c-time" scope="col">Time</th>
              <th class="c-room" scope="col">Room</th>
              <th scope="col">Session</th>
              <th class="c-org" scope="col">Organiser</th>
              <th class="c-status" scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            ${pageSlice(rows, page, this.perPage).map((row) => this.renderRow(row, zone))}
          </tbody>
        </table>
        ${rows.length === 0 ? html`<p class="empty">No more sessions today.</p>` : nothing}
        <div class="probe" aria-hidden="true"></div>
      </div>
      <footer>${pages > 1 ? `Page ${page + 1}/${pages}` : ''}</footer>
    `;
  }

  private renderRow(row: LobbyRow, zone: string) {
    const { session } = row;
    const changed = isHighlighted(this.seen, session.id, this.realNow);
    const labels = changeLabels(row.change, row.start, this.schedule!.venues, zone);
    // A fixed row height keeps the paging exact: with a change line, the title gets one line.
    const showLabels = labels.length > 0 && row.state !== 'cancelled';
    return html`<tr class=${changed ? 'changed' : ''} data-session=${session.id}>
      <td class="time">
        <span>${formatClock(row.start, zone)}</span><span class="end">–${formatClock(row.end, zone)}</span>
      </td>
      <td><span class="clamp-2" dir="auto">${row.venue?.name ?? session.venueId}</span></td>
      <td>
        <div class="title-cell">
          <span class="title ${showLabels ? 'clamp-1' : 'clamp-2'}" dir="auto"
            >${row.state === 'cancelled' ? html`<s>${session.title}</s>` : session.title}</span
          >
          ${showLabels ? html`<change-badge plain .labels=${labels}></change-badge>` : nothing}
        </div>
      </td>
      <td class="org"><span class="clamp-2" dir="auto">${session.organizers.lead}</span></td>
      <td>${this.renderStatus(row, zone)}${changed ? html`<span class="updated">Updated</span>` : nothing}</td>
    </tr>`;
  }

  private renderStatus(row: LobbyRow, zone: string) {
    if (row.state === 'cancelled') return html`<span class="cancelled">Cancelled</span>`;
    if (row.state === 'running') return html`<span class="running">In session</span>`;
    const relative = relativeStart(row.start, this.now, zone);
    return relative.startsWith('In ') ? html`<span>${relative}</span>` : html`<span>Scheduled</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lobby-board': LobbyBoard;
  }
}
