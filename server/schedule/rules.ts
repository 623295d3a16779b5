/** Checks shared by the operations: lookups that 404, version checks that 409, input parsing. */
import type { Schedule, Session, Venue } from '../../shared/model.ts';
import { normaliseIso, parseInstant } from '../../shared/time.ts';
import { ConflictError, NotFoundError, ValidationError } from '../platform/errors.ts';
import { quote } from './summaries.ts';

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

export function checkOrder(start: string, end: string, zone: string): void {
  if (parseInstant(end, zone) <= parseInstant(start, zone)) {
    throw new ValidationError('end: must be after start', 'end');
  }
}
