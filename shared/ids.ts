/**
 * Identifier rules and constants with no dependencies, so browser bundles can use them without
 * pulling in zod (shared/model.ts builds its schemas on them).
 */

/** Short, URL-safe venue id derived from a venue name: CR3, M0E79, Plenary. */
export const VENUE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The pseudo-venue id that addresses lobby monitors in Announcement.venueIds. */
export const LOBBY = 'lobby';
