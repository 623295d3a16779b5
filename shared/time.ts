/**
 * Venue-time helpers. Every instant in the system is an epoch-millisecond number or an ISO string
 * with an explicit offset; every calendar notion (day, clock time) is taken in the venue's zone,
 * never in the zone of the machine that runs the code.
 *
 * Server, panel and screens share these rules. They rest on the platform's own time-zone data
 * (Intl.DateTimeFormat) and epoch arithmetic, with no date library: luxon was a third of the door
 * display's JavaScript. Reading ISO input as people and files write it (luxon's grammar) is
 * time-parse.ts, which only the server and the panel load.
 */
export type Instant = number;

export const MINUTE = 60_000;
const SECOND = 1000;
const DAY = 24 * 60 * MINUTE;

/** What a venue's wall clock and calendar read at an instant. */
interface WallReading {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * One formatter per zone and locale: building an Intl.DateTimeFormat costs far more than using
 * one. A formatter is immutable and answers the same whoever built it, so this cache is no state
 * an application could leak to another (vitest runs them in one process).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let cached = formatters.get(key);
  if (!cached) formatters.set(key, (cached = make()));
  return cached;
}

/** Numeric fields in the zone, 24-hour, Latin digits whatever the machine's locale. */
function readingFormatter(zone: string): Intl.DateTimeFormat {
  return formatter(`reading ${zone}`, () => {
    return new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      numberingSystem: 'latn',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  });
}

function wallReading(instant: Instant, zone: string): WallReading {
  if (!Number.isFinite(instant)) throw new RangeError(`not an instant: ${instant}`);
  const reading: WallReading = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of readingFormatter(zone).formatToParts(instant)) {
    if (part.type in reading) reading[part.type as keyof WallReading] = Number(part.value);
  }
  return reading;
}

/** The reading as if it were a UTC time: epoch ms of the wall clock, to do arithmetic on. */
function wallMillis(reading: WallReading): number {
  return Date.UTC(reading.year, reading.month - 1, reading.day, reading.hour, reading.minute, reading.second);
}

/** The zone's offset from UTC at an instant, in ms (Vienna in summer: +7,200,000). */
function offsetAt(instant: Instant, zone: string): number {
  const wholeSecond = Math.floor(instant / SECOND) * SECOND;
  return wallMillis(wallReading(wholeSecond, zone)) - wholeSecond;
}

/**
 * The instant a venue wall clock reading (as UTC epoch ms) stands for. A reading the clock shows
 * twice (the hour repeated in autumn) is its first time; one it skips (the spring-forward gap) is
 * read with the offset from before the change, i.e. moved forward by the gap: 02:30 on Vienna's
 * 29 March 2026 is 03:30 summer time, as luxon and Temporal's "compatible" choice read it.
 * `inGap: 'change'` answers the change itself instead: the first instant of a day whose midnight
 * the clock skips.
 */
function instantOfWall(wall: number, zone: string, inGap: 'shift' | 'change' = 'shift'): Instant {
  // An offset is under a day, so a day either side is clear of any change near the reading.
  const before = offsetAt(wall - DAY, zone);
  const after = offsetAt(wall + DAY, zone);
  // No change within a day either side: the one offset reads it (the case of nearly every day).
  if (before === after) return wall - before;
  const showing = [wall - before, wall - after].filter((instant) => instant + offsetAt(instant, zone) === wall);
  if (showing.length > 0) return Math.min(...showing);
  if (inGap === 'shift') return wall - before;
  // The clock jumped over the reading: search the jump between the two offsets' readings.
  let low = wall - after; // reads before `wall`
  let high = wall - before; // reads after it
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (middle + offsetAt(middle, zone) >= wall) high = middle;
    else low = middle;
  }
  return high;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * ISO string with the venue's offset, in whole seconds: 2024-10-14T13:00:00+02:00. The instant is
 * cut down to its second, so journal and emergency stamps taken from a running clock read like
 * every other time. The zones "UTC" and "GMT" write "Z", as stamps always have.
 */
export function toVenueIso(instant: Instant, zone: string): string {
  const wholeSecond = Math.floor(instant / SECOND) * SECOND;
  const reading = wallReading(wholeSecond, zone);
  const offsetMinutes = (wallMillis(reading) - wholeSecond) / MINUTE;
  const date = `${pad(reading.year, 4)}-${pad(reading.month)}-${pad(reading.day)}`;
  const time = `${pad(reading.hour)}:${pad(reading.minute)}:${pad(reading.second)}`;
  return `${date}T${time}${offsetSuffix(offsetMinutes, zone)}`;
}

