/**
 * The session in progress: title, organisers, start–end, how much time is left, and for a
 * plenary its agenda with the current item.
 */
import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { minutesLeft, remainingFraction } from '../../shared/views/relative.ts';
import { timeRange } from '../logic/format.ts';
import { SessionPanel, panelStyles } from './session-panel.ts';
import { organizerLines } from './organizer-lines.ts';
import { formatClock } from '../../shared/time.ts';
import { phrase } from '../../shared/i18n/phrase.ts';
import './agenda-list.ts';
import './change-badge.ts';
import './progress-bar.ts';

@customElement('now-panel')
export class NowPanel extends SessionPanel {
  // Portrait: beside an agenda, which lists what the meeting is about, the title is one line so
  // the agenda gets the height; the agenda takes the room the other parts leave (basis 0: it never
  // squeezes the title) and shows the whole items that fit there.
  // Every part keeps its size but the title's box, which gets what the others leave (panelStyles).
  static override styles = [
    ...panelStyles,
    css`
      :host {
        gap: 1.4vh;
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
        h2.clamp-4.beside-agenda {
          -webkit-line-clamp: 1;
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
      :host > agenda-list {
        flex: 1 1 0;
        min-height: 0;
      }
    `,
  ];

  override render() {
    const item = this.item;
    if (!item) return nothing;
    const title = this.titleOf(item);
    const { session } = item;
    const labels = this.labelsOf(item);
    const left = minutesLeft(item.end, this.now);
    return html`
      <span class="label">${this.m.now}</span>
      <div class="title-box" data-fit-box>
        <h2
          class="clamp-4 ${session.agendaItems?.length ? 'beside-agenda' : ''}"
          data-fit="0.7 1.15"
          dir="auto"
          lang=${title.language ?? nothing}
        >
          ${title.text}
        </h2>
      </div>
      ${labels.length ? html`<change-badge .labels=${labels}></change-badge>` : nothing}
      ${organizerLines(session.organizers, this.m)}
      <div class="when">
        <span class="time">${timeRange(item.start, item.end, this.timezone)}</span>
      </div>
      <progress-bar
        .remaining=${remainingFraction(item.start, item.end, this.now)}
        label=${this.m.timeRemaining}
        .caption=${phrase(this.m.endsLeft, formatClock(item.end, this.timezone), left)}
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
