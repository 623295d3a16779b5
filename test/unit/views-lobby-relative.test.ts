import { describe, expect, it } from 'vitest';
import type { Session, Venue } from '../../shared/model.ts';
import { MINUTE } from '../../shared/time.ts';
import { normaliseIso, parseInstant } from '../../shared/time-parse.ts';
import {
  lobbyStatus,
  lobbyView,
  minutesLeft,
  relativeStart,
  remainingFraction,
  sessionChange,
} from '../../shared/views/index.ts';

const ZONE = 'Europe/Vienna';
const t = (local: string) => parseInstant(local, ZONE);
const venues: Venue[] = [
  { id: 'R10', name: 'Room 10', kind: 'room' },
  { id: 'R2', name: 'Room 2', kind: 'room' },
  { id: 'PH', name: 'Plenary Hall', kind: 'room' },
];

interface Extra {
  title?: string;
  kind?: Session['kind'];
  status?: Session['status'];
  planned?: { start?: string; end?: string; venueId?: string };
}

function session(id: string, venueId: string, start: string, end: string, extra: Extra = {}): Session {
  return {
    id,
    kind: extra.kind ?? 'side-event',
    title: extra.title ?? `Title ${id}`,
    start: normaliseIso(start, ZONE),
    end: normaliseIso(end, ZONE),
    venueId,
    organizers: { lead: 'UNODC', partners: [] },
    status: extra.status ?? 'scheduled',
    planned: {
      start: normaliseIso(extra.planned?.start ?? start, ZONE),
      end: normaliseIso(extra.planned?.end ?? end, ZONE),
      venueId: extra.planned?.venueId ?? venueId,
    },
    version: 1,
  };
}

describe('lobbyView', () => {
  const sessions = [
    session('over', 'R2', '2024-10-14T09:00', '2024-10-14T10:00'),
    session('r10-13', 'R10', '2024-10-14T13:00', '2024-10-14T14:00'),
    session('r2-13', 'R2', '2024-10-14T13:00', '2024-10-14T14:00'),
    session('r2-13b', 'R2', '2024-10-14T13:00', '2024-10-14T14:00', { title: 'A first by title' }),
    session('plenary', 'PH', '2024-10-14T15:00', '2024-10-14T18:00', { kind: 'plenary' }),
    session('running', 'R10', '2024-10-14T11:00', '2024-10-14T12:30'),
    session('off', 'R2', '2024-10-14T11:30', '2024-10-14T12:15', { status: 'cancelled' }),
    session('ghost', 'GONE', '2024-10-14T16:00', '2024-10-14T17:00'),
    session('tomorrow', 'R2', '2024-10-15T09:00', '2024-10-15T10:00'),
  ];

  it('lists running first, then by start, venue name (numeric), title; a later plenary by its start', () => {
    const v = lobbyView({ timezone: ZONE, venues, sessions }, t('2024-10-14T12:00'));
    expect(v.day).toBe('2024-10-14');
    expect(v.rows.map((row) => `${row.session.id}:${row.state}`)).toEqual([
      'running:running',
      'off:cancelled',
      'r2-13b:upcoming',
      'r2-13:upcoming',
      'r10-13:upcoming',
      'plenary:upcoming',
      'ghost:upcoming',
    ]);
    expect(v.rows.find((row) => row.session.id === 'ghost')!.venue).toBeUndefined();
    expect(v.tomorrow).toEqual([]);
  });

  it('pins the plenary above the other running sessions only while it runs', () => {
    const v = lobbyView({ timezone: ZONE, venues, sessions }, t('2024-10-14T16:30'));
    expect(v.rows.map((row) => `${row.session.id}:${row.state}`)).toEqual(['plenary:running', 'ghost:running']);
    expect(v.rows[0]!.venue?.name).toBe('Plenary Hall');
  });

  it('after the last session of the day, lists the next day that has sessions', () => {
    const v = lobbyView({ timezone: ZONE, venues, sessions }, t('2024-10-14T18:30'));
    expect(v.rows).toEqual([]);
    expect(v.tomorrowDay).toBe('2024-10-15');
    expect(v.tomorrow.map((row) => row.session.id)).toEqual(['tomorrow']);
  });

  it('drops a session at its end, cancelled ones included', () => {
    const v = lobbyView({ timezone: ZONE, venues, sessions }, t('2024-10-14T12:30'));
    const shown = v.rows.map((row) => row.session.id);
    expect(shown).not.toContain('running');
    expect(shown).not.toContain('off');
    expect(shown).not.toContain('tomorrow');
  });

  it('keeps a session running across midnight and uses the Vienna day', () => {
    const night = [
      session('late', 'R2', '2024-10-14T23:00', '2024-10-15T01:00'),
      session('morning', 'R2', '2024-10-15T09:00', '2024-10-15T10:00'),
      session('next-day', 'R2', '2024-10-16T09:00', '2024-10-16T10:00'),
    ];
    // 00:30 in Vienna is still the 14th in New York, where the tests run.
    const v = lobbyView({ timezone: ZONE, venues, sessions: night }, t('2024-10-15T00:30'));
    expect(v.day).toBe('2024-10-15');
    expect(v.rows.map((row) => `${row.session.id}:${row.state}`)).toEqual(['late:running', 'morning:upcoming']);
  });
});

