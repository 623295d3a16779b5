/**
 * The session in progress: title, organisers, start–end, how much time is left, and for a
 * plenary its agenda with the current item.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Venue } from '../../shared/model.ts';
import { minutesLeft, remainingFraction, type ViewSession } from '../../shared/views/index.ts';
import { changeLabels, partnersLine, timeRange } from '../logic/format.ts';
import { organizers, shared } from '../styles/theme.ts';
import { displayTitle, type TitleStyle } from '../../shared/title-case.ts';
import { formatClock } from '../../shared/time.ts';
import { fitTitles } from '../logic/fit-text.ts';
import './agenda-list.ts';
import './change-badge.ts';
import './progress-bar.ts';

@customElement('now-panel')
export class NowPanel extends LitElement {
  @property({ attribute: false }) item: ViewSession | undefined;
  @property({ type: Number }) now = 0;
  @property() timezone = 'UTC';
  @property({ attribute: false }) venues: Venue[] = [];
  /** The panel's title setting, from the schedule (title case until staff choose otherwise). */
  @property() titleStyle: TitleStyle = 'title-case';

  static override styles = [
    shared,
    organizers,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 1.4vh;
        min-height: 0;
        overflow: hidden;
      }
      /* Parts keep their size; whatever does not fit is cut at the bottom, never mid-line. */
      :host > * {
        flex: none;
      }
      .title-box {
        font-size: var(--text-title);
      }
      h2 {
        margin: 0;
        line-height: 1.12;
      }
      /* Portrait has the height: the whole title, however long. */
      @media (orientation: portrait) {
        h2.clamp-4 {
          -webkit-line-clamp: 9;
        }
      }
      .lead {
        font-weight: 600;
      }
      @media (orientation: portrait) {
        :host {
          gap: 0.7vh;
        }
        .partners {
          -webkit-line-clamp: 1;
        }
      }
      .when {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 2vmin;
        font-size: var(--text-lead);
        font-weight: 700;
      }
      /* Takes the room left and shows the items that fit (auto: counts in the portrait sizing). */
      :host > agenda-list {
        flex: 1 1 auto;
        min-height: 0;
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
    const labels = changeLabels(item.change, item.start, this.venues, this.timezone);
    const partners = partnersLine(session.organizers);
    const left = minutesLeft(item.end, this.now);
    return html`
      <span class="label">Now</span>
      <div class="title-box">
        <h2 class="clamp-4" data-fit="0.7 1.15" dir="auto">
          ${displayTitle(session.title, this.titleStyle, session.organizers)}
        </h2>
      </div>
      ${labels.length ? html`<change-badge .labels=${labels}></change-badge>` : nothing}
      ${
        session.organizers.lead
          ? html`<p class="lead clamp-2">
              <span class="by">Organized by</span> <span dir="auto">${session.organizers.lead}</span>
            </p>`
          : nothing
      }
      ${partners ? html`<p class="partners clamp-2" dir="auto">${partners}</p>` : nothing}
      <div class="when">
        <span class="time">${timeRange(item.start, item.end, this.timezone)}</span>
      </div>
      <progress-bar
        .remaining=${remainingFraction(item.start, item.end, this.now)}
        caption="ends ${formatClock(item.end, this.timezone)} · ${left} min left"
      ></progress-bar>
      ${
        session.agendaItems?.length
          ? html`<agenda-list .items=${session.agendaItems} .current=${session.currentAgendaItem}></agenda-list>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'now-panel': NowPanel;
  }
}
