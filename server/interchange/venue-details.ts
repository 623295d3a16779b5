/**
 * The small venue file shipped beside a programme ("crimecop12-programme.txt" →
 * "crimecop12-venues.json"): where each room is (building, floor, directions) and, for demos, a
 * join link for online sessions that have none. Programme formats rarely carry directions, so
 * they come from here when seeding; staff edit them in the panel afterwards.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Programme } from '../../shared/model.ts';
import { ImportError } from './import-types.ts';

const Place = z.strictObject({
  building: z.string().trim().min(1).max(100).optional(),
  floor: z.string().trim().min(1).max(100).optional(),
  directions: z.string().trim().min(1).max(200).optional(),
});

const VenueFileSchema = z.strictObject({
  about: z.string().optional(),
  venues: z.record(z.string(), Place),
  demoJoinLink: z.url({ protocol: /^https?$/ }).optional(),
});

/** The companion file of a programme file, when there is one. */
export function venueFileFor(programmePath: string): string | undefined {
  const candidate = programmePath.replace(/(-programme)?\.[^./]+$/, '-venues.json');
  return candidate !== programmePath && existsSync(candidate) ? candidate : undefined;
}

export function applyVenueFile(programme: Programme, path: string): Programme {
  let parsed;
  try {
    parsed = VenueFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new ImportError(`${path}: not JSON: ${(error as Error).message}`);
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(`${path}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  const { venues, demoJoinLink } = parsed.data;
  const known = new Set(programme.venues.map((venue) => venue.id));
  const unknown = Object.keys(venues).find((id) => !known.has(id));
  if (unknown) throw new ImportError(`${path}: venues.${unknown}: no such venue in the programme`);
  const online = new Set(programme.venues.filter((venue) => venue.kind === 'online').map((venue) => venue.id));
  return {
    ...programme,
    venues: programme.venues.map((venue) => ({ ...venue, ...venues[venue.id] })),
    sessions: programme.sessions.map((session) =>
      demoJoinLink && online.has(session.venueId) && !session.online?.url
        ? { ...session, online: { ...session.online, url: demoJoinLink } }
        : session,
    ),
  };
}
