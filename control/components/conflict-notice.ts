/**
 * Shown when a write was refused because someone else changed the session first (409 stale): the
 * current values side by side with what this staff member tried, and an explicit choice. Never a
 * silent overwrite.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Schedule, Session } from '../../shared/model.ts';
import { formatDay, parseInstant } from '../../shared/time.ts';
import { slotLabel, venueName } from '../data/schedule-queries.ts';
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

  override render() {
    const schedule = this.schedule;
    const s = this.current;
    return html`<div class="notice" role="alert">
      <strong>Someone else changed this session while you were working on it.</strong>
      ${
        s && schedule
          ? html`<p>It now reads:</p>
              <dl>
                <dt>Title</dt>
                <dd>${s.title}</dd>
                <dt>When</dt>
                <dd>
                  ${formatDay(parseInstant(s.start, schedule.timezone), schedule.timezone)}
                  ${slotLabel(s, schedule.timezone)}
                </dd>
                <dt>Where</dt>
                <dd>${venueName(schedule, s.venueId)}</dd>
                <dt>Status</dt>
                <dd>${s.status === 'cancelled' ? 'Cancelled' : 'Scheduled'}</dd>
                <dt>Organisers</dt>
                <dd>${[s.organizers.lead, ...s.organizers.partners].filter(Boolean).join(', ') || '—'}</dd>
              </dl>`
          : html`<p>It no longer exists.</p>`
      }
      ${this.mine ? html`<p>Your change: ${this.mine}</p>` : nothing}
      <div class="row">
        ${s ? html`<button class="primary" @click=${() => this.emit('retry')}>Retry with my change</button>` : nothing}
        <button @click=${() => this.emit('discard')}>Discard</button>
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