describe('lobbyStatus: one column with the news', () => {
  const at = (extra: Extra, instant: string) => {
    const all = [session('x', 'R2', '2024-10-14T13:00', '2024-10-14T14:00', extra)];
    const row = lobbyView({ timezone: ZONE, venues, sessions: all }, t(instant)).rows[0]!;
    return lobbyStatus(row, t(instant), venues, ZONE);
  };
  it('says Now, Starting soon, In N min, On time', () => {
    expect(at({}, '2024-10-14T13:10')).toEqual({ text: ['Now'], tone: 'now' });
    expect(at({}, '2024-10-14T12:59')).toEqual({ text: ['Starting soon'], tone: 'soon' });
    expect(at({}, '2024-10-14T12:52')).toEqual({ text: ['In 8 min'], tone: 'soon' });
    expect(at({}, '2024-10-14T12:00')).toEqual({ text: ['On time'], tone: 'later' });
  });
  it('puts moves, delays and cancellations in the status, before the countdown', () => {
    const moved = { planned: { venueId: 'R10', start: '2024-10-14T13:00', end: '2024-10-14T14:00' } };
    // The room and the time are data inside the sentence, marked for the screens to isolate.
    expect(at(moved, '2024-10-14T12:52')).toEqual({ text: ['Moved from ', { data: 'Room 10' }], tone: 'moved' });
    const late = { planned: { venueId: 'R2', start: '2024-10-14T12:45', end: '2024-10-14T13:45' } };
    expect(at(late, '2024-10-14T12:00')).toEqual({ text: ['Delayed — ', { data: '13:00' }], tone: 'delayed' });
    expect(at({ status: 'cancelled' }, '2024-10-14T12:00')).toEqual({ text: ['Cancelled'], tone: 'cancelled' });
  });
});

