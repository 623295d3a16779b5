/** The day as a plain list, for narrow screens (phones) where a rooms × time grid cannot fit. */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Session } from '../../shared/model.ts';
import type { ControlData } from '../data/control-data.ts';
import { PeriodicRerender } from '../controllers/periodic-rerender.ts';
import { parseInstant } from '../../shared/time-parse.ts';
import { matchesSearch } from '../data/schedule-queries.ts';
import { chipContent, isChanged } from './session-chip.ts';
import { baseStyles } from './styles.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';

@customElement('schedule-list')
export class ScheduleList extends LitElement {
  static override styles = [
    baseStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 0.4rem;
      }
      button {
        width: 100%;
        display: flex;
        flex-direction: column;
        align-items: start;
        text-align: start;
        color: var(--ink);
        border: 1px solid var(--line);
        border-inline-start: 4px solid var(--accent);
        background: var(--panel);
        padding: 0.5rem 0.7rem;
      }
      .time {
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .now {
        border-inline-start-color: #1f6f3b;
        background: #dff3e6;
      }
      .changed {
        border-inline-start-color: #b06f00;
      }
      .cancelled .title {
        text-decoration: line-through;
      }
      .now-marker {
        color: #a4161a;
        font-weight: 700;
      }
    `,
  ];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  @property({ attribute: false }) sessions: Session[] = [];
  @property() query = '';
  private readonly rerender = new PeriodicRerender(this, 10_000);
  private readonly locale = new LocaleController(this);

  override render() {
    const schedule = this.data?.store.schedule;
    if (!schedule) return nothing;
    const zone = schedule.timezone;
    const now = this.data!.store.now();
    const shown = this.query.trim() ? this.sessions.filter((s) => matchesSearch(s, this.query)) : this.sessions;
    const t = this.locale.t;
    if (shown.length === 0) return html`<p>${this.query.trim() ? t.listNoneMatch : t.listNone}</p>`;
    return html`<ul aria-label=${t.listLabel}>
      ${repeat(
        shown,
        (s) => s.id,
        (s) => {
          const start = parseInstant(s.start, zone);
          const end = parseInstant(s.end, zone);
          const running = s.status !== 'cancelled' && start <= now && now < end;
          const classes = { now: running, changed: isChanged(s), cancelled: s.status === 'cancelled' };
          return html`<li>
            <button
              class=${classMap(classes)}
              @click=${() => this.dispatchEvent(new CustomEvent('open-session', { detail: s.id }))}
            >
              ${running ? html`<span class="now-marker">${t.listNow}</span>` : nothing}
              ${chipContent(schedule, s, t, { venue: true })}
            </button>
          </li>`;
        },
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'schedule-list': ScheduleList;
  }
}
