import { describe, expect, it } from 'vitest';
import type { Session, Venue } from '../../shared/model.ts';
import { MINUTE } from '../../shared/time.ts';
import { normaliseIso, parseInstant } from '../../shared/time-parse.ts';
import { STARTING_SOON_MINUTES, roomView } from '../../shared/views/index.ts';
import type { RoomView } from '../../shared/views/index.ts';

// The venue is in Vienna; vitest pins the process to New York so zone mix-ups fail here.
const ZONE = 'Europe/Vienna';
const venues: Venue[] = [
  { id: 'CR3', name: 'Conference Room 3', kind: 'room' },
  { id: 'M7', name: 'Room M7', kind: 'room' },
];

/** Venue time (or an ISO string with offset) to epoch ms. */
const t = (local: string) => parseInstant(local, ZONE);

interface Extra {
  title?: string;
  status?: Session['status'];
  planned?: { start?: string; end?: string; venueId?: string };
}

function session(id: string, venueId: string, start: string, end: string, extra: Extra = {}): Session {
  const iso = (s: string) => normaliseIso(s, ZONE);
  return {
    id,
    kind: 'side-event',
    title: extra.title ?? `Title ${id}`,
    start: iso(start),
    end: iso(end),
    venueId,
    organizers: { lead: 'UNODC', partners: [] },
    status: extra.status ?? 'scheduled',
    planned: {
      start: iso(extra.planned?.start ?? start),
      end: iso(extra.planned?.end ?? end),
      venueId: extra.planned?.venueId ?? venueId,
    },
    version: 1,
  };
}

function view(sessions: Session[], at: string, venueId = 'CR3'): RoomView {
  return roomView({ timezone: ZONE, venues, sessions }, venueId, t(at));
}

const ids = (rows: { session: Session }[]) => rows.map((row) => row.session.id);

const day = [
  session('a', 'CR3', '2024-10-14T10:00', '2024-10-14T11:00'),
  session('b', 'CR3', '2024-10-14T13:00', '2024-10-14T14:00'),
  session('c', 'CR3', '2024-10-14T15:00', '2024-10-14T16:00'),
  session('elsewhere', 'M7', '2024-10-14T12:00', '2024-10-14T18:00'),
  session('tomorrow', 'CR3', '2024-10-15T09:00', '2024-10-15T10:00'),
];

describe('roomView: the [start, end) rule', () => {
  it('runs in a zone other than the venue, so zone mix-ups would show', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/New_York');
  });

  it('before a session: free, with next, later and the minutes to next', () => {
    const v = view(day, '2024-10-14T11:30');
    expect(v.venue?.name).toBe('Conference Room 3');
    expect(v.now).toEqual([]);
    expect(v.next?.session.id).toBe('b');
    expect(ids(v.later)).toEqual(['c']);
    expect(v.status).toBe('free');
    expect(v.minutesToNext).toBe(90);
    expect(v.endOfDay).toBe(false);
  });

  it('during a session: in session, with its parsed times', () => {
    const v = view(day, '2024-10-14T13:30');
    expect(ids(v.now)).toEqual(['b']);
    expect(v.now[0]!.start).toBe(t('2024-10-14T13:00'));
    expect(v.now[0]!.end).toBe(t('2024-10-14T14:00'));
    expect(v.next?.session.id).toBe('c');
    expect(v.later).toEqual([]);
    expect(v.status).toBe('in-session');
  });

  it('is running from exactly its start, and is next one millisecond before', () => {
    const start = t('2024-10-14T13:00');
    const schedule = { timezone: ZONE, venues, sessions: day };
    expect(ids(roomView(schedule, 'CR3', start).now)).toEqual(['b']);
    const before = roomView(schedule, 'CR3', start - 1);
    expect(before.now).toEqual([]);
    expect(before.next?.session.id).toBe('b');
    expect(before.minutesToNext).toBe(1);
  });

  it('leaves the display at exactly its end, and is still running one millisecond before', () => {
    const end = t('2024-10-14T14:00');
    const schedule = { timezone: ZONE, venues, sessions: day };
    expect(ids(roomView(schedule, 'CR3', end - 1).now)).toEqual(['b']);
    const atEnd = roomView(schedule, 'CR3', end);
    expect(atEnd.now).toEqual([]);
    expect(atEnd.next?.session.id).toBe('c');
    expect([...ids(atEnd.later), ...ids(atEnd.cancelled)]).not.toContain('b');
  });

  it('back to back: at the shared instant the second is now and the first is gone', () => {
    const sessions = [
      session('first', 'CR3', '2024-10-14T13:00', '2024-10-14T14:00'),
      session('second', 'CR3', '2024-10-14T14:00', '2024-10-14T15:00'),
      session('third', 'CR3', '2024-10-14T15:00', '2024-10-14T16:00'),
    ];
    const v = view(sessions, '2024-10-14T14:00');
    expect(ids(v.now)).toEqual(['second']);
    expect(v.next?.session.id).toBe('third');
    expect(v.later).toEqual([]);
  });

  it('overlapping sessions are all in now, by start then title', () => {
    const sessions = [
      session('zeta', 'CR3', '2024-10-14T13:00', '2024-10-14T15:00', { title: 'Zeta' }),
      session('alpha', 'CR3', '2024-10-14T13:00', '2024-10-14T14:00', { title: 'Alpha' }),
      session('late', 'CR3', '2024-10-14T13:30', '2024-10-14T14:30', { title: 'Aardvark' }),
    ];
    const v = view(sessions, '2024-10-14T13:45');
    expect(ids(v.now)).toEqual(['alpha', 'zeta', 'late']);
    expect(v.status).toBe('in-session');
    expect(v.next).toBeNull();
    expect(v.endOfDay).toBe(false);
  });

  it('a zero-length session is next until its start and never running', () => {
    const sessions = [session('blip', 'CR3', '2024-10-14T13:00', '2024-10-14T13:00')];
    expect(view(sessions, '2024-10-14T12:59').next?.session.id).toBe('blip');
    const atStart = view(sessions, '2024-10-14T13:00');
    expect(atStart.now).toEqual([]);
    expect(atStart.next).toBeNull();
    expect(atStart.endOfDay).toBe(true);
  });
});

