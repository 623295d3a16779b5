/**
 * Naming an edit of a session: the operation (for filters and the protocol) and the journal
 * sentence staff read in the control panel.
 */
import { sameJson } from '../../shared/json.ts';
import type { Session } from '../../shared/model.ts';
import { EDITED_SESSION_FIELDS, type JournalParamsOf } from '../../shared/journal-params.ts';
import { quote, sameDay, slot } from './summaries.ts';

/** The other fields staff may edit, as the summary words them. */
const FIELD_WORDS: Partial<Record<keyof Session, string>> = {
  translations: 'translations',
  kind: 'kind',
  organizers: 'organisers',
  online: 'online details',
  agendaItems: 'agenda',
  currentAgendaItem: 'current agenda item',
};

/** Every field a change can touch, as staff call it ("time" covers start and end). */
const ALL_FIELD_WORDS: Partial<Record<keyof Session, string>> = {
  title: 'title',
  venueId: 'room',
  start: 'time',
  end: 'time',
  status: 'status',
  ...FIELD_WORDS,
  planned: 'planned slot',
};

/**
 * The fields in which two states of a session differ (its version aside), in staff's words and
 * without repeats: ["room", "time"]. Compared as stored JSON, so key order and `undefined`
 * members do not count as differences.
 */
export function differingFields(a: Session, b: Session): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as Array<keyof Session>);
  keys.delete('version');
  const words = [...keys].filter((key) => !sameJson(a[key], b[key])).map((key) => ALL_FIELD_WORDS[key] ?? key);
  return [...new Set(words)];
}

function changed<K extends keyof Session>(before: Session, after: Session, key: K): boolean {
  return !sameJson(before[key], after[key]);
}

export function editOperation(before: Session, after: Session): string {
  if (before.status !== after.status) return after.status === 'cancelled' ? 'session.cancel' : 'session.reinstate';
  if (before.venueId !== after.venueId) return 'session.move';
  if (before.start !== after.start || before.end !== after.end) return 'session.retime';
  return 'session.update';
}

export function editSummary(before: Session, after: Session, zone: string): string {
  const title = quote(after.title);
  const retimed = before.start !== after.start || before.end !== after.end;
  const withDay = !sameDay(before.start, after.start, zone);
  const parts: string[] = [];
  if (before.status !== after.status) {
    parts.push(`${after.status === 'cancelled' ? 'Cancelled' : 'Reinstated'} ${title}`);
  }
  if (before.venueId !== after.venueId) {
    const when = retimed ? `, now ${slot(after, zone, withDay)}` : '';
    parts.push(`Moved ${title} from ${before.venueId} to ${after.venueId}${when}`);
  } else if (retimed) {
    parts.push(`Rescheduled ${title} to ${slot(after, zone, withDay)} (was ${slot(before, zone)})`);
  }
  if (before.title !== after.title) parts.push(`Renamed ${quote(before.title)} to ${title}`);
  const others = Object.entries(FIELD_WORDS)
    .filter(([key]) => changed(before, after, key as keyof Session))
    .map(([, word]) => word);
  if (others.length > 0) parts.push(`Edited ${title} (${others.join(', ')})`);
  return parts.length > 0 ? parts.join('; ') : `Saved ${title} (no change)`;
}

/** The values of editSummary's sentence, for the panel to word in its reader's language. */
export function editParams(before: Session, after: Session): JournalParamsOf<'session.edit'> {
  const retimed = before.start !== after.start || before.end !== after.end;
  return {
    op: 'session.edit',
    title: after.title,
    ...(before.status !== after.status && { status: after.status }),
    ...(before.venueId !== after.venueId && { move: { from: before.venueId, to: after.venueId } }),
    ...(retimed && { slot: { start: after.start, end: after.end, wasStart: before.start, wasEnd: before.end } }),
    ...(before.title !== after.title && { renamedFrom: before.title }),
    fields: EDITED_SESSION_FIELDS.filter((key) => changed(before, after, key)),
  };
}
