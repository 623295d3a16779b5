/** Relative-time wording and time-remaining figures for door and lobby screens. */
import { MINUTE, formatClock } from '../time.ts';
import { STARTING_SOON_MINUTES } from './constants.ts';
import { en } from '../i18n/en.ts';
import type { Messages } from '../i18n/messages.ts';

/**
 * "Now" once started (start <= instant); "In N min" within a quarter of an hour (N rounded up,
 * so at least 1); otherwise the 24-hour venue clock time, e.g. "14:15".
 */
export function relativeStart(start: number, instant: number, zone: string, m: Messages = en): string {
  const untilStart = start - instant;
  if (untilStart <= 0) return m.now;
  if (untilStart <= STARTING_SOON_MINUTES * MINUTE) return m.inMinutes(Math.ceil(untilStart / MINUTE));
  return formatClock(start, zone);
}

/** Share of [start, end) still to run at the instant, in [0, 1]: 1 before start, 0 from end on. */
export function remainingFraction(start: number, end: number, instant: number): number {
  if (instant >= end) return 0;
  if (instant <= start) return 1;
  return (end - instant) / (end - start);
}

/** Whole minutes until the end, rounded up ("1 min left" until the very end); 0 once ended. */
export function minutesLeft(end: number, instant: number): number {
  return Math.max(0, Math.ceil((end - instant) / MINUTE));
}
