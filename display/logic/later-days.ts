/** The first session of a room after today, for the door's end-of-day message. */
import type { Session } from '../../shared/model.ts';
import { venueDayBounds } from '../../shared/time.ts';

export interface UpcomingDay {
  session: Session;
  start: number;
}

export function firstSessionAfterToday(
  sessions: readonly Session[],
  venueId: string,
  instant: number,
  zone: string,
): UpcomingDay | null {
  const dayEnd = venueDayBounds(instant, zone).end;
  let first: UpcomingDay | null = null;
  for (const session of sessions) {
    if (session.venueId !== venueId || session.status === 'cancelled') continue;
    const start = Date.parse(session.start);
    if (!(start >= dayEnd)) continue;
    if (!first || start < first.start) first = { session, start };
  }
  return first;
}
