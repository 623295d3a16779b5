/**
 * The venue clock before the live channel has sent the server's ClockState. The arithmetic
 * itself (clock at an instant, offset from a round trip) is shared: shared/clock.ts.
 */
import type { ClockState } from '../../shared/protocol.ts';

/** A ClockState from GET /api/clock, before the live channel has sent the real one. */
export function clockFromSnapshot(nowMs: number, speed: number, simulated: boolean, localNow: number): ClockState {
  return { simulated, speed, anchorClock: nowMs, anchorReal: localNow };
}
