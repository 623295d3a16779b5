/**
 * The lobby row's single status column: the most important news about the session, in words
 * (a colour alone never carries it). Priority: cancelled, running, moved, delayed, starting time.
 */
import type { Venue } from '../model.ts';
import { MINUTE, formatClock } from '../time.ts';
import { STARTING_SOON_MINUTES } from './constants.ts';
import type { LobbyRow, LobbyStatus } from './types.ts';

/** Within this many minutes of its start a row says "Starting soon" instead of "In N min". */
export const STARTING_NOW_MINUTES = 2;

export function lobbyStatus(row: LobbyRow, instant: number, venues: readonly Venue[], zone: string): LobbyStatus {
  if (row.state === 'cancelled') return { text: 'Cancelled', tone: 'cancelled' };
  const from = row.change.movedFrom
    ? (venues.find((venue) => venue.id === row.change.movedFrom)?.name ?? row.change.movedFrom)
    : undefined;
  // Running and moved: people still arrive at the old room, so the move stays in the words.
  if (row.state === 'running')
    return from ? { text: `Now · from ${from}`, tone: 'moved' } : { text: 'Now', tone: 'now' };
  if (from) return { text: `Moved from ${from}`, tone: 'moved' };
  if ((row.change.startShiftMinutes ?? 0) > 0) {
    return { text: `Delayed — ${formatClock(row.start, zone)}`, tone: 'delayed' };
  }
  const untilStart = row.start - instant;
  if (untilStart <= STARTING_NOW_MINUTES * MINUTE) return { text: 'Starting soon', tone: 'soon' };
  if (untilStart <= STARTING_SOON_MINUTES * MINUTE) {
    return { text: `In ${Math.ceil(untilStart / MINUTE)} min`, tone: 'soon' };
  }
  if (row.change.retimed) return { text: 'New time', tone: 'delayed' };
  return { text: 'On time', tone: 'later' };
}
