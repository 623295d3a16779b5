/**
 * Shown when a write was refused because someone else changed the session first (409 stale): the
 * current values side by side with what this staff member tried, and an explicit choice. Never a
 * silent overwrite.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Schedule, Session } from '../../shared/model.ts';
import { parseInstant } from '../../shared/time-parse.ts';
import { slotLabel, venueName } from '../data/schedule-queries.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { panelDay } from '../i18n/format.ts';
import { baseStyles } from './styles.ts';

@customElement('conflict-notice')
export class ConflictNotice extends LitElement {
  static override styles = [
    baseStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.1rem 0.8rem;
        margin: 0.4rem 0;
      }
      dt {
        font-weight: 700;
      }
      dd {
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) schedule?: Schedule;
  /** The session as it is now on the server (undefined: it was deleted). */
  @property({ attribute: false }) current?: Session;
  /** What this staff member tried to do, in words. */
  @property() mine = '';
  private readonly locale = new LocaleController(this);

  override render() {
    const schedule = this.schedule;
    const s = this.current;
    const t = this.locale.t;
    return html`<div class="notice" role="alert">
      <strong>${t.cflHeading}</strong>
      ${
        s && schedule
          ? html`<p>${t.cflNowReads}</p>
              <dl>
                <dt>${t.detTitle}</dt>
                <dd><bdi>${s.title}</bdi></dd>
                <dt>${t.cflWhen}</dt>
                <dd>
                  ${panelDay(parseInstant(s.start, schedule.timezone), schedule.timezone, this.locale.language)}
                  <bdi>${slotLabel(s, schedule.timezone)}</bdi>
                </dd>
                <dt>${t.cflWhere}</dt>
                <dd><bdi>${venueName(schedule, s.venueId)}</bdi></dd>
                <dt>${t.stStatus}</dt>
                <dd>${s.status === 'cancelled' ? t.cflCancelled : t.cflScheduled}</dd>
                <dt>${t.cflOrganisers}</dt>
                <dd><bdi>${[s.organizers.lead, ...s.organizers.partners].filter(Boolean).join(', ') || '—'}</bdi></dd>
              </dl>`
          : html`<p>${t.cflGone}</p>`
      }
      ${this.mine ? html`<p>${t.cflYourChange(this.mine)}</p>` : nothing}
      <div class="row">
        ${s ? html`<button class="primary" @click=${() => this.emit('retry')}>${t.cflRetry}</button>` : nothing}
        <button @click=${() => this.emit('discard')}>${t.cflDiscard}</button>
      </div>
    </div>`;
  }

  private emit(name: 'retry' | 'discard'): void {
    this.dispatchEvent(new CustomEvent(name));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'conflict-notice': ConflictNotice;
  }
}
