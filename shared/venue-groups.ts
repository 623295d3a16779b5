/**
 * Groups of venues staff address at once ("all M-Building rooms"): by the venue's `building` when
 * the venue has one, else by the letters its id starts with (CR3, CR7 → "CR"; M2, M0E79 → "M"),
 * which is how venue ids derived from names cluster. Only groups of two or more rooms are offered.
 */
import type { Venue } from './model.ts';

export interface VenueGroup {
  /** Stable key ("building:M-Building", "prefix:CR"). */
  key: string;
  label: string;
  venueIds: string[];
}

function groupOf(venue: Venue): { key: string; label: string } | null {
  const building = (venue as Venue & { building?: unknown }).building;
  if (typeof building === 'string' && building.trim()) {
    return { key: `building:${building.trim()}`, label: `All rooms in ${building.trim()}` };
  }
  const prefix = /^[A-Za-z]+/.exec(venue.id)?.[0];
  return prefix ? { key: `prefix:${prefix}`, label: `All ${prefix} rooms` } : null;
}

export function venueGroups(venues: readonly Venue[]): VenueGroup[] {
  const groups = new Map<string, VenueGroup>();
  for (const venue of venues) {
    if (venue.kind !== 'room') continue;
    const group = groupOf(venue);
    if (!group) continue;
    const existing = groups.get(group.key) ?? { ...group, venueIds: [] };
    existing.venueIds.push(venue.id);
    groups.set(group.key, existing);
  }
  return [...groups.values()]
    .filter((g) => g.venueIds.length >= 2)
    .map((g) => ({ ...g, label: `${g.label} (${g.venueIds.join(', ')})` }));
}
