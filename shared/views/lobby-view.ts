/**
 * lobbyView: the departures board. One row per session of the venue day, across all venues, that
 * has not ended at the instant (running or upcoming; a session still running from yesterday is
 * included). Cancelled sessions stay on the board with state 'cancelled' until their end.
 * Same [start, end) rule and venue-local day as roomView (see room-view.ts).
 *
 * Order: plenary sessions first (the plenary is the main event), then by start, then venue name,
 * then title, then id, so every lobby screen pages through the same list.
 */
import type { Schedule, Venue } from '../model.ts';
import { venueDay, venueDayBounds } from '../time.ts';
import { sessionEnd, sessionStart } from './parse.ts';
import type { LobbyRow, LobbyRowState, LobbyView } from './types.ts';
import { compareIds, compareText, toViewSession } from './view-session.ts';

export type LobbySchedule = Pick<Schedule, 'timezone' | 'venues' | 'sessions'>;

export function lobbyView(schedule: LobbySchedule, instant: number): LobbyView {
  const dayEnd = venueDayBounds(instant, schedule.timezone).end;
  const venues = new Map<string, Venue>(schedule.venues.map((venue) => [venue.id, venue]));
  const rows: LobbyRow[] = [];

  for (const session of schedule.sessions) {
    const start = sessionStart(session);
    if (start >= dayEnd) continue;
    const end = sessionEnd(session);
    if (end <= instant) continue;
    const state: LobbyRowState =
      session.status === 'cancelled' ? 'cancelled' : start <= instant ? 'running' : 'upcoming';
    rows.push({ ...toViewSession(session, start, end), state, venue: venues.get(session.venueId) });
  }

  rows.sort(lobbyOrder);
  return { day: venueDay(instant, schedule.timezone), rows };
}

function lobbyOrder(a: LobbyRow, b: LobbyRow): number {
  const plenaryFirst = Number(b.session.kind === 'plenary') - Number(a.session.kind === 'plenary');
  return (
    plenaryFirst ||
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