function offsetSuffix(offsetMinutes: number, zone: string): string {
  const lowered = zone.toLowerCase();
  if (offsetMinutes === 0 && (lowered === 'utc' || lowered === 'gmt')) return 'Z';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const magnitude = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.trunc(magnitude / 60))}:${pad(Math.trunc(magnitude % 60))}`;
}

/** The venue-local calendar day of an instant, as yyyy-MM-dd. */
export function venueDay(instant: Instant, zone: string): string {
  const { year, month, day } = wallReading(instant, zone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * Start (inclusive) and end (exclusive) of the venue-local day that contains the instant: its
 * first instant and the next day's, so a day of a clock change is 23 or 25 hours long and a day
 * whose midnight the clock skips starts at the change.
 */
export function venueDayBounds(instant: Instant, zone: string): { start: Instant; end: Instant } {
  const { year, month, day } = wallReading(instant, zone);
  return {
    start: instantOfWall(Date.UTC(year, month - 1, day), zone, 'change'),
    end: instantOfWall(Date.UTC(year, month - 1, day + 1), zone, 'change'),
  };
}

/** 24-hour venue clock time, e.g. 14:05. */
export function formatClock(instant: Instant, zone: string): string {
  const { hour, minute } = wallReading(instant, zone);
  return `${pad(hour)}:${pad(minute)}`;
}

/** 24-hour venue clock time with seconds, e.g. 14:05:09. */
export function formatClockSeconds(instant: Instant, zone: string): string {
  const { hour, minute, second } = wallReading(instant, zone);
  return `${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/**
 * Long venue-local date in the language's own order: "Monday 14 October" (en-GB), "lundi 14
 * octobre", "10月14日星期一".
 */
export function formatDay(instant: Instant, zone: string, locale = 'en-GB'): string {
  const day = formatter(`day ${zone} ${locale}`, () => {
    return new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long' });
  });
  return day.format(instant);
}

const VENUE_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const STORED_ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:\d{2})?$/i;

/**
 * Epoch ms of a time as the schedule stores it (2024-10-14T13:00:00+02:00, the extended ISO form,
 * seconds and fraction optional); without an offset it is venue time. Input in other spellings
 * goes through time-parse.ts, which ends in the same venue-time rule.
 */
export function storedInstant(iso: string, zone: string): Instant {
  const match = STORED_ISO.exec(iso);
  if (!match) throw new RangeError(`not an ISO date-time: ${iso}`);
  const [, day, hour, minute, second = '0', fraction = '0', offset] = match;
  if (offset) {
    const instant = Date.parse(iso);
    if (Number.isNaN(instant)) throw new RangeError(`not an ISO date-time: ${iso}`);
    return instant;
  }
  const milliseconds = Number(second) * SECOND + Number(fraction.padEnd(3, '0'));
  return venueReadingInstant(day!, Number(hour), Number(minute), milliseconds, zone);
}

/** Epoch ms of a venue-local wall-clock time on a given venue day (yyyy-MM-dd, hour, minute). */
export function venueWallTime(day: string, hour: number, minute: number, zone: string): Instant {
  return venueReadingInstant(day, hour, minute, 0, zone);
}

/**
 * Epoch ms of a venue-local reading, to the millisecond (time-parse.ts reads ISO strings without
 * an offset through here, so venue-local input and the panel's slots agree on every instant).
 */
export function venueReadingInstant(
  day: string,
  hour: number,
  minute: number,
  milliseconds: number,
  zone: string,
): Instant {
  const [, year, month, date] = VENUE_DAY.exec(day)?.map(Number) ?? [];
  const valid =
    year !== undefined &&
    isCalendarDate(year, month!, date!) &&
    [hour, minute].every(Number.isInteger) &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    Number.isInteger(milliseconds) &&
    milliseconds >= 0 &&
    milliseconds < MINUTE;
  if (!valid) throw new RangeError(`invalid venue time ${day} ${hour}:${minute}`);
  return instantOfWall(Date.UTC(year, month! - 1, date!, hour, minute) + milliseconds, zone);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
