/**
 * The dates a session may have: within a year of the schedule's span (its first start to its last
 * end). A typo like 2100 for 2024 is refused with a message naming the field instead of stretching
 * every day-by-day walk of the schedule (exports, feeds) over 76 years. One rule for the server's
 * domain and the panel's form.
 */
import type { Session } from './model.ts';
import { parseInstant, toVenueIso, type Instant } from './time.ts';

const YEAR_MS = 366 * 24 * 60 * 60 * 1000;

export interface SessionWindow {
  from: Instant;
  to: Instant;
}

/** The window around these sessions; undefined for an empty schedule (anything goes). */
export function sessionWindow(
  sessions: readonly Pick<Session, 'start' | 'end'>[],
  zone: string,
): SessionWindow | undefined {
  let first = Infinity;
  let last = -Infinity;
  for (const session of sessions) {
    first = Math.min(first, parseInstant(session.start, zone));
    last = Math.max(last, parseInstant(session.end, zone));
  }
  return first === Infinity ? undefined : { from: first - YEAR_MS, to: last + YEAR_MS };
}

/** Why this time is outside the window ("start: 2100-10-14 is more than a year from …"), or undefined. */
export function outsideWindow(
  field: string,
  iso: string,
  window: SessionWindow | undefined,
  zone: string,
): string | undefined {
  if (!window) return undefined;
  const at = parseInstant(iso, zone);
  if (at >= window.from && at <= window.to) return undefined;
  const day = (instant: Instant) => toVenueIso(instant, zone).slice(0, 10);
  return `${field}: ${day(at)} is more than a year away from the schedule (${day(window.from)} to ${day(window.to)}); check the year`;
}
