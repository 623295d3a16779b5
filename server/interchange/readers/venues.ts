/**
 * Venues as named in the programme's venue column and plenary headings.
 *
 * Ids are short and URL-safe, derived from the first part of the name ("Board Room B, C-Building"
 * → "Board-Room-B"), so /display/room/CR3 reads naturally. The programme calls the plenary hall
 * both "Plenary Hall, M-Building" and "Plenary Room, M-Building": that is one room, id "Plenary".
 */
import type { Venue } from '../../../shared/model.ts';

const PLENARY = /^plenary\s+(?:hall|room)\b/i;
const ONLINE = /^online$/i;
const ID_MAX = 64;

/** The name under which a venue is listed (plenary aliases folded onto "Plenary Hall"). */
export function canonicalVenueName(raw: string): string {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (ONLINE.test(name)) return 'Online';
  return name.replace(PLENARY, 'Plenary Hall');
}

/** URL-safe id from text: accents dropped, other non-alphanumerics become single hyphens. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, ID_MAX)
    .replace(/-+$/, '');
}

export function venueIdOf(name: string): string {
  if (PLENARY.test(name)) return 'Plenary';
  return slug(name.split(',')[0] ?? name) || 'venue';
}

/** Collects venues in order of appearance; hands out one id per distinct (canonical) name. */
export class VenueRegistry {
  private readonly byName = new Map<string, Venue>();
  private readonly taken = new Set<string>();

  /** The venue's id, registering it on first sight. */
  idFor(rawName: string): string {
    const name = canonicalVenueName(rawName);
    const key = name.toLowerCase();
    const known = this.byName.get(key);
    if (known) return known.id;
    const venue: Venue = { id: this.freeId(name), name, kind: ONLINE.test(name) ? 'online' : 'room' };
    this.byName.set(key, venue);
    this.taken.add(venue.id.toLowerCase());
    return venue.id;
  }

  /** Plenary first, then rooms by name (CR3 before CR7 before M0E), online last. */
  list(): Venue[] {
    const rank = (v: Venue): number => (v.kind === 'online' ? 2 : v.id.startsWith('Plenary') ? 0 : 1);
    return [...this.byName.values()].sort(
      (a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'en', { numeric: true }),
    );
  }

  /** Ids differ by name; two names with the same first part ("Room B, C-Building" and "Room B,
   * M-Building") take the rest of the name too, then a counter. Case-insensitive, as URLs are
   * typed by people. */
  private freeId(name: string): string {
    const base = venueIdOf(name);
    const candidates = [base, slug(name) || base];
    for (const id of candidates) if (!this.taken.has(id.toLowerCase())) return id;
    for (let n = 2; ; n += 1) {
      const id = `${base.slice(0, ID_MAX - 4)}-${n}`;
      if (!this.taken.has(id.toLowerCase())) return id;
    }
  }
}
