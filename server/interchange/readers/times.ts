/**
 * Time ranges as the UN programme writes them, in minutes after the venue day's midnight:
 * "10 a.m.–1 p.m.", "1–1.50 p.m.", "9–9:50 a.m.", "11.30 a.m.–12.20 p.m.", "12 noon", "2.10 p.m.".
 *
 * The printed programme writes the meridiem once, after the end ("1–1.50 p.m."), so the start's
 * meridiem is inferred: the reading that starts before the end with the shortest span wins
 * ("12.30–1.20 p.m." starts at 12:30, "11–12.20 p.m." at 11:00).
 */

/** The length given to a session printed with a start only ("2.10 p.m."): the programme's
 * standard side-event slot is 50 minutes (1–1.50 p.m., 2–2.50 p.m.). */
export const DEFAULT_SLOT_MINUTES = 50;

const DAY = 24 * 60;
/** An inferred meridiem must give a plausible meeting: at most 12 hours, not starting before
 * 6 a.m. ("3–1 p.m." is a typo, not 03:00–13:00). Explicit meridiems are taken as written. */
const MAX_INFERRED_SPAN = 12 * 60;
const EARLIEST_INFERRED_START = 6 * 60;

export type TimeRange = { ok: true; start: number; end: number; endMissing: boolean } | { ok: false; reason: string };

type Meridiem = 'am' | 'pm' | 'noon' | 'midnight' | null;

interface Point {
  hour: number;
  minute: number;
  hasMinutes: boolean;
  meridiem: Meridiem;
}

const POINT = /^(?:(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?\s*m\.?|p\.?\s*m\.?|noon|midnight)?|(noon|midnight))$/;

function parsePoint(text: string): Point | null {
  const m = POINT.exec(text.trim());
  if (!m) return null;
  const word = m[4] ?? m[3];
  const meridiem: Meridiem =
    word === undefined ? null : word.startsWith('a') ? 'am' : word.startsWith('p') ? 'pm' : (word as Meridiem);
  return {
    hour: m[1] === undefined ? 12 : Number(m[1]),
    minute: m[2] === undefined ? 0 : Number(m[2]),
    hasMinutes: m[2] !== undefined,
    meridiem,
  };
}

/** Minutes after midnight of a point with a known meridiem (or 24-hour), or an error text. */
function resolve(point: Point, asEnd: boolean): number | string {
  const { hour, minute, meridiem } = point;
  if (minute > 59) return `minute ${minute} out of range`;
  if (meridiem === 'noon' || meridiem === 'midnight') {
    if (hour !== 12 || minute !== 0) return `"${meridiem}" must be 12 ${meridiem}`;
    return meridiem === 'noon' ? 12 * 60 : asEnd ? DAY : 0;
  }
  if (meridiem === null) {
    if (hour > 23) return `hour ${hour} out of range`;
    return hour * 60 + minute;
  }
  if (hour < 1 || hour > 12) return `hour ${hour} out of range for a.m./p.m.`;
  return (hour % 12) * 60 + minute + (meridiem === 'pm' ? 12 * 60 : 0);
}

/** Both a.m. and p.m. readings of a point written without a meridiem (one when it is 24-hour). */
function readings(point: Point): number[] {
  const base = point.hour * 60 + point.minute;
  if (point.hour === 0 || point.hour > 12) return [base];
  return [(point.hour % 12) * 60 + point.minute, (point.hour % 12) * 60 + point.minute + 12 * 60];
}

function inferStart(start: Point, end: number): number | null {
  const fits = readings(start).filter((s) => s >= EARLIEST_INFERRED_START && s < end && end - s <= MAX_INFERRED_SPAN);
  return fits.length === 0 ? null : Math.max(...fits);
}

function inferEnd(start: number, end: Point): number | null {
  const fits = readings(end).filter((e) => e > start && e - start <= MAX_INFERRED_SPAN);
  return fits.length === 0 ? null : Math.min(...fits);
}

export function parseTimeRange(raw: string): TimeRange {
  const text = raw
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  const parts = text.split(/\s*-\s*|\s+to\s+/);
  if (parts.length > 2) return { ok: false, reason: 'more than one dash' };
  const start = parsePoint(parts[0] ?? '');
  const end = parts[1] === undefined ? null : parsePoint(parts[1]);
  if (!start || (parts[1] !== undefined && !end)) return { ok: false, reason: 'unknown time form' };

  if (!end) {
    if (start.meridiem === null && !start.hasMinutes) return { ok: false, reason: 'no a.m./p.m.' };
    const s = resolve(start, false);
    if (typeof s === 'string') return { ok: false, reason: s };
    return { ok: true, start: s, end: s + DEFAULT_SLOT_MINUTES, endMissing: true };
  }

  let s: number | string | null;
  let e: number | string | null;
  if (start.meridiem === null && end.meridiem === null) {
    // With no meridiem anywhere only an unambiguous 24-hour form ("14.00-14.50") is accepted.
    if (!start.hasMinutes || !end.hasMinutes) return { ok: false, reason: 'no a.m./p.m.' };
    s = resolve(start, false);
    e = resolve(end, true);
  } else if (start.meridiem === null) {
    e = resolve(end, true);
    s = typeof e === 'string' ? e : inferStart(start, e);
  } else if (end.meridiem === null) {
    s = resolve(start, false);
    e = typeof s === 'string' ? s : inferEnd(s, end);
  } else {
    s = resolve(start, false);
    e = resolve(end, true);
  }
  if (typeof s === 'string') return { ok: false, reason: s };
  if (typeof e === 'string') return { ok: false, reason: e };
  if (s === null || e === null || e <= s) return { ok: false, reason: 'the end is not after the start' };
  return { ok: true, start: s, end: e, endMissing: false };
}

/** Whether a cell starts like a time, i.e. the line was meant as a timed row. */
export function looksLikeTime(cell: string): boolean {
  return /^(\d{1,2}([.:]\d{2})?\s*([ap]\.?\s*m\b|noon|midnight|[-\u2010-\u2015\u2212]|$)|noon\b)/i.test(cell.trim());
}

/** Clock time of minutes after midnight: "15:10", or "1510" (the compact form used in ids). */
export function clockText(minutes: number, separator = ':'): string {
  const m = ((minutes % DAY) + DAY) % DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}${separator}${String(m % 60).padStart(2, '0')}`;
}
