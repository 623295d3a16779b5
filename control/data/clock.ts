/**
 * The venue clock as the server runs it (real or simulated, at any speed), reproduced in the
 * browser from the server's ClockState and the measured offset between the two machines' clocks.
 */
import type { ClockState } from '../../shared/protocol.ts';

/** Venue clock (epoch ms) at a given server real time, per the ClockState formula in protocol.ts. */
export function venueNow(clock: ClockState, serverRealNow: number): number {
  return clock.anchorClock + (serverRealNow - clock.anchorReal) * clock.speed;
}

/**
 * Offset to add to our clock to get the server's, from one round trip: the server's answer is
 * taken to describe the midpoint between sending and receiving.
 */
export function offsetFromRoundTrip(sentAt: number, serverNow: number, receivedAt: number): number {
  return serverNow - (sentAt + receivedAt) / 2;
}

/** A ClockState from GET /api/clock, before the live channel has sent the real one. */
export function clockFromSnapshot(nowMs: number, speed: number, simulated: boolean, localNow: number): ClockState {
  return { simulated, speed, anchorClock: nowMs, anchorReal: localNow };
}
