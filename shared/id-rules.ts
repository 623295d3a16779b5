/**
 * Identifier rules and constants with no dependencies, so browser bundles can use them without
 * pulling in zod (shared/model.ts builds its schemas on them).
 */

/** Short, URL-safe venue id derived from a venue name: CR3, M0E79, Plenary. */
export const VENUE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The pseudo-venue id that addresses lobby monitors in Announcement.venueIds. */
export const LOBBY = 'lobby';

/**
 * A schedule's identity: made when a data directory is seeded, so a screen holding revision 12 of
 * another (wiped, re-seeded) schedule is sent a snapshot instead of deltas 13… of this one.
 */
export const SCHEDULE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
