/**
 * shared/time.ts works on Intl and epoch arithmetic so the door's bundle goes without luxon; here
 * luxon is the reference it must agree with, for many instants and zones: clock changes, a
 * half-hour zone, a 45-minute one, a half-hour daylight shift, a midnight the clock skips.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatClockSeconds,
  formatDay,
  storedInstant,
  toVenueIso,
  venueDay,
  venueDayBounds,
  venueWallTime,
} from '../../shared/time.ts';
import { normaliseIso, parseInstant } from '../../shared/time-parse.ts';

const ZONES = [
  'Europe/Vienna',
  'America/New_York',
  'Asia/Kolkata', // +05:30, no daylight saving
  'Asia/Kathmandu', // +05:45
  'Australia/Adelaide', // +09:30 / +10:30
  'Australia/Lord_Howe', // a half-hour daylight shift
  'America/St_Johns', // -03:30 / -02:30
  'America/Santiago', // the clock skips midnight in spring
  'Asia/Tehran', // +03:30, skipped midnight until 2022
  'Pacific/Chatham', // +12:45 / +13:45
  'UTC',
];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/**
 * 2012 to 2040: the instants a schedule can hold. (Before 2011 St John's fell back at 00:01 to
 * 23:01, so a calendar day came round twice and "the day's bounds" had no single answer.)
 */
const FROM = Date.UTC(2012, 0, 1);
const UNTIL = Date.UTC(2040, 0, 1);
const instant = fc.integer({ min: FROM, max: UNTIL });
const zone = fc.constantFrom(...ZONES);
const luxon = (at: number, tz: string) => DateTime.fromMillis(at, { zone: tz });

/**
 * Luxon's bounds of the day: its midnight and the next one, each read from the date. (Its
 * `startOf('day').plus({ days: 1 })` is an hour late after a day whose midnight was skipped:
 * Tehran, 21 March 1996.)
 */
function luxonDay(at: number, tz: string) {
  const date = luxon(at, tz).toISODate()!;
  const next = DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!;
  return {
    date,
    bounds: {
      start: DateTime.fromISO(date, { zone: tz }).toMillis(),
      end: DateTime.fromISO(next, { zone: tz }).toMillis(),
    },
  };
}

/** Instants around each clock change of a year in a zone: where day arithmetic goes wrong. */
function changesIn(tz: string, year: number): number[] {
  const changes: number[] = [];
  for (let at = Date.UTC(year, 0, 1); at < Date.UTC(year + 1, 0, 1); at += HOUR) {
    if (luxon(at, tz).offset !== luxon(at + HOUR, tz).offset) changes.push(at + HOUR);
  }
  return changes;
}
const nearChanges = ZONES.flatMap((tz) =>
  [2024, 2026].flatMap((year) =>
    changesIn(tz, year).flatMap((change) =>
      [-DAY, -HOUR - 1, -1, 0, 1, HOUR, DAY - 1].map((delta) => [change + delta, tz] as const),
    ),
  ),
);

describe('venue days on Intl', () => {
  it('agree with luxon on the day, its start and its end, for any instant and zone', () => {
    fc.assert(
      fc.property(instant, zone, (at, tz) => {
        const { date, bounds } = luxonDay(at, tz);
        expect(venueDay(at, tz)).toBe(date);
        expect(venueDayBounds(at, tz)).toEqual(bounds);
      }),
      { numRuns: 3000 },
    );
  });

  it('agree with luxon within a day of every clock change of 2024 and 2026', () => {
    expect(nearChanges.length).toBeGreaterThan(150);
    for (const [at, tz] of nearChanges) {
      expect(venueDayBounds(at, tz), `${tz} ${new Date(at).toISOString()}`).toEqual(luxonDay(at, tz).bounds);
    }
  });

  it('are exactly the instants of one calendar day: nothing before the start or from the end', () => {
    fc.assert(
      fc.property(instant, zone, (at, tz) => {
        const { start, end } = venueDayBounds(at, tz);
        const day = venueDay(at, tz);
        expect(start <= at && at < end).toBe(true);
        expect([venueDay(start, tz), venueDay(end - 1, tz)]).toEqual([day, day]);
        expect(venueDay(start - 1, tz)).not.toBe(day);
        expect(venueDay(end, tz)).not.toBe(day);
      }),
      { numRuns: 2000 },
    );
  });

  it("are 23 and 25 hours long on Vienna's change days of 2026 (29 March, 25 October)", () => {
    const length = (iso: string) => {
      const { start, end } = venueDayBounds(Date.parse(iso), 'Europe/Vienna');
      return [new Date(start).toISOString(), (end - start) / HOUR];
    };
    expect(length('2026-03-29T12:00:00+02:00')).toEqual(['2026-03-28T23:00:00.000Z', 23]);
    expect(length('2026-03-29T01:59:59+01:00')).toEqual(['2026-03-28T23:00:00.000Z', 23]);
    expect(length('2026-10-25T02:30:00+01:00')).toEqual(['2026-10-24T22:00:00.000Z', 25]);
    expect(length('2026-10-25T02:30:00+02:00')).toEqual(['2026-10-24T22:00:00.000Z', 25]);
    expect(length('2026-10-26T00:00:00+01:00')).toEqual(['2026-10-25T23:00:00.000Z', 24]);
  });

  it('start at the change when the clock skips midnight (Santiago, 8 September 2024)', () => {
    const { start } = venueDayBounds(Date.parse('2024-09-08T12:00:00-03:00'), 'America/Santiago');
    expect(new Date(start).toISOString()).toBe('2024-09-08T04:00:00.000Z');
    expect(formatClock(start, 'America/Santiago')).toBe('01:00');
  });
});

