/** Limits and timings the server enforces and the browsers must respect, defined once. */

/** The largest programme file an import accepts (the panel refuses bigger ones before sending). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/**
 * A screen may ask to be caught up at most this often; extra requests are dropped, so no socket
 * can make the server send snapshot after snapshot.
 */
export const RESYNC_INTERVAL_MS = 2_000;

/** How long a screen waits before asking again for the same gap: longer than the server's interval, so a real retry is never dropped. */
export const RESYNC_RETRY_MS = RESYNC_INTERVAL_MS + 1_000;
