/**
 * A list of door entries: the rest of the day, or (prominent) the notices for sessions that
 * moved away or were cancelled in the current slot. Shows only the whole rows that fit.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { en } from '../../shared/i18n/en.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { formatClock } from '../../shared/time.ts';
import { shownTitle, type TitleStyle } from '../../shared/title-case.ts';
import { messagesContext } from '../i18n/messages-context.ts';
import type { DoorEntry } from '../logic/door-sections.ts';
import { column, shared } from '../styles/theme.ts';
import './change-badge.ts';

@customElement('day-timeline')
export class DayTimeline extends LitElement {
  @property({ attribute: false }) entries: DoorEntry[] = [];
  @property() timezone = 'UTC';
  /** The panel's title setting, from the schedule (title case until staff choose otherwise). */
  @property() titleStyle: TitleStyle = 'title-case';
  /** Heading shown above the list; none when empty. */
  @property() heading = '';
  @property({ type: Boolean, reflect: true }) prominent = false;
  /** The screen's words; its language picks translated titles. */
  @consume({ context: messagesContext, subscribe: true }) @state() private m: Messages = en;

  static override styles = [
    shared,
    column,
    css`
      :host {
        gap: 1vh;
      }
      ul {
        flex: 1;
        gap: 0;
      }
      li {
        display: grid;
        grid-template-columns: auto 1fr;
        column-gap: 2vmin;
        padding: 1vh 0;
      }
      li:not(.spacer) + li {
        border-top: 0.2vh solid var(--surface);
      }
      .heading {
        grid-column: 1 / -1;
        margin-bottom: 1vh;
      }
      .time {
        font-size: var(--text-body);
        font-weight: 700;
      }
      .what {
        display: flex;
        flex-direction: column;
        gap: 0.5vh;
        min-width: 0;
      }
      .title {
        font-size: var(--text-min);
        line-height: 1.2;
      }
      :host([prominent]) li:not(.spacer) {
        padding: 1.5vh 1.5vmin;
        background: var(--surface);
        border: 0;
        margin-bottom: 1vh;
        border-inline-start: 0.8vmin solid var(--moved);
      }
      :host([prominent]) .title {
        font-size: var(--text-body);
        font-weight: 600;
      }
      s {
        text-decoration-thickness: 0.3vh;
        color: var(--muted);
      }
    `,
  ];

  private renderTitle(entry: DoorEntry) {
    const title = shownTitle(entry.session, this.titleStyle, this.m.language);
    return html`<span class="title clamp-2" dir="auto" lang=${title.language ?? nothing}
      >${entry.struck ? html`<s>${title.text}</s>` : title.text}</span
    >`;
  }

  override render() {
    if (this.entries.length === 0) return nothing;
    // The heading rides in the first row, so it is hidden together with it when no row fits.
    return html`
      <ul class="fit-list" aria-label=${this.heading || nothing}>
        <li class="spacer" aria-hidden="true"></li>
        ${this.entries.map(
          (entry, index) =>
            html`<li>
              ${index === 0 && this.heading ? html`<span class="label heading" aria-hidden="true">${this.heading}</span>` : nothing}
              <span class="time">${formatClock(entry.start, this.timezone)}</span>
              <span class="what">
                ${this.renderTitle(entry)}
                ${entry.labels.length ? html`<change-badge .labels=${entry.labels}></change-badge>` : nothing}
              </span>
            </li>`,
        )}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'day-timeline': DayTimeline;
  }
}
