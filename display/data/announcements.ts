/**
 * Which announcements one screen shows. The server removes expired announcements, but a screen
 * that is offline must hide them by itself at their expiry, so expiry is checked here too.
 */
import { LOBBY } from '../../shared/ids.ts';
import type { Announcement } from '../../shared/model.ts';

/**
 * The lobby's screen id. shared/model.ts holds the value, but importing a value from it would pull
 * zod into the screens' bundle; the type annotation makes the compiler check the two agree.
 */
export const LOBBY_SCREEN = LOBBY;

/**
 * @param screenId the venue id of a door display, or LOBBY ('lobby') for the lobby board.
 * @param now the server clock (epoch ms).
 * Urgent first, then in the order staff created them.
 */
export function announcementsFor(
  announcements: readonly Announcement[],
  screenId: string,
  now: number,
): Announcement[] {
  const visible = announcements.filter(
    (a) => addressedTo(a, screenId) && !hasExpired(a, now),
  );
  // Array.prototype.sort is stable, so creation order survives within a severity.
  return visible.sort((a, b) => severityRank(a) - severityRank(b));
}

function addressedTo(announcement: Announcement, screenId: string): boolean {
  const targets = announcement.venueIds;
  return !targets || targets.length === 0 || targets.includes(screenId);
}

function hasExpired(announcement: Announcement, now: number): boolean {
  if (!announcement.expiresAt) return false;
  const expiry = Date.parse(announcement.expiresAt);
  return !Number.isNaN(expiry) && expiry <= now;
}

function severityRank(announcement: Announcement): number {
  return announcement.severity === 'urgent' ? 0 : 1;
}
