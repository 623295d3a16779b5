/**
 * roomView and lobbyView against a deliberately simple reference: brute force over all sessions,
 * luxon for every time and for "is it the same venue day" (compared as local date strings), no
 * shared code with the implementation beyond the types.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Schedule, Session, Venue } from '../../shared/model.ts';
import { lobbyView, roomView } from '../../shared/views/index.ts';
import { doorSections, statusDetail } from '../../display/logic/door-sections.ts';
import { phraseText } from '../../shared/i18n/phrase.ts';

const ZONE = 'Europe/Vienna';
const MIN = 60_000;
type Sched = Pick<Schedule, 'timezone' | 'venues' | 'sessions'>;

const venues: Venue[] = [
  { id: 'R2', name: 'Room 2', kind: 'room' },
  { id: 'R10', name: 'Room 10', kind: 'room' },
  { id: 'PH', name: 'Plenary Hall', kind: 'room' },
  { id: 'ON', name: 'Online', kind: 'online' },
];
// GHOST is used by sessions but missing from venues: the lobby must sort it by its id.
const venueIds = [...venues.map((v) => v.id), 'GHOST'];

// ---------------------------------------------------------------- the reference implementation
const ms = (iso: string) => DateTime.fromISO(iso).toMillis();
const localDate = (instant: number) => DateTime.fromMillis(instant, { zone: ZONE }).toISODate()!;
const text = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
const idOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const startTitle = (a: Session, b: Session) =>
  ms(a.start) - ms(b.start) || text(a.title, b.title) || idOrder(a.id, b.id);

function referenceRoom(schedule: Sched, venueId: string, instant: number) {
  const today = localDate(instant);
  const here = schedule.sessions.filter((s) => s.venueId === venueId);
  const cancelled = (s: Session) => s.status === 'cancelled';
  const now = here.filter((s) => !cancelled(s) && ms(s.start) <= instant && instant < ms(s.end)).sort(startTitle);
  const upcoming = here.filter((s) => ms(s.start) > instant && localDate(ms(s.start)) === today).sort(startTitle);
  const next = upcoming.find((s) => !cancelled(s)) ?? null;
  const later = next ? upcoming.filter((s) => startTitle(s, next) > 0) : [];
  const gone = here
    .filter((s) => cancelled(s) && ms(s.end) > instant && localDate(ms(s.start)) <= today)
    .sort(startTitle);
  const movedAway = schedule.sessions
    .filter((s) => s.planned.venueId === venueId && s.venueId !== venueId)
    .filter((s) => ms(s.planned.end) > instant && localDate(ms(s.planned.start)) <= today)
    .sort((a, b) => ms(a.planned.start) - ms(b.planned.start) || text(a.title, b.title) || idOrder(a.id, b.id));
  const movedAhead = movedAway.filter((s) => s.status !== 'cancelled');
  let status = 'free';
  if (now.length > 0) status = 'in-session';
  else if (next && ms(next.start) - instant <= 15 * MIN) status = 'starting-soon';
  else if (movedAhead.some((s) => ms(s.planned.start) - instant <= 15 * MIN)) status = 'moved';
  return {
    now: now.map((s) => s.id),
    next: next?.id ?? null,
    later: later.map((s) => s.id),
    cancelled: gone.map((s) => s.id),
    movedAway: movedAway.map((s) => `${s.id}->${s.venueId}`),
    status,
    endOfDay: now.length === 0 && next === null && movedAhead.length === 0,
    minutesToNext: next ? Math.ceil((ms(next.start) - instant) / MIN) : null,
  };
}

function referenceLobby(schedule: Sched, instant: number) {
  const today = localDate(instant);
  const name = (s: Session) => schedule.venues.find((v) => v.id === s.venueId)?.name ?? s.venueId;
  const running = (s: Session) => (s.status !== 'cancelled' && ms(s.start) <= instant ? 0 : 1);
  const pinned = (s: Session) => (running(s) === 0 && s.kind === 'plenary' ? 0 : 1);
  return schedule.sessions
    .filter((s) => ms(s.end) > instant && localDate(ms(s.start)) <= today)
    .sort(
      (a, b) =>
        running(a) - running(b) ||
        pinned(a) - pinned(b) ||
        ms(a.start) - ms(b.start) ||
        text(name(a), name(b)) ||
        text(a.title, b.title) ||
        idOrder(a.id, b.id),
    )
    .map((s) => {
      const state = s.status === 'cancelled' ? 'cancelled' : ms(s.start) <= instant ? 'running' : 'upcoming';
      return `${s.id}:${state}`;
    });
}

// ---------------------------------------------------------------- generators
// Three days around each Vienna DST change (23-hour 2025-03-30, 25-hour 2025-10-26).
const windows = [
  DateTime.fromISO('2025-03-29T00:00', { zone: ZONE }).toMillis(),
  DateTime.fromISO('2025-10-25T00:00', { zone: ZONE }).toMillis(),
];
const WINDOW_MINUTES = 3 * 24 * 60;

// Starts on a quarter-hour grid most of the time, so ties and back-to-back sessions are common.
const minuteOffset = fc.oneof(
  fc.integer({ min: 0, max: WINDOW_MINUTES / 15 }).map((q) => q * 15),
  fc.integer({ min: 0, max: WINDOW_MINUTES }),
);
const duration = fc.oneof(
  fc.integer({ min: 0, max: 20 }).map((q) => q * 15),
  fc.integer({ min: 0, max: 300 }),
);
// Every instant is written in one of several spellings: the views must read offsets, not text.
const spelling = fc.constantFrom(ZONE, 'UTC', 'UTC+5:30', 'America/New_York');
const iso = (instant: number, zone: string) => DateTime.fromMillis(instant, { zone }).toISO()!;

const sessionArb = (base: number, id: string) =>
  fc
    .record({
      start: minuteOffset,
      length: duration,
      venueId: fc.constantFrom(...venueIds),
      title: fc.constantFrom('Alpha', 'Beta', 'Gamma 2', 'Gamma 10'),
      kind: fc.constantFrom('plenary', 'side-event', 'side-event', 'exhibition', 'other'),
      cancelled: fc.boolean(),
      movedFrom: fc.option(fc.constantFrom(...venueIds), { nil: undefined }),
      shift: fc.constantFrom(0, 0, 15, -15, 60, -90),
      plannedLength: fc.option(duration, { nil: undefined }),
      zone: spelling,
    })
    .map((r): Session => {
      const start = base + r.start * MIN;
      const plannedStart = start - r.shift * MIN;
      return {
        id,
        kind: r.kind as Session['kind'],
        title: r.title,
        start: iso(start, r.zone),
        end: iso(start + r.length * MIN, r.zone),
        venueId: r.venueId,
        organizers: { lead: 'Org', partners: [] },
        status: r.cancelled ? 'cancelled' : 'scheduled',
        planned: {
          start: iso(plannedStart, ZONE),
          end: iso(plannedStart + (r.plannedLength ?? r.length) * MIN, ZONE),
          venueId: r.movedFrom ?? r.venueId,
        },
        version: 1,
      };
    });

const scheduleArb = fc
  .tuple(fc.constantFrom(...windows), fc.integer({ min: 0, max: 25 }))
  .chain(([base, count]) =>
    fc.tuple(fc.constant(base), fc.tuple(...Array.from({ length: count }, (_, i) => sessionArb(base, `s${i}`)))),
  )
  .map(([base, sessions]) => ({ base, schedule: { timezone: ZONE, venues, sessions } as Sched }));

/** Instants anywhere in the window, or right at / around the edges the rules care about. */
const scenarioArb = scheduleArb.chain(({ base, schedule }) => {
  const edges = schedule.sessions.flatMap((s) => [ms(s.start), ms(s.end), ms(s.planned.start), ms(s.planned.end)]);
  for (let day = 0; day <= 3; day++) {
    edges.push(DateTime.fromMillis(base, { zone: ZONE }).plus({ days: day }).toMillis());
  }
  const anywhere = fc.integer({ min: base - 60 * MIN, max: base + (WINDOW_MINUTES + 60) * MIN });
  const nearEdge = fc
    .tuple(fc.constantFrom(...edges), fc.constantFrom(0, -1, 1, -15 * MIN, -15 * MIN - 1, -15 * MIN + 1))
    .map(([edge, delta]) => edge + delta);
  return fc.record({ schedule: fc.constant(schedule), instant: fc.oneof(anywhere, nearEdge) });
});

