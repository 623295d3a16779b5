/**
 * Rooms × time for one day: one row per venue, sessions placed by their venue-time start and end,
 * overlapping ones stacked, and a line at the venue clock's "now". Every session is a button.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Session, Venue } from '../../shared/model.ts';
import type { ControlData } from '../data/control-data.ts';
import { PeriodicRerender } from '../controllers/periodic-rerender.ts';
import { formatClock, venueWallTime } from '../../shared/time.ts';
import { parseInstant } from '../../shared/time-parse.ts';
import { assignLanes, dayRange, matchesSearch } from '../data/schedule-queries.ts';
import { chipContent, isChanged } from './session-chip.ts';
import { baseStyles } from './styles.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { panelDay } from '../i18n/format.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';

const HOUR = 3_600_000;
/** Height of one lane of sessions in a room row. */
const LANE_REM = 4.6;

@customElement('schedule-grid')
export class ScheduleGrid extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        --label: 9.5rem;
      }
      .scroller {
        overflow-x: auto;
        background: var(--panel);
        border: 1px solid var(--line);
        border-radius: 8px;
      }
      .grid {
        position: relative;
        /* Below ~7rem per hour a 50-minute session cannot show its badges: scroll instead. */
        min-width: calc(var(--label) + var(--hours) * 7rem);
      }
      .scale,
      .room-row {
        display: grid;
        grid-template-columns: var(--label) 1fr;
      }
      .scale .ticks,
      .track {
        position: relative;
      }
      .scale {
        border-bottom: 1px solid var(--line);
        height: 2.9rem;
      }
      .tick {
        position: absolute;
        top: 1.5rem;
        z-index: 4;
        padding: 0 0.15rem;
        background: var(--panel);
        transform: translateX(-50%);
        color: var(--muted);
        font-size: 0.85rem;
        font-variant-numeric: tabular-nums;
      }
      .tick:first-child {
        transform: none;
      }
      .room-row {
        border-bottom: 1px solid #e3e6eb;
      }
      .room-row:last-child {
        border-bottom: none;
      }
      .room {
        padding: 0.4rem 0.6rem;
        font-weight: 700;
        border-inline-end: 1px solid var(--line);
        overflow-wrap: anywhere;
      }
      .room small {
        display: block;
        font-weight: 400;
        color: var(--muted);
      }
      .track {
        background-image: linear-gradient(to right, #e3e6eb 1px, transparent 1px);
        background-size: var(--hour-width) 100%;
      }
      .session {
        position: absolute;
        display: flex;
        flex-direction: column;
        align-items: stretch;
        gap: 0.05rem;
        padding: 0.2rem 0.3rem;
        border: 1px solid #6d90bd;
        border-inline-start: 4px solid var(--accent);
        background: #e8f0fa;
        color: var(--ink);
        text-align: start;
        font-size: 0.8rem;
        line-height: 1.2;
        overflow: hidden;
        border-radius: 4px;
      }
      .session .time {
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .session .title {
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
      .session .badges {
        white-space: nowrap;
        overflow: hidden;
      }
      .session .badge {
        padding: 0 0.15rem;
      }
      .session.now {
        background: #dff3e6;
        border-inline-start-color: #1f6f3b;
      }
      .session.changed {
        border-inline-start-color: #b06f00;
      }
      .session.cancelled {
        background: #f1f2f4;
        border-color: #9aa1ab;
        border-inline-start-color: #6b7280;
      }
      .session.cancelled .title {
        text-decoration: line-through;
      }
      .session.match {
        outline: 3px solid #b06f00;
        outline-offset: -1px;
        background: var(--warn-bg);
      }
      .session:focus-visible {
        z-index: 2;
        outline: 3px solid var(--focus);
        outline-offset: 1px;
      }
      .now-line {
        position: absolute;
        top: 0;
        bottom: 0;
        width: 0;
        border-inline-start: 2px solid #c1121f;
        pointer-events: none;
        z-index: 3;
      }
      .now-line span {
        position: absolute;
        top: 0.15rem;
        inset-inline-start: 0.2rem;
        background: #c1121f;
        color: #fff;
        font-size: 0.75rem;
        font-weight: 700;
        padding: 0 0.3rem;
        border-radius: 3px;
        white-space: nowrap;
      }
      .empty {
        padding: 1rem;
      }
    `,
  ];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  @property({ attribute: false }) sessions: Session[] = [];
  @property() day = '';
  @property() query = '';
  private readonly rerender = new PeriodicRerender(this, 10_000);
  private readonly locale = new LocaleController(this);

  override render() {
    const schedule = this.data?.store.schedule;
    if (!schedule || !this.day) return nothing;
    const zone = schedule.timezone;
    const range = dayRange(this.sessions, this.day, zone);
    const span = range.end - range.start;
    const hours = Math.round(span / HOUR);
    const now = this.data!.store.now();
    const nowFraction = (now - range.start) / span;
    const venues = this.venues(schedule.venues);
    return html`<section
      class="scroller"
      aria-label=${this.locale.t.gridLabel(panelDay(venueWallTime(this.day, 12, 0, zone), zone, this.locale.language))}
    >
      <div class="grid" style=${styleMap({ '--hour-width': `${100 / hours}%`, '--hours': String(hours) })}>
        <div class="scale" aria-hidden="true">
          <span></span>
          <div class="ticks">
            ${Array.from({ length: hours }, (_, i) => {
              const at = range.start + i * HOUR;
              return html`<span class="tick" style="inset-inline-start:${(i / hours) * 100}%"
                >${formatClock(at, zone)}</span
              >`;
            })}
          </div>
        </div>
        ${venues.map((venue) => this.renderRow(venue, range.start, span, now))}
        ${
          nowFraction >= 0 && nowFraction <= 1
            ? html`<div
                class="now-line"
                style="inset-inline-start: calc(var(--label) + (100% - var(--label)) * ${nowFraction})"
              >
                <span>${this.locale.t.gridNow(formatClock(now, zone))}</span>
              </div>`
            : nothing
        }
      </div>
    </section>`;
  }

  private renderRow(venue: Venue, start: number, span: number, now: number) {
    const zone = this.data!.store.timezone;
    const sessions = this.sessions.filter((s) => s.venueId === venue.id);
    const times = sessions.map((s) => ({ start: parseInstant(s.start, zone), end: parseInstant(s.end, zone) }));
    const { lanes, count } = assignLanes(times);
    const laneHeight = 100 / count;
    return html`<div class="room-row" role="group" aria-labelledby="room-${venue.id}">
      <div class="room" id="room-${venue.id}">
        <bdi>${venue.name}</bdi>${venue.kind === 'online' ? html`<small>${this.locale.t.ptOnline}</small>` : nothing}
      </div>
      <div class="track" style="height:${count * LANE_REM}rem">
        ${repeat(
          sessions,
          (s) => s.id,
          (s, i) => {
            const t = times[i]!;
            const classes = {
              session: true,
              cancelled: s.status === 'cancelled',
              changed: isChanged(s),
              now: s.status !== 'cancelled' && t.start <= now && now < t.end,
              match: this.query.trim() !== '' && matchesSearch(s, this.query),
            };
            const style = {
              'inset-inline-start': `${((t.start - start) / span) * 100}%`,
              width: `calc(${((t.end - t.start) / span) * 100}% - 2px)`,
              top: `calc(${lanes[i]! * laneHeight}% + 2px)`,
              height: `calc(${laneHeight}% - 4px)`,
            };
            return html`<button
              class=${classMap(classes)}
              style=${styleMap(style)}
              title=${s.title}
              @click=${() => this.open(s.id)}
            >
              ${chipContent(this.data!.store.schedule!, s, this.locale.t)}
            </button>`;
          },
        )}
      </div>
    </div>`;
  }

  /** Every venue of the programme, plus any a session names that the list lacks. */
  private venues(known: Venue[]): Venue[] {
    const extra = [...new Set(this.sessions.map((s) => s.venueId))]
      .filter((id) => !known.some((v) => v.id === id))
      .map((id): Venue => ({ id, name: id, kind: 'room' }));
    return [...known, ...extra];
  }

  private open(id: string): void {
    this.dispatchEvent(new CustomEvent('open-session', { detail: id }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'schedule-grid': ScheduleGrid;
  }
}
