/**
 * GET /api/export/schedule.json: the live schedule as a c3voc schedule.json (the format frab and
 * pretalx export and tools like the c3voc Fahrplan apps read), valid against the c3voc JSON
 * schema. Cancelled sessions are left out, as pretalx does. Field conventions: see
 * server/interchange/readers/c3voc-format.ts.
 */
import { DateTime } from 'luxon';
import type { Schedule, Session, Venue } from '../../../shared/model.ts';
import { formatClock, parseInstant, venueDay } from '../../../shared/time.ts';
import {
  JOIN_LINK_TITLE,
  KIND_TRACKS,
  KIND_TYPES,
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
}

const SLUG = /^[a-z0-9_-]+[a-z0-9]$/;

/** The session id when it can be a slug (so our importer gets the id back), else a safe form. */
function slugOf(id: string): string {
  if (SLUG.test(id)) return id;
  const safe = id.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/[-_]+$/, '');
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
    answers: [],
  };
}

type C3vocEvent = ReturnType<typeof event>;

/** Every calendar day from the first to the last, as the format lists them (empty ones too). */
function dayRange(first: string, last: string, zone: string): DateTime[] {
  const days: DateTime[] = [];
  for (let d = DateTime.fromISO(first, { zone }); d.toISODate()! <= last; d = d.plus({ days: 1 })) days.push(d);
  return days;
}

export function c3vocSchedule(schedule: Schedule, options: C3vocOptions) {
  const zone = schedule.timezone;
  const venues = new Map(schedule.venues.map((v) => [v.id, v]));
  const sessions = schedule.sessions.filter((s) => s.status !== 'cancelled').sort(byStartThenVenue(schedule));
  const ids = integerIds(sessions);
  const dayOf = (s: Session): string => venueDay(parseInstant(s.start, zone), zone);
  const today = venueDay(options.now, zone);
  const first = sessions[0] ? dayOf(sessions[0]) : today;
  const last = sessions.reduce((max, s) => (dayOf(s) > max ? dayOf(s) : max), first);

  const days = dayRange(first, last, zone).map((day, index) => {
    const date = day.toISODate()!;
    const rooms: Record<string, C3vocEvent[]> = {};
    for (const session of sessions.filter((s) => dayOf(s) === date)) {
      const venue = venues.get(session.venueId) ?? { id: session.venueId, name: session.venueId, kind: 'room' as const };
      (rooms[venue.name] ??= []).push(event(session, venue, zone, ids.get(session.id)!, options.baseUrl));
    }
    return {
      index: index + 1,
      date,
      day_start: day.startOf('day').toISO({ suppressMilliseconds: true })!,
      day_end: day.endOf('day').set({ millisecond: 0 }).toISO({ suppressMilliseconds: true })!,
      rooms,
    };
  });

  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    schedule: {
      version: `revision ${schedule.revision}`,
      base_url: options.baseUrl,
      conference: {
        acronym: options.acronym ?? 'venue_signage',
        title: options.title ?? 'Programme',
        start: first,
        end: last,
        daysCount: days.length,
        timeslot_duration: '00:05',
        time_zone_name: zone,
        rooms: schedule.venues
          .filter((v) => sessions.some((s) => s.venueId === v.id))
          .map((v) => ({ name: v.name, guid: uuidV5(`venue:${v.id}`) })),
        days,
      },
    },
  };
}
