/**
 * The lobby row's single status column: the most important news about the session, in words
 * (a colour alone never carries it). Priority: cancelled, running, moved, delayed, starting time.
 */
import type { Venue } from '../model.ts';
import { en } from '../i18n/en.ts';
import type { Messages } from '../i18n/messages.ts';
import { phrase, words } from '../i18n/phrase.ts';
import { MINUTE, formatClock } from '../time.ts';
import { STARTING_SOON_MINUTES } from './constants.ts';
import type { LobbyRow, LobbyStatus } from './types.ts';

/** Within this many minutes of its start a row says "Starting soon" instead of "In N min". */
export const STARTING_NOW_MINUTES = 2;

export function lobbyStatus(
  row: LobbyRow,
  instant: number,
  venues: readonly Venue[],
  zone: string,
  m: Messages = en,
): LobbyStatus {
  if (row.state === 'cancelled') return { text: words(m.cancelled), tone: 'cancelled' };
  const from = row.change.movedFrom
    ? (venues.find((venue) => venue.id === row.change.movedFrom)?.name ?? row.change.movedFrom)
    : undefined;
  // Running and moved: people still arrive at the old room, so the move stays in the words.
  if (row.state === 'running') {
    return from ? { text: phrase(m.nowFrom, from), tone: 'moved' } : { text: words(m.now), tone: 'now' };
  }
  if (from) return { text: phrase(m.movedFrom, from), tone: 'moved' };
  if ((row.change.startShiftMinutes ?? 0) > 0) {
    return { text: phrase(m.delayedTo, formatClock(row.start, zone)), tone: 'delayed' };
  }
  const untilStart = row.start - instant;
  if (untilStart <= STARTING_NOW_MINUTES * MINUTE) return { text: words(m.startingSoon), tone: 'soon' };
  if (untilStart <= STARTING_SOON_MINUTES * MINUTE) {
    return { text: words(m.inMinutes(Math.ceil(untilStart / MINUTE))), tone: 'soon' };
  }
  if (row.change.retimed) return { text: words(m.newTime), tone: 'delayed' };
  return { text: words(m.onTime), tone: 'later' };
}
