/**
 * Stable session ids: the same input gives the same ids, and editing one row leaves every other
 * row's id alone. A plenary meeting is named by its day and start ("plenary-2024-10-14-1000");
 * any other session by its day and a short hash of its normalised title
 * ("event-2024-10-14-3f9a01c2"), so moving it to another room or time keeps its id. Only true
 * duplicates (same day, same title) get a suffix: their start time, then their room, then a count.
 */
import { createHash } from 'node:crypto';

/** Lower-case letters and digits only: a change of case, spacing, tags or quotes keeps the id. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

export interface IdRequest {
  /** The preferred id. */
  base: string;
  /** Suffixes tried in order when the base is taken by an earlier row. */
  disambiguators: string[];
}

export function plenaryIdRequest(day: string, clock: string, venueId: string): IdRequest {
  return { base: `plenary-${day}-${clock}`, disambiguators: [venueId] };
}

export function eventIdRequest(day: string, title: string, clock: string, venueId: string): IdRequest {
  return { base: `event-${day}-${shortHash(normaliseTitle(title))}`, disambiguators: [clock, `${clock}-${venueId}`] };
}

/** Ids for the requests in input order: the first of a set of duplicates keeps the base. */
export function assignIds(requests: IdRequest[]): string[] {
  const taken = new Set<string>();
  // Where the numbered search of each base goes on from: 30,000 rows of one base were quadratic.
  const nextNumber = new Map<string, number>();
  return requests.map(({ base, disambiguators }) => {
    const candidates = [base, ...disambiguators.map((d) => `${base}-${d}`)];
    let id = candidates.find((c) => !taken.has(c));
    let n = nextNumber.get(base) ?? 2;
    for (; id === undefined; n += 1) {
      if (!taken.has(`${base}-${n}`)) id = `${base}-${n}`;
    }
    nextNumber.set(base, n);
    taken.add(id);
    return id;
  });
}
