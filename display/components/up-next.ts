/**
 * The next session: title and start ("In 8 min" within a quarter of an hour, else "14:00").
 * Prominent when the room is free, with the organisers.
 */
import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { relativeStart } from '../../shared/views/relative.ts';
import { timeRange } from '../logic/format.ts';
import { SessionPanel, panelStyles } from './session-panel.ts';
import { formatClock } from '../../shared/time.ts';
import { organizerLines } from './organizer-lines.ts';
import './change-badge.ts';

@customElement('up-next')
export class UpNext extends SessionPanel {
  /** The room is free: this is the main thing on the door. */
  @property({ type: Boolean, reflect: true }) prominent = false;
  /** Beside a plenary's agenda on a portrait door: one line of title, the height goes to the agenda. */
  @property({ type: Boolean, reflect: true }) compact = false;

  // Compact (portrait, beside an agenda): "Next" and its time on one line, the title under them.
  // Every part keeps its size but the title's box, which gets what the others leave (panelStyles).
  static override styles = [
    ...panelStyles,
    css`
      :host {
        gap: 1.2vh;
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
          display: grid;
          grid-template-columns: auto minmax(0, 1fr);
          align-items: baseline;
          gap: 0.6vh 2vmin;
        }
        :host([compact]) > * {
          grid-column: 1 / -1;
        }
        :host([compact]) > .label {
          grid-area: 1 / 1;
        }
        :host([compact]) > .start {
          grid-area: 1 / 2;
        }
        :host([compact]) h2.clamp-3 {
          -webkit-line-clamp: 1;
        }
      }
    `,
  ];

  override render() {
    const item = this.item;
    if (!item) return nothing;
    const title = this.titleOf(item);
    const lang = title.language ?? nothing;
    const clamp = this.prominent ? 'clamp-4' : 'clamp-3';
    const relative = relativeStart(item.start, this.now, this.timezone, this.m);
    // Within the quarter hour it says "In 8 min"; otherwise it is the start time, shown once.
    const soon = relative !== this.m.now && relative !== formatClock(item.start, this.timezone);
    const labels = this.labelsOf(item);
    return html`
      <span class="label">${this.m.next}</span>
      <div
        class="title-box"
        data-fit-box
        style="font-size: ${this.prominent ? 'var(--text-title)' : 'var(--text-lead)'}"
      >
        <h2 class=${clamp} data-fit="0.75 1.1" dir="auto" lang=${lang}>${title.text}</h2>
      </div>
      ${labels.length ? html`<change-badge .labels=${labels}></change-badge>` : nothing}
      <span class="start"
        >${soon ? `${relative} · ` : nothing}<bdi class="time"
          >${timeRange(item.start, item.end, this.timezone)}</bdi
        ></span
      >
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
