/** The panel's pure schedule questions: days, free rooms, search, lanes, venue-time fields. */
import { describe, expect, it } from 'vitest';
import type { Schedule, Session } from '../../shared/model.ts';
import {
  assignLanes,
  clashText,
  dayRange,
  defaultDay,
  fromDayAndTime,
  matchesSearch,
  programmeDays,
  sessionsOfDay,
  toDayAndTime,
  venueChoices,
} from '../../control/data/schedule-queries.ts';

const ZONE = 'Europe/Vienna';

function session(id: string, venueId: string, start: string, end: string, extra: Partial<Session> = {}): Session {
  return {
    id,
    kind: 'side-event',
    title: `Session ${id}`,
    start,
    end,
    venueId,
    organizers: { lead: 'UNODC', partners: [] },
    status: 'scheduled',
    planned: { start, end, venueId },
    version: 1,
    ...extra,
  };
}

const schedule: Schedule = {
  revision: 3,
  timezone: ZONE,
  venues: [
    { id: 'CR3', name: 'CR3', kind: 'room' },
    { id: 'M3', name: 'M3', kind: 'room' },
    { id: 'M7', name: 'M7', kind: 'room' },
    { id: 'Online', name: 'Online', kind: 'online' },
  ],
  sessions: [
    session('a', 'CR3', '2024-10-14T13:00:00+02:00', '2024-10-14T13:50:00+02:00', { title: 'Guardians of the Earth' }),
    session('b', 'M3', '2024-10-14T13:00:00+02:00', '2024-10-14T13:50:00+02:00', { title: 'Migrant smuggling' }),
    session('c', 'M7', '2024-10-14T13:00:00+02:00', '2024-10-14T13:50:00+02:00', { status: 'cancelled' }),
    session('d', 'Online', '2024-10-14T13:00:00+02:00', '2024-10-14T13:50:00+02:00'),
    session('e', 'CR3', '2024-10-14T14:00:00+02:00', '2024-10-14T14:50:00+02:00', {
      organizers: { lead: 'Côte d’Ivoire', partners: ['Small Arms Survey'] },
    }),
    // 23:30 in Vienna is already the next day in UTC, and still the previous day in New York.
    session('late', 'M3', '2024-10-15T23:30:00+02:00', '2024-10-16T00:20:00+02:00'),
  ],
  announcements: [],
  emergency: null,
};

