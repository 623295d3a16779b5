/**
 * Lobby paging arithmetic: how many fixed-height rows fit, how many pages that makes, and which
 * page shows when. The page follows the device's real clock (not the possibly fast simulated
 * one), so every lobby screen turns pages at the same legible pace.
 */

export const PAGE_PERIOD_MS = 10_000;

/** Whole rows that fit in the available height; at least one, so something always shows. */
export function rowsPerPage(availablePx: number, rowPx: number): number {
  if (!(rowPx > 0) || !(availablePx > 0)) return 1;
  return Math.max(1, Math.floor(availablePx / rowPx));
}

export function pageCount(rowCount: number, perPage: number): number {
  return Math.max(1, Math.ceil(rowCount / Math.max(1, perPage)));
}

/** Zero-based page shown at a real instant: one page per period, round and round. */
export function pageAt(realNow: number, pages: number, periodMs = PAGE_PERIOD_MS): number {
  if (pages <= 1) return 0;
  return Math.floor(realNow / periodMs) % pages;
}

export function pageSlice<T>(rows: readonly T[], page: number, perPage: number): T[] {
  const start = page * perPage;
  return rows.slice(start, start + perPage);
}

/** A whole cycle through all pages takes at most this long: nobody waits long for their row. */
export const LOBBY_CYCLE_MS = 30_000;

/** Time per page: the usual period, shortened when many pages would make the cycle too long. */
export function cyclePeriod(pages: number): number {
  return Math.min(PAGE_PERIOD_MS, LOBBY_CYCLE_MS / Math.max(1, pages));
}
