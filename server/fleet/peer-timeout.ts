/**
 * How long a cluster node may stay silent before the others take it for dead (SIGKILL, power,
 * network) and show its screens offline (`--peer-timeout`). Shorter notices a dead node sooner; too
 * short takes a node that is only slow (a reconnect storm, a long Redis round trip) for dead, and
 * its screens flicker offline. Kept apart from fleet.ts so that reading the options imports no fleet.
 */
export const PEER_TIMEOUT_MS = 6_000;
export const MIN_PEER_TIMEOUT_MS = 1_000;
export const MAX_PEER_TIMEOUT_MS = 60_000;
/** A node says it is alive this many times per timeout: dead = that many heartbeats missed. */
export const HEARTBEATS_PER_TIMEOUT = 3;

/** Why this cannot be the peer timeout (undefined when it can). */
export function peerTimeoutProblem(ms: number): string | undefined {
  if (Number.isInteger(ms) && ms >= MIN_PEER_TIMEOUT_MS && ms <= MAX_PEER_TIMEOUT_MS) return undefined;
  return `must be between ${MIN_PEER_TIMEOUT_MS / 1000}s and ${MAX_PEER_TIMEOUT_MS / 1000}s`;
}

/**
 * How long a node waits for a peer's next message before taking it for dead: its own timeout, or
 * the peer's if that is longer. A peer beats three times per *its* timeout, so a node at 6 s judging
 * one at 60 s (a beat every 20 s) by its own would drop it between every two beats. A value that is
 * no timeout (from a node of another version) counts as not said.
 */
export function silenceAllowedMs(ownMs: number, peerMs: number | undefined): number {
  if (peerMs === undefined || peerTimeoutProblem(peerMs) !== undefined) return ownMs;
  return Math.max(ownMs, peerMs);
}
