/** Checks shared by the operations: lookups that 404, version checks that 409, input parsing. */
import type { Schedule, Session, Venue } from '../../shared/model.ts';
import { normaliseIso, parseInstant } from '../../shared/time-parse.ts';
import { ConflictError, NotFoundError, ValidationError } from '../platform/errors.ts';
import { quote } from './summaries.ts';
import { outsideWindow, sessionWindow } from '../../shared/session-window.ts';

export function requireSession(schedule: Schedule, id: string): Session {
  const session = schedule.sessions.find((s) => s.id === id);
  if (!session) throw new NotFoundError(`no session with id ${id}`);
  return session;
}

export function requireVenue(schedule: Schedule, venueId: string, field = 'venueId'): Venue {
  const venue = schedule.venues.find((v) => v.id === venueId);
  if (!venue) throw new NotFoundError(`${field}: no venue with id ${venueId}`, field);
  return venue;
}

/** Refuses a change made against an older version of the session than the live one. */
export function checkVersion(session: Session, expectedVersion: number | undefined): void {
  if (expectedVersion === undefined || expectedVersion === session.version) return;
  throw new ConflictError(
    `${quote(session.title)} was changed meanwhile (now version ${session.version}, you edited version ${expectedVersion}); reload it and try again`,
    { reason: 'stale', currentVersion: session.version, session },
    'expectedVersion',
  );
}

/** Canonical venue ISO of a time as typed (with or without offset). */
export function inputTime(value: string, zone: string, field: string): string {
  try {
    return normaliseIso(value, zone);
  } catch {
    throw new ValidationError(`${field}: not a valid date-time: ${value}`, field);
  }
}

/** Refuses a session time more than a year from the rest of the schedule (shared/session-window.ts). */
export function checkWindow(schedule: Schedule, times: { start: string; end: string }, ignoreId?: string): void {
  const others = schedule.sessions.filter((s) => s.id !== ignoreId && s.status !== 'cancelled');
  const window = sessionWindow(others, schedule.timezone);
  for (const field of ['start', 'end'] as const) {
    const problem = outsideWindow(field, times[field], window, schedule.timezone);
    if (problem) throw new ValidationError(problem, field);
  }
}

export function checkOrder(start: string, end: string, zone: string): void {
  if (parseInstant(end, zone) <= parseInstant(start, zone)) {
    throw new ValidationError('end: must be after start', 'end');
  }
}
