/**
 * Reading ISO 8601 date-times as staff type them and files carry them, with luxon's grammar
 * (offsets or none, seconds, fractions, basic format). The server and the panel read input here;
 * the screens only read the schedule's own strings, which always carry an offset
 * (shared/views/parse.ts), so the door's bundle goes without luxon.
 */
import { DateTime } from 'luxon';
import { toVenueIso, venueReadingInstant, type Instant } from './time.ts';

/** The date and time of day of an ISO string, and whether it names its own offset. */
function readIso(iso: string): { dateTime: DateTime; hasOffset: boolean } {
  const dateTime = DateTime.fromISO(iso, { zone: 'UTC', setZone: true });
  if (!dateTime.isValid) throw new RangeError(`not an ISO date-time: ${iso}`);
  // Luxon's offset is "Z", "+hh", "+hhmm" or "+hh:mm" after the time; a date alone has none.
  const time = iso.split(/[Tt]/)[1] ?? '';
  return { dateTime, hasOffset: /[zZ+-]/.test(time) };
}

/**
 * Epoch ms of an ISO date-time; a string without an offset is read as venue time, with the rule
 * the panel's slots use for the repeated and the skipped hour (time.ts), not with whichever offset
 * the zone happens to have on the day the server runs.
 */
export function parseInstant(iso: string, zone: string): Instant {
  const { dateTime, hasOffset } = readIso(iso);
  if (hasOffset) return dateTime.toMillis();
  const { hour, minute, second, millisecond } = dateTime;
  return venueReadingInstant(dateTime.toISODate()!, hour, minute, second * 1000 + millisecond, zone);
}

/** True when the string parses as an ISO date-time (with or without offset). */
export function isIsoDateTime(iso: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) && DateTime.fromISO(iso).isValid;
}

/** Normalise any ISO input (offset or venue-local) to the canonical venue-offset form. */
export function normaliseIso(iso: string, zone: string): string {
  return toVenueIso(parseInstant(iso, zone), zone);
}
