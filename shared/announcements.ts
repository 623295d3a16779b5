/**
 * Which announcements are live: the server removes them at their expiry (and refuses to bring an
 * expired one back by undo), and a screen that is offline hides them by itself at that instant.
 * Both tiers ask the same question here.
 */
import { LOBBY } from './id-rules.ts';
import type { Announcement } from './model.ts';
import { storedInstant } from './time.ts';

/** True once the announcement's expiry is reached at `instant` (epoch ms); never without one. */
export function hasExpired(announcement: Announcement, instant: number, zone: string): boolean {
  return announcement.expiresAt !== undefined && storedInstant(announcement.expiresAt, zone) <= instant;
}

/** False before a scheduled announcement's start; true at it and after, and always without one. */
export function hasStarted(announcement: Announcement, instant: number, zone: string): boolean {
  return announcement.startsAt === undefined || storedInstant(announcement.startsAt, zone) <= instant;
}

/** Between its start (inclusive) and its expiry (exclusive): the one visibility rule of both tiers. */
export function isShowing(announcement: Announcement, instant: number, zone: string): boolean {
  return hasStarted(announcement, instant, zone) && !hasExpired(announcement, instant, zone);
}

/** No venueIds (or an empty list) addresses every screen; the lobby is addressed as LOBBY. */
export function isAddressedTo(announcement: Announcement, screenId: string): boolean {
  const targets = announcement.venueIds;
  return !targets || targets.length === 0 || targets.includes(screenId);
}

/**
 * The announcements one screen shows at `instant`: urgent first, then in the order staff created
 * them.
 * @param screenId the venue id of a door display, or LOBBY for the lobby board.
 */
export function activeAnnouncements(
  announcements: readonly Announcement[],
  screenId: string,
  instant: number,
  zone: string,
): Announcement[] {
  const visible = announcements.filter((a) => isAddressedTo(a, screenId) && isShowing(a, instant, zone));
  // Array.prototype.sort is stable, so creation order survives within a severity.
  return visible.sort((a, b) => severityRank(a) - severityRank(b));
}

function severityRank(announcement: Announcement): number {
  return announcement.severity === 'urgent' ? 0 : 1;
}

export { LOBBY };
