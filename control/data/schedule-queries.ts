/**
 * Pure questions the panel asks of the schedule: which days, which sessions on a day, which rooms
 * are free for a slot, what matches a search. No DOM, no network: unit-tested on their own.
 */
import { DateTime } from 'luxon';
import { findRoomHolder } from '../../shared/clash.ts';
import type { Schedule, Session, Venue } from '../../shared/model.ts';
import { venueDay, venueWallTime } from '../../shared/time.ts';
import { parseInstant } from '../../shared/time-parse.ts';

/** The venue-local days (yyyy-MM-dd) on which the programme has sessions, in order. */
export function programmeDays(schedule: Schedule): string[] {
  const days = new Set(schedule.sessions.map((s) => venueDay(parseInstant(s.start, schedule.timezone), schedule.timezone)));
  return [...days].sort();
}

/** The day to open on: today in venue time when the programme has it, else the nearest next day. */
export function defaultDay(days: string[], now: number, zone: string): string | undefined {
  const today = venueDay(now, zone);
  return days.find((d) => d >= today) ?? days.at(-1);
}

export function sessionsOfDay(schedule: Schedule, day: string): Session[] {
  const zone = schedule.timezone;
  return schedule.sessions
    .filter((s) => venueDay(parseInstant(s.start, zone), zone) === day)
    .sort((a, b) => parseInstant(a.start, zone) - parseInstant(b.start, zone) || a.title.localeCompare(b.title));
}

/** Whole hours around the day's sessions (09:00–18:00 venue time for a day without any). */
export function dayRange(sessions: Session[], day: string, zone: string): { start: number; end: number } {
  if (sessions.length === 0) return { start: venueWallTime(day, 9, 0, zone), end: venueWallTime(day, 18, 0, zone) };
  const start = Math.min(...sessions.map((s) => parseInstant(s.start, zone)));
  const end = Math.max(...sessions.map((s) => parseInstant(s.end, zone)));
  const startHour = DateTime.fromMillis(start, { zone }).startOf('hour').toMillis();
  const endDt = DateTime.fromMillis(end, { zone });
  const endHour = endDt.equals(endDt.startOf('hour')) ? end : endDt.startOf('hour').plus({ hours: 1 }).toMillis();
  return { start: startHour, end: Math.max(endHour, startHour + 3_600_000) };
}

export interface VenueChoice {
  venue: Venue;
  /** The live session that already holds this room for the slot. */
  clash?: Session;
}

/**
 * Venues for moving `session` to the slot [start, end): free ones first, busy ones after with the
 * session that holds them (the server's clash rule, shared/clash.ts).
 */
export function venueChoices(schedule: Schedule, session: Session, start: number, end: number): VenueChoice[] {
  const choices = schedule.venues.map((venue): VenueChoice => {
    const clash = findRoomHolder(schedule, { id: session.id, venueId: venue.id, start, end });
    return clash ? { venue, clash } : { venue };
  });
  return [...choices.filter((c) => !c.clash), ...choices.filter((c) => c.clash)];
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Title or any organiser contains every word of the query (case and accents ignored). */
export function matchesSearch(session: Session, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold([session.title, session.organizers.lead, ...session.organizers.partners].join(' '));
  return words.every((w) => haystack.includes(w));
}

/**
 * Lane per item so that overlapping items in one room row sit one above the other
 * (greedy interval partitioning over items sorted by start).
 */
export function assignLanes(items: Array<{ start: number; end: number }>): { lanes: number[]; count: number } {
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.start - items[b]!.start);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(items.length).fill(0);
  for (const i of order) {
    const item = items[i]!;
    let lane = laneEnds.findIndex((end) => end <= item.start);
    if (lane < 0) lane = laneEnds.push(item.end) - 1;
    else laneEnds[lane] = item.end;
    lanes[i] = lane;
  }
  return { lanes, count: Math.max(1, laneEnds.length) };
}

export { clashText, slotLabel } from '../../shared/clash.ts';

export function venueName(schedule: Schedule, venueId: string): string {
  return schedule.venues.find((v) => v.id === venueId)?.name ?? venueId;
}


/** A venue-time day (yyyy-MM-dd) and 24-hour clock time (HH:mm), as the panel's time fields show them. */
export function toDayAndTime(iso: string, zone: string): { day: string; time: string } {
  const dt = DateTime.fromMillis(parseInstant(iso, zone), { zone });
  return { day: dt.toFormat('yyyy-LL-dd'), time: dt.toFormat('HH:mm') };
}

/**
 * Reads a day and a typed 24-hour time ("9:05", "13:00") as venue time — never the browser's zone.
 * Null when the time is not a real HH:mm.
 */
export function fromDayAndTime(day: string, time: string, zone: string): number | null {
  const match = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(time);
  if (!match || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  try {
    return venueWallTime(day, hour, minute, zone);
  } catch {
    return null;
  }
}

/** "Mon 14 Oct", in venue time: compact enough for journal and screen lists. */
export function shortDay(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).setLocale('en-GB').toFormat('ccc d LLL');
}