describe('roomView: cancelled and moved sessions', () => {
  const sessions = [
    session('early-off', 'CR3', '2024-10-14T13:00', '2024-10-14T14:00', { status: 'cancelled' }),
    session('on', 'CR3', '2024-10-14T14:30', '2024-10-14T15:30'),
    session('late-off', 'CR3', '2024-10-14T16:00', '2024-10-14T17:00', { status: 'cancelled' }),
    session('last', 'CR3', '2024-10-14T17:00', '2024-10-14T18:00'),
  ];

  it('skips a cancelled session for next and keeps it in cancelled', () => {
    const v = view(sessions, '2024-10-14T12:50');
    expect(v.next?.session.id).toBe('on');
    expect(v.status).toBe('free'); // the cancelled 13:00 does not make the room "starting soon"
    expect(ids(v.later)).toEqual(['late-off', 'last']);
    expect(v.later[0]!.change.cancelled).toBe(true);
    expect(ids(v.cancelled)).toEqual(['early-off', 'late-off']);
  });

  it('a cancelled session is never running but stays in cancelled until its end', () => {
    const v = view(sessions, '2024-10-14T13:59');
    expect(v.now).toEqual([]);
    expect(ids(v.cancelled)).toEqual(['early-off', 'late-off']);
    expect(ids(view(sessions, '2024-10-14T14:00').cancelled)).toEqual(['late-off']);
  });

  it('with only cancelled sessions left, it is the end of the day', () => {
    const v = view(sessions.slice(0, 3), '2024-10-14T15:45');
    expect(v.next).toBeNull();
    expect(v.later).toEqual([]);
    expect(ids(v.cancelled)).toEqual(['late-off']);
    expect(v.endOfDay).toBe(true);
    expect(v.minutesToNext).toBeNull();
  });

  const moved = session('moved', 'M7', '2024-10-14T16:00', '2024-10-14T17:00', {
    planned: { venueId: 'CR3', start: '2024-10-14T14:00', end: '2024-10-14T15:00' },
  });

  it('shows a moved session at its old door only during its planned slot', () => {
    const before = view([moved], '2024-10-14T13:00');
    expect(ids(before.movedAway)).toEqual(['moved']);
    expect(before.movedAway[0]).toMatchObject({
      movedTo: 'M7',
      plannedStart: t('2024-10-14T14:00'),
      plannedEnd: t('2024-10-14T15:00'),
    });
    expect(before.next).toBeNull();
    // Delegates with the printed programme will still come here for it: not the end of the day.
    expect(before.endOfDay).toBe(false);
    expect(before.status).toBe('free');
    expect(view([moved], '2024-10-14T13:45').status).toBe('moved');
    expect(view([moved], '2024-10-14T14:30').status).toBe('moved');
    expect(ids(view([moved], '2024-10-14T14:59').movedAway)).toEqual(['moved']);
    // At the end of the planned slot the old door forgets it, though it has not taken place yet.
    expect(view([moved], '2024-10-14T15:00').movedAway).toEqual([]);
  });

  it('the new door can say where it came from and how late it is', () => {
    const v = view([moved], '2024-10-14T15:00', 'M7');
    expect(v.next?.session.id).toBe('moved');
    expect(v.next?.change).toEqual({ cancelled: false, movedFrom: 'CR3', startShiftMinutes: 120, retimed: true });
    expect(v.movedAway).toEqual([]);
  });

  it('a delayed session keeps its room and reports the shift', () => {
    const delayed = session('d', 'CR3', '2024-10-14T14:15', '2024-10-14T15:15', {
      planned: { start: '2024-10-14T14:00', end: '2024-10-14T15:00' },
    });
    const v = view([delayed], '2024-10-14T14:05');
    expect(v.now).toEqual([]);
    expect(v.next?.change).toEqual({ cancelled: false, startShiftMinutes: 15, retimed: true });
    expect(v.status).toBe('starting-soon');
    expect(v.minutesToNext).toBe(10);
  });
});

