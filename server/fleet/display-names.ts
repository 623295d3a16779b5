/** The name a screen gets when neither it nor staff chose one: "Conference Room 3 door", "Lobby". */
import type { Schedule } from '../../shared/model.ts';
import type { Assignment } from './fleet-entry.ts';

export function defaultDisplayName(schedule: Schedule, assignment: Assignment): string {
  if (assignment.view === 'lobby') return 'Lobby';
  const venue = schedule.venues.find((v) => v.id === assignment.venueId);
  return `${venue?.name ?? assignment.venueId} door`;
}
