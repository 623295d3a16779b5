/**
 * Calendar facts of the UN programme: the date line of the title block ("Vienna, 14–18 October
 * 2024", "28 September–2 October 2025") gives the city and the year; day headers ("MONDAY,
 * 14 OCTOBER", "TUESDAY, 15 OCTOBER (CONTINUED)") give the days and carry no year.
 */
import { DateTime } from 'luxon';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** 1-based month of a full or three-letter English month name; 0 when it is none. */
function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((m) => m === lower || (lower.length === 3 && m.startsWith(lower)));
  return index + 1;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface ProgrammeDates {
  city: string | null;
  first: CalendarDate;
  last: CalendarDate;
}

const DASH = /[\u2010-\u2015\u2212-]/g;
const DATE_LINE =
  /^(?:([^,\d]+),\s*)?(\d{1,2})(?:\s+([a-z]+))?(?:\s+(\d{4}))?(?:\s*-\s*(\d{1,2})\s+([a-z]+))?\s+(\d{4})$/i;

/** Reads a title-block date line; null when the line is not one. */
export function parseDateLine(line: string): ProgrammeDates | null {
  const m = DATE_LINE.exec(line.replace(DASH, '-').trim());
  if (!m) return null;
  const [, city, d1, m1, y1, d2, m2, y2] = m;
  const endYear = Number(y2);
  const endMonth = monthNumber(m2 ?? m1 ?? '');
  const startMonth = m1 === undefined ? endMonth : monthNumber(m1);
  if (endMonth === 0 || startMonth === 0) return null;
  const startYear = y1 !== undefined ? Number(y1) : startMonth > endMonth ? endYear - 1 : endYear;
  const first = { year: startYear, month: startMonth, day: Number(d1) };
  const last = { year: endYear, month: endMonth, day: Number(d2 ?? d1) };
  if (!isRealDate(first) || !isRealDate(last) || toIsoDate(last) < toIsoDate(first)) return null;
  return { city: city?.trim() ?? null, first, last };
}

export interface DayHeader {
  weekday: number;
  day: number;
  month: number;
  year: number | null;
  continued: boolean;
}

const DAY_HEADER = new RegExp(
  `^(${WEEKDAYS.join('|')}),?\\s+(\\d{1,2})\\s+([a-z]+)(?:\\s+(\\d{4}))?\\s*(\\(continued\\))?$`,
  'i',
);

export function parseDayHeader(line: string): DayHeader | null {
  const m = DAY_HEADER.exec(line.trim());
  if (!m) return null;
  const month = monthNumber(m[3]!);
  if (month === 0) return null;
  return {
    weekday: WEEKDAYS.indexOf(m[1]!.toLowerCase()) + 1,
    day: Number(m[2]),
    month,
    year: m[4] === undefined ? null : Number(m[4]),
    continued: m[5] !== undefined,
  };
}

export function toIsoDate(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

function isRealDate(date: CalendarDate): boolean {
  return DateTime.fromObject(date, { zone: 'UTC' }).isValid;
}

/** Slack around the announced dates for days that are still plausibly part of the programme
 * (pre-session consultations, a closing day that slipped). */
const SLACK_DAYS = 7;

export type ResolvedDay = { ok: true; date: string; problem?: string } | { ok: false; reason: string };

/** The calendar date of a day header, using the title block's year(s); `problem` is a warning. */
export function resolveDay(header: DayHeader, dates: ProgrammeDates | null): ResolvedDay {
  const candidates =
    header.year !== null ? [header.year] : dates ? [...new Set([dates.first.year, dates.last.year])] : [];
  if (candidates.length === 0) {
    return { ok: false, reason: 'no year: the title block has no date line such as "Vienna, 14–18 October 2024"' };
  }
  const within = (date: CalendarDate): boolean => {
    if (!dates) return true;
    const t = DateTime.fromObject(date, { zone: 'UTC' });
    const from = DateTime.fromObject(dates.first, { zone: 'UTC' }).minus({ days: SLACK_DAYS });
    const to = DateTime.fromObject(dates.last, { zone: 'UTC' }).plus({ days: SLACK_DAYS });
    return t >= from && t <= to;
  };
  const options = candidates.map((year) => ({ year, month: header.month, day: header.day })).filter(isRealDate);
  const date = options.find(within) ?? options[0];
  if (!date) return { ok: false, reason: `no such date: ${header.day}/${header.month}` };
  const problems: string[] = [];
  if (!within(date)) problems.push(`${toIsoDate(date)} is outside the programme dates`);
  const weekday = DateTime.fromObject(date, { zone: 'UTC' }).weekday;
  if (weekday !== header.weekday) {
    problems.push(
      `${toIsoDate(date)} is a ${capitalise(WEEKDAYS[weekday - 1]!)}, not a ${capitalise(WEEKDAYS[header.weekday - 1]!)}`,
    );
  }
  return problems.length
    ? { ok: true, date: toIsoDate(date), problem: problems.join('; ') }
    : { ok: true, date: toIsoDate(date) };
}

function capitalise(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/** The day after a yyyy-MM-dd date (calendar arithmetic, no zone involved). */
export function nextDate(isoDate: string, days = 1): string {
  return DateTime.fromISO(isoDate, { zone: 'UTC' }).plus({ days }).toISODate()!;
}
