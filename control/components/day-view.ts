/**
 * The schedule section: pick a day, search, see rooms × time (a list on narrow screens), open a
 * session to change it, add a new one, and steer the plenary's agenda.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ControlData } from '../data/control-data.ts';
import { StoreController } from '../controllers/store-controller.ts';
import { MediaController } from '../controllers/media-controller.ts';
import { venueWallTime } from '../../shared/time.ts';
import { parseInstant } from '../../shared/time-parse.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { panelDay, panelShortDay } from '../i18n/format.ts';
import {
  defaultDay,
  matchesSearch,
  programmeDays,
  sessionsOfDay,
  slotLabel,
  venueName,
} from '../data/schedule-queries.ts';
import { baseStyles } from './styles.ts';
import './schedule-grid.ts';
import './schedule-list.ts';
import './plenary-agenda.ts';
import './session-dialog.ts';
import './new-session-dialog.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';

/** How many search hits to list; the grid highlights every hit of the chosen day anyway. */
const MAX_RESULTS = 30;

@customElement('day-view')
export class DayView extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.8rem 1.2rem;
        align-items: end;
        margin-bottom: 0.8rem;
      }
      .days {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        border: none;
        margin: 0;
        padding: 0;
      }
      .days legend {
        padding: 0;
        margin-bottom: 0.2rem;
      }
      .days button[aria-pressed='true'] {
        background: var(--accent);
        color: var(--accent-ink);
        font-weight: 700;
      }
      .search input {
        width: 18rem;
        max-width: 80vw;
      }
      .results {
        background: var(--panel);
        border: 1px solid var(--line);
        border-radius: 8px;
        padding: 0.6rem 0.8rem;
        margin-bottom: 0.8rem;
      }
      .results ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .results li button {
        border: none;
        text-align: start;
        width: 100%;
        color: var(--ink);
      }
      .results .meta {
        color: var(--muted);
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  @state() private day = '';
  @state() private query = '';
  @state() private openSessionId: string | null = null;
  @state() private creating = false;
  private readonly storeController = new StoreController(this, () => this.data);
  private readonly narrow = new MediaController(this, '(max-width: 799px)');
  private readonly locale = new LocaleController(this);

  override render() {
    const schedule = this.data?.store.schedule;
    if (!this.data || !schedule) return nothing;
    const zone = schedule.timezone;
    const days = programmeDays(schedule);
    const day = days.includes(this.day) ? this.day : (defaultDay(days, this.data.store.now(), zone) ?? '');
    const sessions = sessionsOfDay(schedule, day);
    const t = this.locale.t;
    return html`<div class="toolbar">
        <fieldset class="days">
          <legend>${t.dayLegend}</legend>
          ${days.map(
            (d) =>
              html`<button aria-pressed=${d === day ? 'true' : 'false'} @click=${() => (this.day = d)}>
                ${panelShortDay(venueWallTime(d, 12, 0, zone), zone, this.locale.language)}
              </button>`,
          )}
        </fieldset>
        <div class="field search">
          <label for="search">${t.daySearchLabel}</label>
          <input id="search" type="search" .value=${this.query} @input=${this.onSearch} />
        </div>
        <button class="primary" @click=${() => (this.creating = true)}>${t.dayAddSession}</button>
      </div>
      ${this.query.trim() ? this.renderResults() : nothing}
      ${
        this.narrow.matches
          ? html`<schedule-list
              .sessions=${sessions}
              .query=${this.query}
              @open-session=${this.onOpen}
            ></schedule-list>`
          : html`<schedule-grid
              .sessions=${sessions}
              .day=${day}
              .query=${this.query}
              @open-session=${this.onOpen}
            ></schedule-grid>`
      }
      <plenary-agenda .sessions=${sessions}></plenary-agenda>
      <session-dialog
        .sessionId=${this.openSessionId}
        @dialog-close=${() => (this.openSessionId = null)}
      ></session-dialog>
      <new-session-dialog
        .day=${day}
        ?open=${this.creating}
        @dialog-close=${() => (this.creating = false)}
        @open-session=${this.onCreated}
      ></new-session-dialog>`;
  }

  private renderResults() {
    const schedule = this.data!.store.schedule!;
    const zone = schedule.timezone;
    const hits = schedule.sessions
      .filter((s) => matchesSearch(s, this.query))
      .sort((a, b) => parseInstant(a.start, zone) - parseInstant(b.start, zone));
    const t = this.locale.t;
    return html`<section class="results" aria-label=${t.daySearchResults}>
      <p role="status">${t.dayMatches(hits.length)}</p>
      <ul>
        ${hits.slice(0, MAX_RESULTS).map(
          (s) =>
            html`<li>
              <button @click=${() => (this.openSessionId = s.id)}>
                <span class="meta"
                  >${panelDay(parseInstant(s.start, zone), zone, this.locale.language)}
                  <bdi>${slotLabel(s, zone)}</bdi> · <bdi>${venueName(schedule, s.venueId)}</bdi></span
                >
                — <bdi>${s.title}</bdi>${s.status === 'cancelled' ? ` ${t.dayCancelled}` : ''}
              </button>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private onSearch(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
  }

  private readonly onOpen = (event: CustomEvent<string>) => {
    this.openSessionId = event.detail;
  };

  private readonly onCreated = (event: CustomEvent<string>) => {
    this.creating = false;
    this.openSessionId = event.detail;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'day-view': DayView;
  }
}