describe('venue clock and dates on Intl', () => {
  it('format 24-hour clock times and ISO stamps as luxon did', () => {
    fc.assert(
      fc.property(instant, zone, (at, tz) => {
        expect(formatClock(at, tz)).toBe(luxon(at, tz).toFormat('HH:mm'));
        expect(formatClockSeconds(at, tz)).toBe(luxon(at, tz).toFormat('HH:mm:ss'));
        const whole = Math.floor(at / 1000) * 1000;
        expect(toVenueIso(at, tz)).toBe(luxon(whole, tz).toISO({ suppressMilliseconds: true }));
      }),
      { numRuns: 2000 },
    );
  });

  it('write the long date in each language as luxon did', () => {
    const locales = ['en-GB', 'fr', 'es', 'de', 'ru', 'ar', 'zh'];
    fc.assert(
      fc.property(instant, zone, fc.constantFrom(...locales), (at, tz, locale) => {
        const day = luxon(at, tz).setLocale(locale);
        const reference =
          locale === 'en-GB'
            ? day.toFormat('cccc d LLLL')
            : day.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' });
        expect(formatDay(at, tz, locale)).toBe(reference);
      }),
      { numRuns: 500 },
    );
    expect(formatDay(Date.parse('2024-10-14T13:00:00+02:00'), 'Europe/Vienna')).toBe('Monday 14 October');
  });

  it('stay 24-hour and in Latin digits whatever the language (the clock never reads "2 PM")', () => {
    expect(formatClock(Date.parse('2024-10-14T14:05:00+02:00'), 'Europe/Vienna')).toBe('14:05');
    expect(formatClock(Date.parse('2024-10-14T00:05:00+02:00'), 'Europe/Vienna')).toBe('00:05');
  });

  it('refuse an unknown zone with its name', () => {
    expect(() => formatClock(0, 'Europe/Atlantis')).toThrow(/Europe\/Atlantis/);
  });
});

describe('venue wall times', () => {
  const wall = fc.record({
    day: fc.integer({ min: FROM, max: UNTIL }).map((at) => new Date(at).toISOString().slice(0, 10)),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
  });

  it('agree with luxon, the skipped hour moved forward and the repeated one read the first time', () => {
    fc.assert(
      fc.property(wall, zone, ({ day, hour, minute }, tz) => {
        const reference = DateTime.fromISO(day, { zone: tz }).set({ hour, minute }).toMillis();
        expect(venueWallTime(day, hour, minute, tz)).toBe(reference);
      }),
      { numRuns: 3000 },
    );
    const vienna = (day: string, hour: number, minute: number) =>
      toVenueIso(venueWallTime(day, hour, minute, 'Europe/Vienna'), 'Europe/Vienna');
    expect(vienna('2026-03-29', 2, 30)).toBe('2026-03-29T03:30:00+02:00');
    expect(vienna('2026-10-25', 2, 30)).toBe('2026-10-25T02:30:00+02:00');
  });

  it('refuse a day or a time that does not exist', () => {
    expect(() => venueWallTime('2026-02-30', 12, 0, 'Europe/Vienna')).toThrow(RangeError);
    expect(() => venueWallTime('2026-02-10', 24, 0, 'Europe/Vienna')).toThrow(RangeError);
    expect(() => venueWallTime('10 Feb 2026', 12, 0, 'Europe/Vienna')).toThrow(RangeError);
  });

  it('read input without an offset the same way, as stored strings and as luxon-parsed input', () => {
    fc.assert(
      fc.property(wall, fc.integer({ min: 0, max: 59 }), zone, ({ day, hour, minute }, second, tz) => {
        const local = `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}`;
        const expected = venueWallTime(day, hour, minute, tz) + second * 1000;
        expect(parseInstant(local, tz)).toBe(expected);
        expect(storedInstant(local, tz)).toBe(expected);
        const stamped = toVenueIso(expected, tz);
        expect([parseInstant(stamped, tz), storedInstant(stamped, tz)]).toEqual([expected, expected]);
        expect(normaliseIso(local, tz)).toBe(stamped);
      }),
      { numRuns: 1000 },
    );
    expect(parseInstant('20241014T1300+0200', 'UTC')).toBe(Date.parse('2024-10-14T11:00:00Z'));
    expect(() => storedInstant('14 October 2024', 'Europe/Vienna')).toThrow(/not an ISO date-time/);
  });
});
