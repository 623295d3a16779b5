/**
 * Venue-time helpers. Every instant in the system is an epoch-millisecond number or an ISO string
 * with an explicit offset; every calendar notion (day, clock time) is taken in the venue's zone,
 * never in the zone of the machine that runs the code.
 */
import { DateTime } from 'luxon';

export type Instant = number;

/** Epoch ms of an ISO date-time; a string without an offset is read as venue time. */
export function parseInstant(iso: string, zone: string): Instant {
  const dt = DateTime.fromISO(iso, { zone, setZone: false });
  if (!dt.isValid) throw new RangeError(`not an ISO date-time: ${iso}`);
  return dt.toMillis();
}

/** True when the string parses as an ISO date-time (with or without offset). */
export function isIsoDateTime(iso: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) && DateTime.fromISO(iso).isValid;
}

/**
 * ISO string with the venue's offset, in whole seconds: 2024-10-14T13:00:00+02:00. The instant is
 * cut down to its second (luxon's suppressMilliseconds alone keeps a non-zero .720), so journal
 * and emergency stamps taken from a running clock read like every other time.
 */
export function toVenueIso(instant: Instant, zone: string): string {
  const wholeSeconds = Math.floor(instant / 1000) * 1000;
  return DateTime.fromMillis(wholeSeconds, { zone }).toISO({ suppressMilliseconds: true })!;
}

/** Normalise any ISO input (offset or venue-local) to the canonical venue-offset form. */
export function normaliseIso(iso: string, zone: string): string {
  return toVenueIso(parseInstant(iso, zone), zone);
}

/** The venue-local calendar day of an instant, as yyyy-MM-dd. */
export function venueDay(instant: Instant, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toISODate()!;
}

/** Start (inclusive) and end (exclusive) of the venue-local day that contains the instant. */
export function venueDayBounds(instant: Instant, zone: string): { start: Instant; end: Instant } {
  const dt = DateTime.fromMillis(instant, { zone }).startOf('day');
  return { start: dt.toMillis(), end: dt.plus({ days: 1 }).toMillis() };
}

/** 24-hour venue clock time, e.g. 14:05. */
export function formatClock(instant: Instant, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toFormat('HH:mm');
}

/** 24-hour venue clock time with seconds, e.g. 14:05:09. */
export function formatClockSeconds(instant: Instant, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toFormat('HH:mm:ss');
}

/** Long venue-local date, e.g. "Monday 14 October", "lundi 14 octobre", "10月14日星期一". */
export function formatDay(instant: Instant, zone: string, locale = 'en-GB'): string {
  const day = DateTime.fromMillis(instant, { zone }).setLocale(locale);
  // English keeps its fixed pattern; other languages order weekday, day and month their own way.
  if (locale === 'en-GB') return day.toFormat('cccc d LLLL');
  return day.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' });
}

/** Epoch ms of a venue-local wall-clock time on a given venue day (yyyy-MM-dd, hour, minute). */
export function venueWallTime(day: string, hour: number, minute: number, zone: string): Instant {
  const dt = DateTime.fromISO(day, { zone }).set({ hour, minute, second: 0, millisecond: 0 });
  if (!dt.isValid) throw new RangeError(`invalid venue time ${day} ${hour}:${minute}`);
  return dt.toMillis();
}

export const MINUTE = 60_000;
