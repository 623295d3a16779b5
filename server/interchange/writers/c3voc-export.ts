/**
 * GET /api/export/schedule.json: the live schedule as a c3voc schedule.json (the format frab and
 * pretalx export and tools like the c3voc Fahrplan apps read), valid against the c3voc JSON
 * schema. Cancelled sessions are left out, as pretalx does. Field conventions: see
 * server/interchange/readers/c3voc-format.ts.
 */
import { DateTime } from 'luxon';
import type { Schedule, Session, Venue } from '../../../shared/model.ts';
import { formatClock, venueDay } from '../../../shared/time.ts';
import { parseInstant } from '../../../shared/time-parse.ts';
import {
  JOIN_LINK_TITLE,
  KIND_TRACKS,
  KIND_TYPES,
  UNNAMED_CONFERENCE,
  formatDuration,
} from '../readers/c3voc-format.ts';
import { byStartThenVenue } from './export-order.ts';
import { sessionGuid, uuidV5 } from '../readers/c3voc-ids.ts';

export interface C3vocOptions {
  /** Absolute URL of the server ("https://signage.example.org/"): base of every event URL. */
  baseUrl: string;
  /** Used for the conference dates when there is no session at all. */
  now: number;
  title?: string;
  /** Must match the schema's pattern: lower-case letters, digits and _ (at least 4). */
  acronym?: string;
  /** Day change-over "HH:MM" (venue time): sessions before it belong to the previous day. */
  dayChange?: string;
}

const SLUG = /^[a-z0-9_-]+[a-z0-9]$/;

/** The session id when it can be a slug (so our importer gets the id back), else a safe form. */
function slugOf(id: string): string {
  if (SLUG.test(id)) return id;
  const safe = id
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/[-_]+$/, '');
  return `${safe || 'session'}-${uuidV5(id).slice(0, 8)}`;
}

/** c3voc wants a positive integer id: a stable one from the session id, unique in the file. */
function integerIds(sessions: Session[]): Map<string, number> {
  const ids = new Map<string, number>();
  const used = new Set<number>();
  for (const session of sessions) {
    let n = (parseInt(uuidV5(session.id).slice(0, 8), 16) % 2_000_000_000) + 1;
    while (used.has(n)) n += 1;
    used.add(n);
    ids.set(session.id, n);
  }
  return ids;
}

function event(session: Session, venue: Venue, zone: string, id: number, baseUrl: string) {
  const start = parseInstant(session.start, zone);
  const minutes = Math.round((parseInstant(session.end, zone) - start) / 60_000);
  const { lead, partners } = session.organizers;
  const agenda = session.agendaItems?.map((item) => `Item ${item.code}. ${item.title}`).join('\n');
  return {
    id,
    guid: sessionGuid(slugOf(session.id)),
    logo: '',
    date: session.start,
    start: formatClock(start, zone),
    duration: formatDuration(minutes),
    room: venue.name,
    slug: slugOf(session.id),
    url: new URL(`display/room/${encodeURIComponent(venue.id)}`, baseUrl).href,
    title: session.title,
    subtitle: '',
    track: KIND_TRACKS[session.kind],
    type: KIND_TYPES[session.kind],
    language: '',
    abstract: '',
    description: agenda ?? '',
    recording_license: '',
    do_not_record: false,
    persons: [lead, ...partners].filter((name) => name.trim() !== '').map((name) => ({ name })),
    links: session.online?.url ? [{ url: session.online.url, title: JOIN_LINK_TITLE }] : [],
    attachments: [],
    // No "answers": the current upstream schema (voc/schedule) forbids it on events.
  };
}

type C3vocEvent = ReturnType<typeof event>;

/**
 * Empty days between sessions are listed (as frab does) only while the whole span stays within
 * this many days: a typo such as a session in 2100 must not make the export list 27,000 days.
 */
const MAX_LISTED_SPAN_DAYS = 366;

