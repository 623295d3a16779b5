/**
 * Room clashes, the one rule the server enforces and the panel uses to list free rooms: two
 * sessions clash when neither is cancelled, they are in the same room, and their half-open
 * intervals overlap (13:00–14:00 and 14:00–15:00 do not). Online venues hold any number of
 * sessions at once.
 */
import type { Schedule, Session } from './model.ts';
import { formatClock, formatDay } from './time.ts';
import { parseInstant } from './time-parse.ts';

/** A would-be placement of a session: its id (excluded from the search), room and slot in epoch ms. */
export interface Placement {
  id: string;
  venueId: string;
  start: number;
  end: number;
}

/** The first live session that already holds the placement's room during its slot. */
export function findRoomHolder(
  schedule: Pick<Schedule, 'timezone' | 'venues' | 'sessions'>,
  placement: Placement,
  ignore: ReadonlySet<string> = new Set(),
): Session | undefined {
  const venue = schedule.venues.find((v) => v.id === placement.venueId);
  if (!venue || venue.kind !== 'room') return undefined;
  const zone = schedule.timezone;
  return schedule.sessions.find(
    (other) =>
      other.id !== placement.id &&
      !ignore.has(other.id) &&
      other.venueId === placement.venueId &&
      other.status !== 'cancelled' &&
      parseInstant(other.start, zone) < placement.end &&
      placement.start < parseInstant(other.end, zone),
  );
}

/** Slot labels already made (key: zone, start, end, withDay). */
const slotLabels = new Map<string, string>();

/** "13:00–14:00" in venue time, prefixed with the day ("Tuesday 15 October 13:00–14:00") when asked. */
export function slotLabel(session: Pick<Session, 'start' | 'end'>, zone: string, withDay = false): string {
  const key = `${zone} ${session.start} ${session.end} ${withDay}`;
  let label = slotLabels.get(key);
  if (label !== undefined) return label;
  const start = parseInstant(session.start, zone);
  const times = `${formatClock(start, zone)}–${formatClock(parseInstant(session.end, zone), zone)}`;
  label = withDay ? `${formatDay(start, zone)} ${times}` : times;
  // Remembered: an import preview names thousands of clashes over the same few hundred slots.
  if (slotLabels.size >= 10_000) slotLabels.clear();
  slotLabels.set(key, label);
  return label;
}

/**
 * Why a placement was refused, in staff words. The panel names the slot of the day it shows
 * ("M3 is taken by “X” 13:00–13:50"); the server's refusal names the day as well ("CR3 is
 * already taken by “X” on Monday 14 October 13:00–14:00").
 */
export function clashText(
  venueLabel: string,
  holder: Pick<Session, 'title' | 'start' | 'end'>,
  zone: string,
  withDay = false,
): string {
  return withDay
    ? `${venueLabel} is already taken by “${holder.title}” on ${slotLabel(holder, zone, true)}`
    : `${venueLabel} is taken by “${holder.title}” ${slotLabel(holder, zone)}`;
}