// ---------------------------------------------------------------- the properties
function summary(schedule: Sched, venueId: string, instant: number) {
  const v = roomView(schedule, venueId, instant);
  const ids = (rows: { session: Session }[]) => rows.map((row) => row.session.id);
  return {
    now: ids(v.now),
    next: v.next?.session.id ?? null,
    later: ids(v.later),
    cancelled: ids(v.cancelled),
    movedAway: v.movedAway.map((m) => `${m.session.id}->${m.movedTo}`),
    status: v.status,
    endOfDay: v.endOfDay,
    minutesToNext: v.minutesToNext,
  };
}

// 400 cases take about 3 s alone; on a busy shared machine several times that, so the default
// 5 s would fail a correct implementation. The run count (the coverage) stays as it is.
const PROPERTY_TIMEOUT_MS = 60_000;

describe('views match the brute-force reference', () => {
  it(
    'roomView, for every venue, around DST changes',
    () => {
      fc.assert(
        fc.property(scenarioArb, ({ schedule, instant }) => {
          for (const venueId of venueIds) {
            expect(summary(schedule, venueId, instant)).toEqual(referenceRoom(schedule, venueId, instant));
          }
        }),
        { numRuns: 400 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'a door never says "free for the rest of the day" while a moved-away slot is ahead, and shows it as a notice',
    () => {
      fc.assert(
        fc.property(scenarioArb, ({ schedule, instant }) => {
          for (const venueId of venues.map((v) => v.id)) {
            const view = roomView(schedule, venueId, instant);
            const ahead =
              referenceRoom(schedule, venueId, instant).movedAway.length > 0
                ? view.movedAway.filter((row) => !row.change.cancelled)
                : [];
            const { notices } = doorSections(view, instant, schedule.venues, ZONE);
            for (const row of ahead) expect(notices.map((n) => n.key)).toContain(`away:${row.session.id}`);
            if (ahead.length) {
              expect(phraseText(statusDetail(view, instant, ZONE, schedule.venues))).not.toMatch(/rest of the day/);
            }
          }
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'lobbyView rows, states and order, around DST changes',
    () => {
      fc.assert(
        fc.property(scenarioArb, ({ schedule, instant }) => {
          const v = lobbyView(schedule, instant);
          expect(v.day).toBe(localDate(instant));
          expect(v.rows.map((row) => `${row.session.id}:${row.state}`)).toEqual(referenceLobby(schedule, instant));
          for (const row of v.rows) expect(row.venue?.id).toBe(venues.find((x) => x.id === row.session.venueId)?.id);
          // After the last session: the next day that has any, never an empty board when one exists.
          const later = schedule.sessions.filter(
            (s) => s.status !== 'cancelled' && localDate(ms(s.start)) > localDate(instant),
          );
          if (v.rows.length === 0 && later.length) {
            const day = later.map((s) => localDate(ms(s.start))).sort()[0];
            expect(v.tomorrowDay).toBe(day);
            expect(v.tomorrow.map((row) => row.session.id).sort()).toEqual(
              later
                .filter((s) => localDate(ms(s.start)) === day)
                .map((s) => s.id)
                .sort(),
            );
          } else expect(v.tomorrow).toEqual([]);
        }),
        { numRuns: 400 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
