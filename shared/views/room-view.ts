/**
 * roomView: what the door display of one venue shows at one instant. Pure: the instant is a
 * parameter, and every calendar notion is taken in the schedule's timezone, never the device's.
 *
 * Edge rules (the README repeats them):
 * - A session occupies [start, end): start inclusive, end exclusive. At its end it leaves the door
 *   display. A zero-length session (start = end) is never running: it is "next" until its start.
 * - "Today" is the venue-local calendar day that contains the instant, from local midnight to the
 *   next local midnight; on DST days that is 23 or 25 hours. A session belongs to today if it
 *   starts before the next midnight (a session still running from yesterday is shown as running).
 * - now: the non-cancelled sessions of this venue running at the instant (start <= t < end),
 *   by start, then title. Usually one; overlaps are all shown.
 * - next: the first non-cancelled session of this venue that starts strictly after the instant
 *   and before the end of today. Cancelled sessions are skipped. Back-to-back: at the instant A
 *   ends and B starts, B is in now, A is gone, and next is whatever comes after B.
 * - later: the sessions of today after next in (start, title) order, cancelled ones included
 *   (flagged by change.cancelled). Empty when there is no next. A cancelled session that would
 *   have started before next appears in cancelled only.
 * - cancelled: the cancelled sessions of this venue that start today (or earlier) and have not
 *   ended, by start: they stay visible, struck through, until their end. A cancelled session
 *   after next is in both later and cancelled.
 * - movedAway: sessions whose planned.venueId is this venue but which now take place elsewhere,
 *   shown while their PLANNED slot has not ended and started before the end of today, by planned
 *   start (so the old door says "Moved to M7" for the slot the session had). Cancelled ones are
 *   included, flagged by change.cancelled. The new door sees change.movedFrom on the session.
 * - status: 'in-session' when now is non-empty; otherwise 'starting-soon' when next starts within
 *   STARTING_SOON_MINUTES (next.start - t <= 15 min, inclusive); otherwise 'moved' when a
 *   non-cancelled moved-away slot is on or starts within STARTING_SOON_MINUTES (people arrive for
 *   it at this door); otherwise 'free'.
 * - endOfDay: nothing running, no next today, and no non-cancelled moved-away slot ahead
 *   (cancelled leftovers don't count; a moved slot does: never "free for the rest of the day"
 *   while delegates may still come here for it).
 * - minutesToNext: whole minutes to next's start, rounded up (14 min 1 s -> 15); null without next.
 * Ties in any ordering are broken by title, then id, so every screen shows the same order.
 */
import type { Schedule } from '../model.ts';
import { MINUTE, venueDayBounds } from '../time.ts';
import { STARTING_SOON_MINUTES } from './constants.ts';
import { plannedEnd, plannedStart, sessionEnd, sessionStart } from './parse.ts';
import type { MovedAway, RoomStatus, RoomView, ViewSession } from './types.ts';
import { byStartThenTitle, compareIds, compareText, toViewSession } from './view-session.ts';

export { STARTING_SOON_MINUTES };

export type RoomSchedule = Pick<Schedule, 'timezone' | 'venues' | 'sessions'>;

export function roomView(schedule: RoomSchedule, venueId: string, instant: number): RoomView {
  const dayEnd = venueDayBounds(instant, schedule.timezone).end;
  const now: ViewSession[] = [];
  const upcoming: ViewSession[] = [];
  const cancelled: ViewSession[] = [];
  const movedAway: MovedAway[] = [];

  for (const session of schedule.sessions) {
    if (session.venueId === venueId) {
      const start = sessionStart(session);
      if (start >= dayEnd) continue;
      const end = sessionEnd(session);
      const startsLater = start > instant;
      if (!startsLater && end <= instant) continue;
      const row = toViewSession(session, start, end);
      const isCancelled = session.status === 'cancelled';
      if (startsLater) upcoming.push(row);
      else if (!isCancelled) now.push(row);
      if (isCancelled && end > instant) cancelled.push(row);
    } else if (session.planned.venueId === venueId) {
      const slotStart = plannedStart(session);
      const slotEnd = plannedEnd(session);
      if (slotEnd <= instant || slotStart >= dayEnd) continue;
      const row = toViewSession(session, sessionStart(session), sessionEnd(session));
      movedAway.push({ ...row, movedTo: session.venueId, plannedStart: slotStart, plannedEnd: slotEnd });
    }
  }

  now.sort(byStartThenTitle);
  upcoming.sort(byStartThenTitle);
  cancelled.sort(byStartThenTitle);
  movedAway.sort(byPlannedSlot);

  const nextIndex = upcoming.findIndex((row) => row.session.status !== 'cancelled');
  const next = nextIndex < 0 ? null : upcoming[nextIndex]!;
  const later = nextIndex < 0 ? [] : upcoming.slice(nextIndex + 1);
  const minutesToNext = next ? Math.ceil((next.start - instant) / MINUTE) : null;

  return {
    venue: schedule.venues.find((venue) => venue.id === venueId),
    now,
    next,
    later,
    cancelled,
    movedAway,
    status: roomStatus(now.length > 0, next, movedAway, instant),
    endOfDay: now.length === 0 && next === null && !movedAway.some((row) => !row.change.cancelled),
    minutesToNext,
  };
}

function roomStatus(
  running: boolean,
  next: ViewSession | null,
  movedAway: readonly MovedAway[],
  instant: number,
): RoomStatus {
  if (running) return 'in-session';
  const soon = instant + STARTING_SOON_MINUTES * MINUTE;
  if (next && next.start <= soon) return 'starting-soon';
  if (movedAway.some((row) => !row.change.cancelled && row.plannedStart <= soon)) return 'moved';
  return 'free';
}

function byPlannedSlot(a: MovedAway, b: MovedAway): number {
  return (
    a.plannedStart - b.plannedStart ||
    compareText(a.session.title, b.session.title) ||
    compareIds(a.session.id, b.session.id)
  );
}
