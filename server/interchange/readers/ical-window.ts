/**
 * The span in which recurring events are expanded. `--from`/`--to` (venue-local dates,
 * inclusive) when given; otherwise a rule with a COUNT or an UNTIL is expanded whole, and a rule
 * without either only across the days of the feed's one-off events. A feed of nothing but
 * endless rules has no such span: the reader then asks for --from and --to.
 */
import { DateTime } from 'luxon';
import { ImportError } from '../import-types.ts';

export interface Window {
  /** Instants, start inclusive, end exclusive. */
  start: number;
  end: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dayStart(date: string, option: string, zone: string): DateTime {
  const day = DATE.test(date) ? DateTime.fromISO(date, { zone }) : null;
  if (!day || !day.isValid) throw new ImportError(`${option}: "${date}" is not a date (expected YYYY-MM-DD)`);
  return day.startOf('day');
}

/** The window the options ask for, or undefined when neither is given. */
export function optionWindow(from: string | undefined, to: string | undefined, zone: string): Window | undefined {
  if (from === undefined && to === undefined) return undefined;
  if (from === undefined || to === undefined)
    throw new ImportError(
      `${from === undefined ? '--from' : '--to'} is missing: give both --from YYYY-MM-DD and --to YYYY-MM-DD`,
    );
  const start = dayStart(from, '--from', zone);
  const last = dayStart(to, '--to', zone);
  if (last < start) throw new ImportError(`--to ${to} is before --from ${from}`);
  return { start: start.toMillis(), end: last.plus({ days: 1 }).toMillis() };
}

/** The days (venue-local, whole days) that the given one-off events touch. */
export function spanOf(instants: { start: number; end: number }[], zone: string): Window | undefined {
  if (instants.length === 0) return undefined;
  let start = Infinity;
  let end = -Infinity;
  for (const i of instants) {
    start = Math.min(start, i.start);
    end = Math.max(end, i.end);
  }
  return {
    start: DateTime.fromMillis(start, { zone }).startOf('day').toMillis(),
    end: DateTime.fromMillis(end - 1, { zone })
      .startOf('day')
      .plus({ days: 1 })
      .toMillis(),
  };
}
