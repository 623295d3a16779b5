/** The order every export lists sessions in: by start instant, then by the venue list's order. */
import type { Schedule, Session } from '../../../shared/model.ts';

export function byStartThenVenue(schedule: Schedule): (a: Session, b: Session) => number {
  const venueRank = new Map(schedule.venues.map((v, i) => [v.id, i]));
  // Date.parse reads the offset in the string, so instants compare right across a DST change.
  return (a, b) =>
    Date.parse(a.start) - Date.parse(b.start) ||
    (venueRank.get(a.venueId) ?? 0) - (venueRank.get(b.venueId) ?? 0) ||
    a.id.localeCompare(b.id);
}
