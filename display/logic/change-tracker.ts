/**
 * Remembers the version of each session a lobby board first saw, so rows that change while it
 * is on show stay highlighted for a few minutes (real time: long enough for people to notice).
 */

export const HIGHLIGHT_MS = 3 * 60_000;

export interface SeenVersion {
  version: number;
  /** Real epoch ms of the last version increase seen, or null when unchanged since first seen. */
  changedAt: number | null;
}

export type SeenVersions = ReadonlyMap<string, SeenVersion>;

export function trackVersions(
  seen: SeenVersions,
  sessions: readonly { id: string; version: number }[],
  realNow: number,
): Map<string, SeenVersion> {
  const next = new Map(seen);
  for (const { id, version } of sessions) {
    const before = seen.get(id);
    if (!before) next.set(id, { version, changedAt: null });
    else if (version > before.version) next.set(id, { version, changedAt: realNow });
  }
  return next;
}

export function isHighlighted(seen: SeenVersions, id: string, realNow: number, holdMs = HIGHLIGHT_MS): boolean {
  const changedAt = seen.get(id)?.changedAt;
  return changedAt != null && realNow - changedAt < holdMs;
}
