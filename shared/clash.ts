/**
 * Room clashes, the one rule the server enforces and the panel uses to list free rooms: two
 * sessions clash when neither is cancelled, they are in the same room, and their half-open
 * intervals overlap (13:00–14:00 and 14:00–15:00 do not). Online venues hold any number of
 * sessions at once.
 */
import type { Schedule, Session } from './model.ts';
import { parseInstant } from './time.ts';

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