describe('roomView: status, minutes and end of day', () => {
  const next = [session('n', 'CR3', '2024-10-14T14:00', '2024-10-14T15:00')];
  const startMs = t('2024-10-14T14:00');
  const schedule = { timezone: ZONE, venues, sessions: next };

  it(`turns "starting soon" at exactly ${STARTING_SOON_MINUTES} minutes before`, () => {
    const at = (offset: number) => roomView(schedule, 'CR3', startMs - offset);
    expect(at(15 * MINUTE + 1)).toMatchObject({ status: 'free', minutesToNext: 16 });
    expect(at(15 * MINUTE)).toMatchObject({ status: 'starting-soon', minutesToNext: 15 });
    expect(at(15 * MINUTE - 1)).toMatchObject({ status: 'starting-soon', minutesToNext: 15 });
    expect(at(MINUTE - 1)).toMatchObject({ status: 'starting-soon', minutesToNext: 1 });
    expect(at(0)).toMatchObject({ status: 'in-session', minutesToNext: null });
  });

  it('after the last session: end of day, tomorrow is not next', () => {
    const v = view(day, '2024-10-14T16:00');
    expect(v).toMatchObject({ status: 'free', next: null, endOfDay: true, minutesToNext: null });
    expect(v.now).toEqual([]);
    expect(v.later).toEqual([]);
  });

  it('an unknown venue gives an empty end-of-day view', () => {
    const v = view(day, '2024-10-14T13:30', 'nowhere');
    expect(v.venue).toBeUndefined();
    expect(v).toMatchObject({ now: [], next: null, endOfDay: true, status: 'free' });
  });

  it('"today" is the Vienna day, not the day of the machine (New York)', () => {
    // 01:00 in Vienna on the 15th is still the 14th in New York.
    const v = view(day, '2024-10-15T01:00');
    expect(v.next?.session.id).toBe('tomorrow');
    expect(v.minutesToNext).toBe(8 * 60);
  });
});

describe('roomView on daylight-saving days in Vienna', () => {
  it('23-hour day (2025-03-30): minutes count real time across the gap', () => {
    const sessions = [
      session('night', 'CR3', '2025-03-30T01:30:00+01:00', '2025-03-30T03:30:00+02:00'),
      session('three', 'CR3', '2025-03-30T03:00:00+02:00', '2025-03-30T04:00:00+02:00'),
      session('late', 'CR3', '2025-03-30T23:55:00+02:00', '2025-03-31T00:30:00+02:00'),
      session('next-day', 'CR3', '2025-03-31T00:00:00+02:00', '2025-03-31T01:00:00+02:00'),
    ];
    // 01:50 CET is ten real minutes before 03:00 CEST, although the wall clock jumps 70 minutes.
    const early = view(sessions, '2025-03-30T01:50:00+01:00');
    expect(ids(early.now)).toEqual(['night']);
    expect(early.next?.session.id).toBe('three');
    expect(early.minutesToNext).toBe(10);
    expect(ids(early.later)).toEqual(['late']);
    // The day ends at midnight CEST, 23 hours after it began.
    const lateEvening = view(sessions, '2025-03-30T23:50:00+02:00');
    expect(lateEvening.next?.session.id).toBe('late');
    expect(lateEvening.later).toEqual([]);
    expect(view(sessions, '2025-03-30T23:56:00+02:00')).toMatchObject({ next: null, status: 'in-session' });
  });

  it('25-hour day (2025-10-26): both 02:30s are distinct sessions of the same day', () => {
    const sessions = [
      session('first-0230', 'CR3', '2025-10-26T02:30:00+02:00', '2025-10-26T03:00:00+02:00'),
      session('second-0230', 'CR3', '2025-10-26T02:30:00+01:00', '2025-10-26T03:00:00+01:00'),
      session('evening', 'CR3', '2025-10-26T23:30:00+01:00', '2025-10-26T23:59:00+01:00'),
    ];
    const v = view(sessions, '2025-10-26T02:45:00+02:00');
    expect(ids(v.now)).toEqual(['first-0230']);
    expect(v.next?.session.id).toBe('second-0230');
    expect(v.minutesToNext).toBe(45);
    expect(ids(v.later)).toEqual(['evening']);
    // 24 hours after 00:10 it is still the 26th (23:10 CET): the evening session is still today.
    const sameDay = roomView(
      { timezone: ZONE, venues, sessions },
      'CR3',
      t('2025-10-26T00:10:00+02:00') + 24 * 60 * MINUTE,
    );
    expect(sameDay.next?.session.id).toBe('evening');
    expect(sameDay.minutesToNext).toBe(20);
  });
});