describe('programme days', () => {
  it('lists the venue-local days with sessions, in order, whatever the machine zone', () => {
    expect(programmeDays(schedule)).toEqual(['2024-10-14', '2024-10-15']);
    expect(sessionsOfDay(schedule, '2024-10-15').map((s) => s.id)).toEqual(['late']);
    expect(sessionsOfDay(schedule, '2024-10-14').map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('opens on today when the programme has it, else on the next programme day, else the last', () => {
    const days = ['2024-10-14', '2024-10-16'];
    expect(defaultDay(days, Date.parse('2024-10-14T12:55:00+02:00'), ZONE)).toBe('2024-10-14');
    expect(defaultDay(days, Date.parse('2024-10-15T09:00:00+02:00'), ZONE)).toBe('2024-10-16');
    expect(defaultDay(days, Date.parse('2024-10-20T09:00:00+02:00'), ZONE)).toBe('2024-10-16');
  });

  it('spans the whole hours around the day’s sessions, in venue time', () => {
    const monday = dayRange(sessionsOfDay(schedule, '2024-10-14'), '2024-10-14', ZONE);
    expect(monday).toEqual({
      start: Date.parse('2024-10-14T13:00:00+02:00'),
      end: Date.parse('2024-10-14T15:00:00+02:00'),
    });
    const tuesday = dayRange(sessionsOfDay(schedule, '2024-10-15'), '2024-10-15', ZONE);
    expect(tuesday).toEqual({
      start: Date.parse('2024-10-15T23:00:00+02:00'),
      end: Date.parse('2024-10-16T01:00:00+02:00'),
    });
    const empty = dayRange([], '2024-10-27', ZONE);
    expect(empty).toEqual({
      start: Date.parse('2024-10-27T09:00:00+01:00'),
      end: Date.parse('2024-10-27T18:00:00+01:00'),
    });
  });
});

describe('venue choices for a move', () => {
  it('lists free rooms first and marks busy ones with the session that holds them', () => {
    const moving = schedule.sessions[0]!;
    const choices = venueChoices(schedule, moving, Date.parse(moving.start), Date.parse(moving.end));
    // CR3 is its own room; M7's session is cancelled and online venues never clash.
    expect(choices.map((c) => [c.venue.id, c.clash?.id])).toEqual([
      ['CR3', undefined],
      ['M7', undefined],
      ['Online', undefined],
      ['M3', 'b'],
    ]);
  });

  it('treats back-to-back slots as free (half-open intervals)', () => {
    const moving = schedule.sessions[0]!;
    const choices = venueChoices(
      schedule,
      moving,
      Date.parse('2024-10-14T13:50:00+02:00'),
      Date.parse('2024-10-14T14:00:00+02:00'),
    );
    expect(choices.every((c) => !c.clash)).toBe(true);
  });

  it('explains a clash in staff words and venue time', () => {
    expect(clashText('M3', schedule.sessions[1]!, ZONE)).toBe('M3 is taken by “Migrant smuggling” 13:00–13:50');
  });
});

describe('search', () => {
  it('matches every word in the title or any organiser, ignoring case and accents', () => {
    const [a, , , , e] = schedule.sessions;
    expect(matchesSearch(a!, 'guardians EARTH')).toBe(true);
    expect(matchesSearch(a!, 'guardians moon')).toBe(false);
    expect(matchesSearch(e!, 'cote divoire')).toBe(false);
    expect(matchesSearch(e!, 'côte')).toBe(true);
    expect(matchesSearch(e!, 'COTE')).toBe(true);
    expect(matchesSearch(e!, 'small arms')).toBe(true);
    expect(matchesSearch(e!, '   ')).toBe(true);
  });
});

describe('lanes', () => {
  it('stacks overlapping items and reuses a lane once it is free', () => {
    const items = [
      { start: 0, end: 10 },
      { start: 5, end: 15 },
      { start: 10, end: 20 },
      { start: 12, end: 13 },
    ];
    expect(assignLanes(items)).toEqual({ lanes: [0, 1, 0, 2], count: 3 });
    expect(assignLanes([])).toEqual({ lanes: [], count: 1 });
  });
});

describe('venue-time fields', () => {
  it('shows and reads 24-hour venue time, not the machine zone (tests run in New York)', () => {
    expect(toDayAndTime('2024-10-14T11:00:00Z', ZONE)).toEqual({ day: '2024-10-14', time: '13:00' });
    expect(fromDayAndTime('2024-10-14', '13:00', ZONE)).toBe(Date.parse('2024-10-14T13:00:00+02:00'));
    expect(fromDayAndTime('2024-10-14', ' 9.05 ', ZONE)).toBe(Date.parse('2024-10-14T09:05:00+02:00'));
  });

  it('follows the daylight-saving change on the venue’s calendar', () => {
    // Vienna leaves summer time on 27 October 2024 at 03:00.
    expect(fromDayAndTime('2024-10-27', '12:00', ZONE)).toBe(Date.parse('2024-10-27T12:00:00+01:00'));
    expect(fromDayAndTime('2024-10-26', '12:00', ZONE)).toBe(Date.parse('2024-10-26T12:00:00+02:00'));
  });

  it('refuses what is not a 24-hour time', () => {
    for (const bad of ['1 pm', '24:00', '13:60', '', '13']) expect(fromDayAndTime('2024-10-14', bad, ZONE)).toBeNull();
    expect(fromDayAndTime('14/10/2024', '13:00', ZONE)).toBeNull();
  });
});
