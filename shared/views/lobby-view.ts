/**
 * lobbyView: the departures board. One row per session of the venue day, across all venues, that
 * has not ended at the instant (running or upcoming; a session still running from yesterday is
 * included). Cancelled sessions stay on the board with state 'cancelled' until their end.
 * Same [start, end) rule and venue-local day as roomView (see room-view.ts).
 *
 * Order: running sessions first (a running plenary above the other running ones: the plenary is
 * pinned only while it runs), then by start, then venue name, then title, then id, so every lobby
 * screen pages through the same list. A plenary later in the day sorts by its start like any row.
 *
 * tomorrow: when nothing is left today, the sessions of the next venue day that has any
 * (not cancelled), in the same order, so the board says what comes instead of "nothing".
 */
import type { Schedule, Session, Venue } from '../model.ts';
import { venueDay, venueDayBounds } from '../time.ts';
import { sessionEnd, sessionStart } from './parse.ts';
import type { LobbyRow, LobbyRowState, LobbyView } from './types.ts';
import { compareIds, compareText, toViewSession } from './view-session.ts';

export type LobbySchedule = Pick<Schedule, 'timezone' | 'venues' | 'sessions'>;

export function lobbyView(schedule: LobbySchedule, instant: number): LobbyView {
  const dayEnd = venueDayBounds(instant, schedule.timezone).end;
  const venues = new Map<string, Venue>(schedule.venues.map((venue) => [venue.id, venue]));
  const rows: LobbyRow[] = [];
  let nextDayStart = Infinity;

  for (const session of schedule.sessions) {
    const start = sessionStart(session);
    if (start >= dayEnd) {
      if (session.status !== 'cancelled' && start < nextDayStart) nextDayStart = start;
      continue;
    }
    const end = sessionEnd(session);
    if (end <= instant) continue;
    const state: LobbyRowState =
      session.status === 'cancelled' ? 'cancelled' : start <= instant ? 'running' : 'upcoming';
    rows.push({ ...toViewSession(session, start, end), state, venue: venues.get(session.venueId) });
  }
  rows.sort(lobbyOrder);

  const view: LobbyView = { day: venueDay(instant, schedule.timezone), rows, tomorrow: [] };
  if (rows.length === 0 && nextDayStart !== Infinity) {
    view.tomorrow = tomorrowRows(schedule.sessions, venues, nextDayStart, schedule.timezone);
    view.tomorrowDay = venueDay(nextDayStart, schedule.timezone);
  }
  return view;
}

function tomorrowRows(
  sessions: readonly Session[],
  venues: Map<string, Venue>,
  firstStart: number,
  zone: string,
): LobbyRow[] {
  const { end } = venueDayBounds(firstStart, zone);
  const rows: LobbyRow[] = [];
  for (const session of sessions) {
    if (session.status === 'cancelled') continue;
    const start = sessionStart(session);
    if (start < firstStart || start >= end) continue;
    const row = toViewSession(session, start, sessionEnd(session));
    rows.push({ ...row, state: 'upcoming', venue: venues.get(session.venueId) });
  }
  return rows.sort(lobbyOrder);
}

function lobbyOrder(a: LobbyRow, b: LobbyRow): number {
  const runningFirst = Number(b.state === 'running') - Number(a.state === 'running');
  const pinned = (row: LobbyRow) => row.state === 'running' && row.session.kind === 'plenary';
  const plenaryWhileRunning = Number(pinned(b)) - Number(pinned(a));
  return (
    runningFirst ||
    plenaryWhileRunning ||
    a.start - b.start ||
    compareText(venueName(a), venueName(b)) ||
    compareText(a.session.title, b.session.title) ||
    compareIds(a.session.id, b.session.id)
  );
}

/** An unknown venue id still sorts (and can be shown) by its id. */
function venueName(row: LobbyRow): string {
  return row.venue?.name ?? row.session.venueId;
}
