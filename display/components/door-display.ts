/**
 * The door display of one room: its name, the venue clock, the status band,
 * what is on now, what is next, and the rest of the day. Landscape puts now and next side by
 * side; portrait stacks them. Everything is computed from the schedule and the instant given.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Schedule, Session } from '../../shared/model.ts';
import { formatClock, formatDay } from '../../shared/time.ts';
import type { RoomView } from '../../shared/views/index.ts';
import { roomView } from '../../shared/views/room-view.ts';
import { doorSections, onlineDetail, statusDetail, type DoorEntry } from '../logic/door-sections.ts';
import { shownTitle, titleStyleOf } from '../../shared/title-case.ts';
import { firstSessionAfterToday } from '../logic/later-days.ts';
import { screenHeader, shared } from '../styles/theme.ts';
import './day-timeline.ts';
import './now-panel.ts';
import './status-band.ts';
import './online-join.ts';
import './up-next.ts';
import { consume } from '@lit/context';
import { en } from '../../shared/i18n/en.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { messagesContext } from '../i18n/messages-context.ts';
import { phrase } from '../../shared/i18n/phrase.ts';
import { isolated } from '../i18n/isolated.ts';

@customElement('door-display')
export class DoorDisplay extends LitElement {
  /** The screen's words, in its language. */
  @consume({ context: messagesContext, subscribe: true }) @state() private m: Messages = en;
  @property({ attribute: false }) schedule: Schedule | null = null;
  @property() venueId = '';
  /** Server-clock instant to show, epoch ms. */
  @property({ type: Number }) now = 0;

  /** How titles read on every part of this door: the panel's setting. */
  private get titleStyle() {
    return titleStyleOf(this.schedule);
  }

  // .shrink yields height when the column is short (its title refits), so its times stay shown;
  // beside it the rest of the day takes only what is left (basis 0: whole rows that fit, or none).
  static override styles = [
    shared,
    screenHeader,
    css`
      :host {
        display: grid;
        grid-template-rows: auto auto minmax(0, 1fr);
        height: 100%;
        min-height: 0;
        overflow: hidden;
      }
      header {
        align-items: center;
        padding: 1.5vh var(--pad) 1vh;
      }
      h1 {
        flex: 1;
        margin: 0;
        font-size: var(--text-huge);
        line-height: 1.05;
        min-width: 0;
        overflow-wrap: break-word;
      }
      .clock {
        text-align: end;
        flex: none;
      }
      .clock time {
        display: block;
        font-size: var(--text-huge);
        font-weight: 700;
        line-height: 1.05;
      }
      .date {
        font-size: var(--text-min);
        color: var(--muted);
      }
      .main {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: 4vmin;
        padding: 2vh var(--pad);
        min-height: 0;
      }
      .column {
        display: flex;
        flex-direction: column;
        gap: 2.5vh;
        min-height: 0;
        overflow: hidden;
      }
      .column > * {
        flex: none;
      }
      /* auto, not 0: the portrait layout sizes the column by its content. */
      .column > .grow {
        flex: 1 1 auto;
        min-height: 0;
      }
      .column > .shrink {
        flex: 0 1 auto;
        min-height: 0;
      }
      .secondary > .grow {
        flex-basis: 0;
      }
      .day-over {
        margin: 0;
        font-size: var(--text-title);
        font-weight: 700;
        line-height: 1.15;
      }
      .tomorrow {
        margin: 0;
        font-size: var(--text-body);
        color: var(--muted);
      }
      .none {
        margin: 1vh 0 0;
        font-size: var(--text-body);
        color: var(--muted);
      }
      .unknown {
        padding: var(--pad);
        font-size: var(--text-body);
      }
      .main.single {
        grid-template-columns: minmax(0, 1fr);
      }
      /* Scannable from a few metres: at least a quarter of the screen's shorter side. */
      online-join {
        --qr-size: 30vmin;
      }
      @media (orientation: portrait) {
        .column {
          gap: 1.5vh;
        }
        .main {
          grid-template-columns: minmax(0, 1fr);
          /*
           * The current session gets the height what comes leaves it: what comes takes its own
           * height, at most a quarter of the screen (its title is fitted to that). The current session's
           * room then does not depend on its title, so its title is fitted to all of it (an auto
           * row sized from the already fitted title never grew back).
           */
          grid-template-rows: minmax(0, 1fr) fit-content(25vh);
          overflow: hidden;
        }
        .main.single {
          grid-template-rows: minmax(0, 1fr);
        }
        /* A plenary's agenda needs the height: what comes next is compact and takes only its own. */
        .main.agenda {
          grid-template-rows: minmax(0, 1fr) auto;
          gap: 1.6vh;
          padding-block: 1vh;
        }
        .main.agenda day-timeline {
          display: none;
        }
        .clock {
          display: flex;
          flex-direction: column;
          align-items: flex-end;
        }
        h1 {
          font-size: var(--text-title);
        }
      }
    `,
  ];

  override render() {
    const schedule = this.schedule;
    if (!schedule) return nothing;
    const view = roomView(schedule, this.venueId, this.now);
    if (!view.venue) {
      return html`<p class="unknown">${isolated(phrase(this.m.unknownRoom, this.venueId))}</p>`;
    }
    const zone = schedule.timezone;
    const running = view.now.length > 0;
    const { notices, timeline } = doorSections(view, this.now, schedule.venues, zone, this.m);
    // The session the door is about: the one running, else the next one.
    const featured = running ? view.now[0]! : view.next;
    const online = featured?.session.online;
    const secondary = html`
      ${online ? html`<online-join .online=${online}></online-join>` : nothing}
      ${running ? this.renderComing(view, notices, zone) : nothing}
      ${
        timeline.length
          ? html`<day-timeline
              .titleStyle=${this.titleStyle}
              class="grow"
              heading=${this.m.laterToday}
              .entries=${timeline}
              .timezone=${zone}
            ></day-timeline>`
          : nothing
      }
    `;
    const hasSecondary = Boolean(online) || running || timeline.length > 0;
    const agenda = running && (view.now[0]!.session.agendaItems?.length ?? 0) > 0;
    return html`
      <header>
        <h1 class="clamp-2"><bdi dir="auto">${view.venue.name}</bdi></h1>
        <div class="clock">
          <time class="time">${formatClock(this.now, zone)}</time>
          <span class="date">${formatDay(this.now, zone, this.m.locale)}</span>
        </div>
      </header>
      <status-band
        .status=${view.status}
        ?online=${view.venue.kind === 'online'}
        .detail=${
          view.venue.kind === 'online'
            ? onlineDetail(view, zone, this.m)
            : statusDetail(view, this.now, zone, schedule.venues, this.m)
        }
      ></status-band>
      <div class="main ${hasSecondary ? '' : 'single'} ${agenda ? 'agenda' : ''}">
        <div class="column primary">
          ${running ? this.renderRunning(view, zone) : this.renderFree(view, notices, zone)}
        </div>
        ${hasSecondary ? html`<div class="column secondary">${secondary}</div>` : nothing}
      </div>
    `;
  }

  /** Beside a running session: moved/cancelled notices, then what comes next. */
  private renderComing(view: RoomView, notices: DoorEntry[], zone: string) {
    const venues = this.schedule!.venues;
    return html`
      ${notices.length ? html`<day-timeline .titleStyle=${this.titleStyle} prominent .entries=${notices} .timezone=${zone}></day-timeline>` : nothing}
      ${
        view.next
          ? html`<up-next
              .titleStyle=${this.titleStyle}
              class="shrink"
              .item=${view.next}
              .now=${this.now}
              .timezone=${zone}
              .venues=${venues}
              ?compact=${(view.now[0]?.session.agendaItems?.length ?? 0) > 0}
            ></up-next>`
          : html`<div>
              <span class="label">${this.m.next}</span>
              <p class="none">${this.m.nothingMoreToday}</p>
            </div>`
      }
    `;
  }

  private renderRunning(view: RoomView, zone: string) {
    const venues = this.schedule!.venues;
    const [first, ...others] = view.now;
    return html`
      <now-panel
        .titleStyle=${this.titleStyle}
        class="grow"
        .item=${first}
        .now=${this.now}
        .timezone=${zone}
        .venues=${venues}
      ></now-panel>
      ${others.map(
        (item) =>
          html`<now-panel
            .titleStyle=${this.titleStyle}
            .item=${item}
            .now=${this.now}
            .timezone=${zone}
            .venues=${venues}
          ></now-panel>`,
      )}
    `;
  }

  private renderFree(view: RoomView, notices: DoorEntry[], zone: string) {
    const schedule = this.schedule!;
    return html`
      ${notices.length ? html`<day-timeline .titleStyle=${this.titleStyle} prominent .entries=${notices} .timezone=${zone}></day-timeline>` : nothing}
      ${
        view.next
          ? html`<up-next
              .titleStyle=${this.titleStyle}
              class="grow"
              prominent
              .item=${view.next}
              .now=${this.now}
              .timezone=${zone}
              .venues=${schedule.venues}
            ></up-next>`
          : notices.some((notice) => notice.movedAway)
            ? html`<p class="tomorrow">${this.m.nothingElseToday}</p>`
            : this.renderDayOver(zone)
      }
    `;
  }

  private renderUpcomingTitle(session: Session) {
    const title = shownTitle(session, this.titleStyle, this.m.language);
    return html`<bdi dir="auto" lang=${title.language ?? nothing}>${title.text}</bdi>`;
  }

  private renderDayOver(zone: string) {
    const schedule = this.schedule!;
    const upcoming = firstSessionAfterToday(schedule.sessions, this.venueId, this.now, zone);
    const day = (instant: number) => formatDay(instant, zone, this.m.locale);
    const clock = (instant: number) => formatClock(instant, zone);
    return html`<div>
      <p class="day-over">${this.m.dayOver}</p>
      ${
        upcoming
          ? html`<p class="tomorrow">
              ${this.m.next}: ${day(upcoming.start)}, <bdi class="time">${clock(upcoming.start)}</bdi> ·
              ${this.renderUpcomingTitle(upcoming.session)}
            </p>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'door-display': DoorDisplay;
  }
}
