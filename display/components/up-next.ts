/**
 * The next session: title and start ("In 8 min" within a quarter of an hour, else "14:00").
 * Prominent when the room is free, with the organisers.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Venue } from '../../shared/model.ts';
import { relativeStart, type ViewSession } from '../../shared/views/index.ts';
import { changeLabels, timeRange } from '../logic/format.ts';
import { formatClock } from '../../shared/time.ts';
import { organizerLines } from './organizer-lines.ts';
import { organizers, shared } from '../styles/theme.ts';
import { displayTitle, type TitleStyle } from '../../shared/title-case.ts';
import { fitTitles } from '../logic/fit-text.ts';
import './change-badge.ts';
import { consume } from '@lit/context';
import { en } from '../../shared/i18n/en.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { messagesContext } from '../i18n/messages-context.ts';

@customElement('up-next')
export class UpNext extends LitElement {
  /** The screen's words, in its language. */
  @consume({ context: messagesContext, subscribe: true }) @state() private m: Messages = en;
  @property({ attribute: false }) item: ViewSession | null = null;
  @property({ type: Number }) now = 0;
  @property() timezone = 'UTC';
  @property({ attribute: false }) venues: Venue[] = [];
  /** The panel's title setting, from the schedule (title case until staff choose otherwise). */
  @property() titleStyle: TitleStyle = 'title-case';
  /** The room is free: this is the main thing on the door. */
  @property({ type: Boolean, reflect: true }) prominent = false;
  /** Beside a plenary's agenda on a portrait door: one line of title, the height goes to the agenda. */
  @property({ type: Boolean, reflect: true }) compact = false;

  static override styles = [
    shared,
    organizers,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 1.2vh;
        min-height: 0;
        overflow: hidden;
      }
      /* Parts keep their size; whatever does not fit is cut at the bottom, never mid-line. */
      :host > * {
        flex: none;
      }
      h2 {
        margin: 0;
        line-height: 1.15;
        hyphens: auto;
      }
      .start {
        font-size: var(--text-lead);
        font-weight: 700;
      }
      @media (orientation: portrait) {
        h2.clamp-4 {
          -webkit-line-clamp: 8;
        }
      }
      @media (orientation: portrait) {
        :host {
          gap: 1vh;
        }
        h2.clamp-4 {
          -webkit-line-clamp: 3;
        }
        .partners {
          -webkit-line-clamp: 1;
        }
        :host([compact]) {
          gap: 0.6vh;
        }
        :host([compact]) h2.clamp-3 {
          -webkit-line-clamp: 1;
        }
      }
    `,
  ];

  override updated(): void {
    fitTitles(this.renderRoot);
  }

  override render() {
    const item = this.item;
    if (!item) return nothing;
    const { session } = item;
    const relative = relativeStart(item.start, this.now, this.timezone, this.m);
    // Within the quarter hour it says "In 8 min"; otherwise it is the start time, shown once.
    const soon = relative !== this.m.now && relative !== formatClock(item.start, this.timezone);
    const labels = changeLabels(item.change, item.start, this.venues, this.timezone, this.m);
    return html`
      <span class="label">${this.m.next}</span>
      <div class="title-box" style="font-size: ${this.prominent ? 'var(--text-title)' : 'var(--text-lead)'}">
        <h2 class=${this.prominent ? 'clamp-4' : 'clamp-3'} data-fit="0.75 1.1" dir="auto">
          ${displayTitle(session.title, this.titleStyle, session.organizers)}
        </h2>
      </div>
      ${labels.length ? html`<change-badge .labels=${labels}></change-badge>` : nothing}
      <span class="start time">
        ${soon ? `${relative} · ${timeRange(item.start, item.end, this.timezone)}` : timeRange(item.start, item.end, this.timezone)}
      </span>
      ${this.prominent ? this.renderDetails() : nothing}
    `;
  }

  private renderDetails() {
    const session = this.item!.session;
    return organizerLines(session.organizers, this.m);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'up-next': UpNext;
  }
}
