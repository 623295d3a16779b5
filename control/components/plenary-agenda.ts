/** Below the grid: the day's plenary meetings and their agenda, to mark the item under discussion. */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Session } from '../../shared/model.ts';
import type { ControlData } from '../data/control-data.ts';
import { slotLabel, venueName } from '../data/schedule-queries.ts';
import { baseStyles } from './styles.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import './agenda-picker.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';

@customElement('plenary-agenda')
export class PlenaryAgenda extends LitElement {
  static override styles = [
    baseStyles,
    css`
      section {
        margin-top: 1rem;
        background: var(--panel);
        border: 1px solid var(--line);
        border-radius: 8px;
        padding: 0.8rem 1rem;
      }
      h3 {
        font-size: 1rem;
        margin: 0.8rem 0 0.3rem;
      }
    `,
  ];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  @property({ attribute: false }) sessions: Session[] = [];
  private readonly locale = new LocaleController(this);

  override render() {
    const schedule = this.data?.store.schedule;
    const plenaries = this.sessions.filter((s) => s.kind === 'plenary' && (s.agendaItems?.length ?? 0) > 0);
    if (!schedule || plenaries.length === 0) return nothing;
    const t = this.locale.t;
    return html`<section aria-labelledby="plenary-heading">
      <h2 id="plenary-heading">${t.plenHeading}</h2>
      ${plenaries.map(
        (s) =>
          html`<h3>
              ${slotLabel(s, schedule.timezone)} ·
              <bdi>${venueName(schedule, s.venueId)}</bdi>${s.status === 'cancelled' ? ` ${t.dayCancelled}` : ''}
            </h3>
            <agenda-picker .session=${s}></agenda-picker>`,
      )}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plenary-agenda': PlenaryAgenda;
  }
}
