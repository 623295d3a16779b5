/**
 * One c3voc event → the parts of a session, or what is wrong with it. Times: `date` (ISO,
 * normally with an offset) wins; without it the day's date and `start` ("HH:MM") are read in the
 * venue's zone, and a start before the day's change-over (the clock time of `day_start`, e.g.
 * 04:00 when a conference day runs past midnight) belongs to the next calendar day. The end is
 * `end` when given (schedule v2), else start + `duration`.
 */
import { DateTime } from 'luxon';
import { OnlineDetailsSchema, type OnlineDetails, type Session } from '../../../shared/model.ts';
import type { ZoneTimes } from './zone-times.ts';
import { JOIN_LINK_TITLE, kindOfTrack, parseDuration } from './c3voc-format.ts';

export interface C3vocDay {
  date: string;
  /** Minutes after midnight before which a clock time belongs to the next calendar day. */
  changeOver: number;
}

export interface EventParts {
  title: string;
  start: string;
  end: string;
  kind: Session['kind'];
  organizers: Session['organizers'];
  online?: OnlineDetails;
  /** True when `start` ("09:00") disagrees with the clock time of `date` in the venue's zone. */
  clockMismatch: boolean;
}

export type EventResult = { ok: true; parts: EventParts } | { ok: false; errors: string[] };

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
/**
 * A value of the file for a message. A hostile file can make it an object whose toString is not a
 * function ({"toString":1}): String() would throw on it, so only strings and numbers are shown.
 */
export const shown = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : value == null
        ? ''
        : '(not text)';
const CLOCK = /^(\d{1,2}):(\d{2})$/;

/** The change-over of a day: the clock time of its day_start in the venue's zone, else midnight. */
export function changeOverOf(day: Json, zone: string): number {
  const start = DateTime.fromISO(text(day.day_start), { zone });
  return start.isValid ? start.hour * 60 + start.minute : 0;
}

function startOf(event: Json, day: C3vocDay, times: ZoneTimes): number | string {
  const date = text(event.date);
  if (date) return times.instant(date) ?? `date: "${date}" is not an ISO date-time`;
  const clock = CLOCK.exec(text(event.start));
  if (!clock) return `needs "date" (ISO date-time) or "start" ("HH:MM"); start is "${text(event.start)}"`;
  const minutes = Number(clock[1]) * 60 + Number(clock[2]);
  if (Number(clock[1]) > 23 || Number(clock[2]) > 59) return `start: "${text(event.start)}" is not a clock time`;
  const calendarDay = DateTime.fromISO(day.date, { zone: times.zone }).plus({ days: minutes < day.changeOver ? 1 : 0 });
  return calendarDay.set({ hour: Number(clock[1]), minute: Number(clock[2]) }).toMillis();
}

function endOf(event: Json, start: number, times: ZoneTimes): number | string {
  const end = text(event.end);
  if (end) return times.instant(end) ?? `end: "${end}" is not an ISO date-time`;
  const minutes = parseDuration(event.duration);
  if (minutes === null)
    return `duration: "${shown(event.duration)}" must be like "0:45", "01:30" or "1:02:00" (days:hours:minutes)`;
  // Luxon adds minutes as elapsed time too (not wall-clock time), so this is start.plus({ minutes }).
  return start + minutes * 60_000;
}

function personName(person: unknown): string {
  if (!isObject(person)) return '';
  return text(person.name) || text(person.public_name) || text(person.full_name);
}

function joinLink(links: unknown): OnlineDetails | undefined {
  if (!Array.isArray(links)) return undefined;
  const link = links.find((l) => isObject(l) && text(l.title) === JOIN_LINK_TITLE) as Json | undefined;
  const checked = OnlineDetailsSchema.safeParse({ url: text(link?.url) });
  return link && checked.success ? checked.data : undefined;
}

/** `times`: the venue zone's memoised arithmetic, one for the whole file. */
export function readEvent(event: unknown, day: C3vocDay, times: ZoneTimes): EventResult {
  if (!isObject(event)) return { ok: false, errors: ['an event must be an object'] };
  const errors: string[] = [];
  const title = text(event.title);
  if (!title) errors.push('title: must not be empty');
  const start = startOf(event, day, times);
  if (typeof start === 'string') errors.push(start);
  const end = typeof start === 'string' ? null : endOf(event, start, times);
  if (typeof end === 'string') errors.push(end);
  if (typeof start === 'number' && typeof end === 'number' && end <= start) {
    errors.push('the event must end after it starts (duration 0:00?)');
  }
  if (errors.length > 0 || typeof start !== 'number' || typeof end !== 'number') return { ok: false, errors };

  const names = Array.isArray(event.persons) ? event.persons.map(personName).filter((n) => n !== '') : [];
  const online = joinLink(event.links);
  const clock = CLOCK.exec(text(event.start));
  const startIso = times.iso(start);
  // The venue-local clock time is what the canonical form writes: "yyyy-MM-ddTHH:mm".
  const localHour = Number(startIso.slice(11, 13));
  const localMinute = Number(startIso.slice(14, 16));
  return {
    ok: true,
    parts: {
      title,
      start: startIso,
      end: times.iso(end),
      kind: kindOfTrack(event.track) ?? 'other',
      organizers: { lead: names[0] ?? '', partners: names.slice(1) },
      ...(online && { online }),
      clockMismatch: Boolean(
        text(event.date) && clock && (Number(clock[1]) !== localHour || Number(clock[2]) !== localMinute),
      ),
    },
  };
}
