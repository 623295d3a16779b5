/**
 * Day + start + end fields in venue time, 24-hour, shared by "Place and time" and "Add a session".
 * Plain text time fields, not <input type="time">: that one follows the browser's locale and shows
 * "01:00 PM" on an English laptop, where staff think (and the screens show) 13:00.
 */
import { html } from 'lit';
import { formatDay, venueWallTime } from '../../shared/time.ts';
import { fromDayAndTime } from '../data/schedule-queries.ts';

export interface SlotDraft {
  day: string;
  start: string;
  end: string;
}

export const TIME_PATTERN = '\\s*\\d{1,2}[:.]\\d{2}\\s*';

/** Epoch ms of the draft's start and end in venue time, or a message saying what is wrong. */
export function readSlot(draft: SlotDraft, zone: string): { start: number; end: number } | { error: string } {
  const start = fromDayAndTime(draft.day, draft.start, zone);
  if (start === null) return { error: 'Start: enter a 24-hour time such as 13:00.' };
  const end = fromDayAndTime(draft.day, draft.end, zone);
  if (end === null) return { error: 'End: enter a 24-hour time such as 13:50.' };
  if (end <= start) return { error: 'End: must be after the start.' };
  return { start, end };
}

export function slotFields(options: {
  idPrefix: string;
  draft: SlotDraft;
  days: string[];
  zone: string;
  onChange: (draft: SlotDraft) => void;
}) {
  const { idPrefix: id, draft, zone, onChange } = options;
  const days = options.days.includes(draft.day) ? options.days : [...options.days, draft.day].sort();
  const set = (key: keyof SlotDraft) => (event: Event) =>
    onChange({ ...draft, [key]: (event.target as HTMLInputElement | HTMLSelectElement).value });
  return html`<div class="row">
    <div class="field">
      <label for="${id}-day">Day</label>
      <select id="${id}-day" @change=${set('day')}>
        ${days.map((d) => html`<option value=${d} ?selected=${d === draft.day}>${formatDay(venueWallTime(d, 12, 0, zone), zone)}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="${id}-start">Start (24-hour)</label>
      <input id="${id}-start" class="time" inputmode="numeric" pattern=${TIME_PATTERN} placeholder="13:00" required .value=${draft.start} @input=${set('start')} />
    </div>
    <div class="field">
      <label for="${id}-end">End (24-hour)</label>
      <input id="${id}-end" class="time" inputmode="numeric" pattern=${TIME_PATTERN} placeholder="13:50" required .value=${draft.end} @input=${set('end')} />
    </div>
  </div>
  <p class="hint">Venue time (${zone}), whatever this computer's clock is set to.</p>`;
}