describe('sessionChange', () => {
  it('an untouched session has no change', () => {
    expect(sessionChange(session('s', 'R2', '2024-10-14T13:00', '2024-10-14T14:00'))).toEqual({
      cancelled: false,
      retimed: false,
    });
  });

  it('the same instant spelled with another offset is not a change', () => {
    const s = session('s', 'R2', '2024-10-14T13:00', '2024-10-14T14:00');
    const respelled = { ...s, start: '2024-10-14T11:00:00Z', end: '2024-10-14T12:00:00.000Z' };
    expect(sessionChange(respelled)).toEqual({ cancelled: false, retimed: false });
  });

  it('reports moves, earlier starts, end-only changes and cancellation', () => {
    const moved = session('m', 'R2', '2024-10-14T13:00', '2024-10-14T14:00', { planned: { venueId: 'R10' } });
    expect(sessionChange(moved)).toEqual({ cancelled: false, retimed: false, movedFrom: 'R10' });
    const earlier = session('e', 'R2', '2024-10-14T12:50', '2024-10-14T14:00', {
      planned: { start: '2024-10-14T13:00' },
    });
    expect(sessionChange(earlier)).toEqual({ cancelled: false, retimed: true, startShiftMinutes: -10 });
    const extended = session('x', 'R2', '2024-10-14T13:00', '2024-10-14T14:30', {
      planned: { end: '2024-10-14T14:00' },
    });
    expect(sessionChange(extended)).toEqual({ cancelled: false, retimed: true });
    const off = session('o', 'R2', '2024-10-14T13:00', '2024-10-14T14:00', { status: 'cancelled' });
    expect(sessionChange(off).cancelled).toBe(true);
  });

  it('a start shifted by seconds reads as a whole minute, never zero', () => {
    const s = session('s', 'R2', '2024-10-14T13:00:30', '2024-10-14T14:00', {
      planned: { start: '2024-10-14T13:00' },
    });
    expect(sessionChange(s).startShiftMinutes).toBe(1);
  });

  it('names the field of an unreadable time', () => {
    const s = { ...session('bad', 'R2', '2024-10-14T13:00', '2024-10-14T14:00'), start: 'soon' };
    expect(() => sessionChange(s)).toThrow(/session bad start/);
  });
});

describe('relativeStart', () => {
  const start = t('2024-10-14T14:15');

  it('"Now" from the start on', () => {
    expect(relativeStart(start, start, ZONE)).toBe('Now');
    expect(relativeStart(start, start + 5 * MINUTE, ZONE)).toBe('Now');
  });

  it('"In N min" within a quarter of an hour, rounded up', () => {
    expect(relativeStart(start, start - 1, ZONE)).toBe('In 1 min');
    expect(relativeStart(start, start - 8 * MINUTE, ZONE)).toBe('In 8 min');
    expect(relativeStart(start, start - 8 * MINUTE - 1, ZONE)).toBe('In 9 min');
    expect(relativeStart(start, start - 15 * MINUTE, ZONE)).toBe('In 15 min');
  });

  it('the 24-hour Vienna clock time beyond that', () => {
    expect(relativeStart(start, start - 15 * MINUTE - 1, ZONE)).toBe('14:15');
    expect(relativeStart(t('2024-10-14T09:05'), t('2024-10-14T07:00'), ZONE)).toBe('09:05');
  });

  it('the clock time of the repeated hour on the 25-hour day', () => {
    const second0230 = Date.parse('2025-10-26T02:30:00+01:00');
    expect(relativeStart(second0230, second0230 - 60 * MINUTE, ZONE)).toBe('02:30');
  });
});

describe('remainingFraction and minutesLeft', () => {
  const start = t('2024-10-14T13:00');
  const end = t('2024-10-14T14:00');

  it('runs from 1 at the start to 0 at the end, clamped outside', () => {
    expect(remainingFraction(start, end, start - MINUTE)).toBe(1);
    expect(remainingFraction(start, end, start)).toBe(1);
    expect(remainingFraction(start, end, start + 15 * MINUTE)).toBe(0.75);
    expect(remainingFraction(start, end, end)).toBe(0);
    expect(remainingFraction(start, end, end + MINUTE)).toBe(0);
  });

  it('a zero-length session never divides by zero', () => {
    expect(remainingFraction(start, start, start - 1)).toBe(1);
    expect(remainingFraction(start, start, start)).toBe(0);
  });

  it('minutesLeft rounds up and stops at 0', () => {
    expect(minutesLeft(end, end - 20 * MINUTE)).toBe(20);
    expect(minutesLeft(end, end - 20 * MINUTE + 1)).toBe(20);
    expect(minutesLeft(end, end - 1)).toBe(1);
    expect(minutesLeft(end, end)).toBe(0);
    expect(minutesLeft(end, end + MINUTE)).toBe(0);
  });
});
