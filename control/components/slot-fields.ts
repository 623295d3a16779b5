/**
 * Day + start + end fields in venue time, 24-hour, shared by "Place and time" and "Add a session".
 * Plain text time fields, not <input type="time">: that one follows the browser's locale and shows
 * "01:00 PM" on an English laptop, where staff think (and the screens show) 13:00.
 * Each bad field gets its own message next to it (aria-describedby, aria-invalid).
 */
import { html, nothing } from 'lit';
import { formatClock, venueWallTime } from '../../shared/time.ts';
import { fromDayAndTime } from '../data/schedule-queries.ts';
import type { PanelMessages } from '../i18n/messages.ts';
import type { Language } from '../../shared/languages.ts';
import { panelDay } from '../i18n/format.ts';

export interface SlotDraft {
  day: string;
  start: string;
  end: string;
  /** The staff member typed in the end: from then on a new start no longer moves it. */
  endEdited?: boolean;
  /** The length of the last valid slot, kept while the start is half-typed ("14:1"). */
  lengthMs?: number;
}

export type SlotErrors = Partial<Record<'day' | 'start' | 'end', string>>;

/** Epoch ms of the draft's start and end in venue time, or a message for each bad field. */
export function checkSlot(
  draft: SlotDraft,
  zone: string,
  t: PanelMessages,
): { start: number; end: number } | { errors: SlotErrors } {
  const start = fromDayAndTime(draft.day, draft.start, zone);
  const end = fromDayAndTime(draft.day, draft.end, zone);
  const errors: SlotErrors = {};
  if (start === null) errors.start = t.slotStartInvalid;
  if (end === null) errors.end = t.slotEndInvalid;
  else if (start !== null && end <= start) errors.end = t.slotEndBeforeStart(draft.start.trim());
  return start !== null && end !== null && end > start ? { start, end } : { errors };
}

/** Epoch ms of the draft's start and end when both are times and the end comes later; null otherwise. */
export function slotTimes(draft: SlotDraft, zone: string): { start: number; end: number } | null {
  const start = fromDayAndTime(draft.day, draft.start, zone);
  const end = fromDayAndTime(draft.day, draft.end, zone);
  return start !== null && end !== null && end > start ? { start, end } : null;
}

/**
 * The draft after an edit: a new start keeps the session's length (delegates expect the same
 * 50 minutes, just later) unless the staff member has edited the end themselves.
 */
export function followStart(before: SlotDraft, after: SlotDraft, zone: string): SlotDraft {
  const previous = slotTimes(before, zone);
  const lengthMs = previous ? previous.end - previous.start : before.lengthMs;
  const next: SlotDraft = { ...after, endEdited: before.endEdited || after.end !== before.end, lengthMs };
  if (after.start === before.start || next.endEdited || lengthMs === undefined) return next;
  const start = fromDayAndTime(after.day, after.start, zone);
  return start === null ? next : { ...next, end: formatClock(start + lengthMs, zone) };
}

export function slotFields(options: {
  idPrefix: string;
  draft: SlotDraft;
  days: string[];
  zone: string;
  errors?: SlotErrors;
  onChange: (draft: SlotDraft) => void;
  t: PanelMessages;
  language: Language;
}) {
  const { idPrefix: id, draft, zone, onChange, t } = options;
  const errors = options.errors ?? {};
  const days = options.days.includes(draft.day) ? options.days : [...options.days, draft.day].sort();
  const set = (key: 'day' | 'start' | 'end') => (event: Event) =>
    onChange({ ...draft, [key]: (event.target as HTMLInputElement | HTMLSelectElement).value });
  const message = (key: keyof SlotErrors) =>
    errors[key] ? html`<p class="field-error" id="${id}-${key}-error">${errors[key]}</p>` : nothing;
  const described = (key: keyof SlotErrors) => (errors[key] ? `${id}-${key}-error` : `${id}-zone-hint`);
  const timeField = (key: 'start' | 'end', label: string, placeholder: string) =>
    html`<div class="field">
      <label for="${id}-${key}">${label}</label>
      <input
        id="${id}-${key}"
        class="time"
        inputmode="numeric"
        placeholder=${placeholder}
        .value=${draft[key]}
        @input=${set(key)}
        aria-invalid=${errors[key] ? 'true' : 'false'}
        aria-describedby=${described(key)}
      />
      ${message(key)}
    </div>`;
  return html`<div class="row">
      <div class="field">
        <label for="${id}-day">${t.dayLegend}</label>
        <select id="${id}-day" @change=${set('day')}>
          ${days.map((d) => html`<option value=${d} ?selected=${d === draft.day}>${panelDay(venueWallTime(d, 12, 0, zone), zone, options.language)}</option>`)}
        </select>
      </div>
      ${timeField('start', t.slotStart, '13:00')} ${timeField('end', t.slotEnd, '13:50')}
    </div>
    <p class="hint" id="${id}-zone-hint">${t.slotZoneHint(zone)}</p>`;
}

/** Moves focus to the first field marked invalid, so a keyboard user lands where the problem is. */
export async function focusFirstInvalid(host: {
  updateComplete: Promise<boolean>;
  renderRoot: ParentNode;
}): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