/** "HH:MM" of the day change-over as minutes after midnight (0 when absent or malformed). */
function changeOverMinutes(dayChange: string | undefined): number {
  const match = /^(\d{1,2}):(\d{2})/.exec(dayChange ?? '');
  return match ? Number(match[1]) * 60 + Number(match[2]) : 0;
}

/** The festival day a session belongs to: a day runs from the change-over to the next one. */
function festivalDay(start: number, zone: string, changeOver: number): string {
  return DateTime.fromMillis(start, { zone }).minus({ minutes: changeOver }).toISODate()!;
}

/** The days to list: every day with a session, in order, and the empty ones between while the span is short. */
function listedDays(dayKeys: string[], zone: string): string[] {
  if (dayKeys.length === 0) return [];
  const first = DateTime.fromISO(dayKeys[0]!, { zone });
  const last = DateTime.fromISO(dayKeys[dayKeys.length - 1]!, { zone });
  const span = Math.round(last.diff(first, 'days').days) + 1;
  if (span > MAX_LISTED_SPAN_DAYS) return dayKeys;
  const days: string[] = [];
  for (let d = first, i = 0; i < span; d = d.plus({ days: 1 }), i++) days.push(d.toISODate()!);
  return days;
}

/** The schema's acronym pattern wants lower-case letters, digits and _ (4 or more): "DemoCon 25" → "democon_25". */
function acronymOf(acronym: string | undefined): string {
  const safe = (acronym ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return safe.length >= 4 ? safe : UNNAMED_CONFERENCE.acronym;
}

export function c3vocSchedule(schedule: Schedule, options: C3vocOptions) {
  const zone = schedule.timezone;
  const changeOver = changeOverMinutes(options.dayChange);
  const venues = new Map(schedule.venues.map((v) => [v.id, v]));
  const sessions = schedule.sessions.filter((s) => s.status !== 'cancelled').sort(byStartThenVenue(schedule));
  const ids = integerIds(sessions);
  const usedVenues = new Set(sessions.map((s) => s.venueId));

  // One pass: each session's day is computed once and the session dropped into that day's bucket.
  const buckets = new Map<string, Session[]>();
  for (const session of sessions) {
    const day = festivalDay(parseInstant(session.start, zone), zone, changeOver);
    const bucket = buckets.get(day);
    if (bucket) bucket.push(session);
    else buckets.set(day, [session]);
  }
  const dayKeys = [...buckets.keys()].sort();
  const today = venueDay(options.now, zone);
  const first = dayKeys[0] ?? today;
  const last = dayKeys[dayKeys.length - 1] ?? first;

  const days = listedDays(dayKeys, zone).map((date, index) => {
    const rooms: Record<string, C3vocEvent[]> = {};
    for (const session of buckets.get(date) ?? []) {
      const venue = venues.get(session.venueId) ?? {
        id: session.venueId,
        name: session.venueId,
        kind: 'room' as const,
      };
      (rooms[venue.name] ??= []).push(event(session, venue, zone, ids.get(session.id)!, options.baseUrl));
    }
    const dayStart = DateTime.fromISO(date, { zone }).plus({ minutes: changeOver });
    return {
      index: index + 1,
      date,
      day_start: dayStart.toISO({ suppressMilliseconds: true })!,
      day_end: dayStart.plus({ days: 1 }).minus({ seconds: 1 }).toISO({ suppressMilliseconds: true })!,
      rooms,
    };
  });

  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    schedule: {
      version: `revision ${schedule.revision}`,
      base_url: options.baseUrl,
      conference: {
        acronym: acronymOf(options.acronym),
        title: options.title ?? UNNAMED_CONFERENCE.title,
        start: first,
        end: last,
        daysCount: days.length,
        timeslot_duration: '00:05',
        time_zone_name: zone,
        rooms: schedule.venues
          .filter((v) => usedVenues.has(v.id))
          .map((v) => ({ name: v.name, guid: uuidV5(`venue:${v.id}`) })),
        days,
      },
    },
  };
}
