// Time ranges and dates as the UN programme prints them.
import { describe, expect, it } from 'vitest';
import { parseTimeRange } from '../../server/interchange/readers/times.ts';
import { parseDateLine, parseDayHeader, resolveDay } from '../../server/interchange/readers/dates.ts';

const hm = (h: number, m = 0): number => h * 60 + m;

describe('parseTimeRange', () => {
  it.each([
    ['10 a.m.–1 p.m.', hm(10), hm(13)],
    ['10 a.m.-1 p.m.', hm(10), hm(13)],
    ['10 a.m. – 1 p.m.', hm(10), hm(13)],
    ['1–1.50 p.m.', hm(13), hm(13, 50)],
    ['9–9:50 a.m.', hm(9), hm(9, 50)],
    ['1.15–2.10 p.m.', hm(13, 15), hm(14, 10)],
    ['11.30 a.m.–12.20 p.m.', hm(11, 30), hm(12, 20)],
    ['12.30–1.20 p.m.', hm(12, 30), hm(13, 20)],
    ['11–12.20 p.m.', hm(11), hm(12, 20)],
    ['10–1 p.m.', hm(10), hm(13)],
    ['6–7 p.m.', hm(18), hm(19)],
    ['3—6 p.m.', hm(15), hm(18)],
    ['12 noon–1 p.m.', hm(12), hm(13)],
    ['noon-1 p.m.', hm(12), hm(13)],
    ['10 am–12 noon', hm(10), hm(12)],
    ['10 AM - 11 AM', hm(10), hm(11)],
    ['11 p.m.–12 midnight', hm(23), hm(24)],
    ['14.00–14.50', hm(14), hm(14, 50)],
  ])('%s', (text, start, end) => {
    expect(parseTimeRange(text)).toEqual({ ok: true, start, end, endMissing: false });
  });

  it('gives a start without an end the standard 50-minute slot, flagged', () => {
    expect(parseTimeRange('2.10 p.m.')).toEqual({ ok: true, start: hm(14, 10), end: hm(15), endMissing: true });
    expect(parseTimeRange('12 noon')).toEqual({ ok: true, start: hm(12), end: hm(12, 50), endMissing: true });
  });

  it.each([
    ['half past nine', 'unknown time form'],
    ['', 'unknown time form'],
    ['1–1.50', 'no a.m./p.m.'],
    ['2', 'no a.m./p.m.'],
    ['13 p.m.', 'out of range'],
    ['1.75 p.m.', 'out of range'],
    ['3–1 p.m.', 'not after the start'],
    ['2 p.m.–1 p.m.', 'not after the start'],
    ['1–2–3 p.m.', 'more than one dash'],
    ['11 noon', 'must be 12 noon'],
  ])('refuses %j (%s)', (text, reason) => {
    const result = parseTimeRange(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('dates', () => {
  it('reads the title-block date line, with or without a city, across months and years', () => {
    expect(parseDateLine('Vienna, 14–18 October 2024')).toEqual({
      city: 'Vienna',
      first: { year: 2024, month: 10, day: 14 },
      last: { year: 2024, month: 10, day: 18 },
    });
    expect(parseDateLine('28 September–2 October 2025')).toEqual({
      city: null,
      first: { year: 2025, month: 9, day: 28 },
      last: { year: 2025, month: 10, day: 2 },
    });
    expect(parseDateLine('Geneva, 29 December–2 January 2026')?.first).toEqual({ year: 2025, month: 12, day: 29 });
    expect(parseDateLine('Vienna, 3 June 2025')?.last).toEqual({ year: 2025, month: 6, day: 3 });
    expect(parseDateLine('Twelfth session')).toBeNull();
    expect(parseDateLine('Vienna, 18–14 October 2024')).toBeNull();
  });

  it('reads day headers, with "(CONTINUED)"', () => {
    expect(parseDayHeader('MONDAY, 14 OCTOBER')).toEqual({
      weekday: 1,
      day: 14,
      month: 10,
      year: null,
      continued: false,
    });
    expect(parseDayHeader('TUESDAY, 15 OCTOBER (CONTINUED)')).toMatchObject({ weekday: 2, continued: true });
    expect(parseDayHeader('Friday 3 Oct 2025')).toMatchObject({ weekday: 5, month: 10, year: 2025 });
    expect(parseDayHeader('SIDE EVENTS')).toBeNull();
  });

  it('gives each day of a range across months its year and checks the weekday', () => {
    const dates = parseDateLine('Vienna, 28 September–2 October 2025')!;
    expect(resolveDay(parseDayHeader('SUNDAY, 28 SEPTEMBER')!, dates)).toEqual({ ok: true, date: '2025-09-28' });
    expect(resolveDay(parseDayHeader('THURSDAY, 2 OCTOBER')!, dates)).toEqual({ ok: true, date: '2025-10-02' });
    const newYear = parseDateLine('29 December 2025–2 January 2026')!;
    expect(resolveDay(parseDayHeader('FRIDAY, 2 JANUARY')!, newYear)).toEqual({ ok: true, date: '2026-01-02' });
    expect(resolveDay(parseDayHeader('MONDAY, 29 DECEMBER')!, newYear)).toEqual({ ok: true, date: '2025-12-29' });
    const wrong = resolveDay(parseDayHeader('MONDAY, 2 OCTOBER')!, dates);
    expect(wrong).toEqual({ ok: true, date: '2025-10-02', problem: '2025-10-02 is a Thursday, not a Monday' });
    expect(resolveDay(parseDayHeader('MONDAY, 14 OCTOBER')!, null).ok).toBe(false);
  });
});
