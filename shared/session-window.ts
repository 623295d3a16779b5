/**
 * The dates a session may have: within a year of the schedule's span (its first start to its last
 * end). A typo like 2100 for 2024 is refused with a message naming the field instead of stretching
 * every day-by-day walk of the schedule (exports, feeds) over 76 years. One rule for the server's
 * domain and the panel's form.
 */
import type { Session } from './model.ts';
import { toVenueIso, type Instant } from './time.ts';
import { parseInstant } from './time-parse.ts';

const YEAR_MS = 366 * 24 * 60 * 60 * 1000;

export interface SessionWindow {
  from: Instant;
  to: Instant;
}

type Timed = Pick<Session, 'start' | 'end'>;

/** The window around a span (first start, last end); undefined for no span (anything goes). */
function around(first: number, last: number): SessionWindow | undefined {
  return first === Infinity ? undefined : { from: first - YEAR_MS, to: last + YEAR_MS };
}

/** The window around these sessions; undefined for an empty schedule (anything goes). */
export function sessionWindow(sessions: readonly Timed[], zone: string): SessionWindow | undefined {
  let first = Infinity;
  let last = -Infinity;
  for (const session of sessions) {
    first = Math.min(first, parseInstant(session.start, zone));
    last = Math.max(last, parseInstant(session.end, zone));
  }
  return around(first, last);
}

export interface WindowProblem {
  /** Index of the session in the list given. */
  index: number;
  field: 'start' | 'end';
  message: string;
}

/**
 * The same rule for a whole list at once (an imported file): each session must lie within a year
 * of the span of all the others and of `reference` (the live sessions it joins), just as a staff
 * edit must lie within a year of the rest of the schedule. Linear: the span of "all but one" is
 * read from the two earliest starts and the two latest ends.
 */
export function sessionsOutsideWindow(
  sessions: readonly Timed[],
  zone: string,
  reference: readonly Timed[] = [],
): WindowProblem[] {
  const base = sessionWindow(reference, zone);
  const starts = sessions.map((s) => parseInstant(s.start, zone));
  const ends = sessions.map((s) => parseInstant(s.end, zone));
  const [early1, early2] = extremes(starts, (a, b) => a < b);
  const [late1, late2] = extremes(ends, (a, b) => a > b);
  const problems: WindowProblem[] = [];
  sessions.forEach((session, index) => {
    let first = index === early1 ? (early2 === undefined ? Infinity : starts[early2]!) : starts[early1!]!;
    let last = index === late1 ? (late2 === undefined ? -Infinity : ends[late2]!) : ends[late1!]!;
    if (base) {
      first = Math.min(first, base.from + YEAR_MS);
      last = Math.max(last, base.to - YEAR_MS);
    }
    const window = around(first, last);
    for (const field of ['start', 'end'] as const) {
      const message = outsideWindow(field, session[field], window, zone);
      if (message) problems.push({ index, field, message });
    }
  });
  return problems;
}

/** Indexes of the best and second-best value by `better` (undefined when there are too few). */
function extremes(values: number[], better: (a: number, b: number) => boolean): [number?, number?] {
  let best: number | undefined;
  let second: number | undefined;
  values.forEach((value, index) => {
    if (best === undefined || better(value, values[best]!)) {
      second = best;
      best = index;
    } else if (second === undefined || better(value, values[second]!)) second = index;
  });
  return [best, second];
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
