/**
 * Cheap, exact parsing of the ISO strings the views read on every tick. Every time in the model
 * carries an explicit offset (the schema requires it) and Date.parse reads such strings exactly,
 * so luxon is kept for calendar-day bounds only.
 */
import type { Session } from '../model.ts';

/** Epoch ms of an offset ISO string; a clear error naming the field instead of a silent NaN. */
export function isoToMillis(iso: string, field: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`${field}: not an ISO date-time with offset: ${iso}`);
  return ms;
}

export function sessionStart(session: Session): number {
  return isoToMillis(session.start, `session ${session.id} start`);
}

export function sessionEnd(session: Session): number {
  return isoToMillis(session.end, `session ${session.id} end`);
}

export function plannedStart(session: Session): number {
  return isoToMillis(session.planned.start, `session ${session.id} planned.start`);
}

export function plannedEnd(session: Session): number {
  return isoToMillis(session.planned.end, `session ${session.id} planned.end`);
}
