/**
 * The clock arithmetic the server, the screens and the control panel share, as pure functions.
 *
 * Two corrections stack: a browser's clock may differ from the server's real clock (an offset
 * measured by `time:sync` round trips), and the server's clock may be simulated (ClockState: an
 * anchor and a speed). A screen that loses the network keeps both, so it keeps turning over at
 * the right second.
 */
import type { ClockState } from './protocol.ts';

/**
 * The clock (venue instant, epoch ms) at a server real time, per the ClockState formula in
 * protocol.ts. Without a clock model yet, the server runs on real time. Floored, so the server
 * and every browser turn over at the same millisecond.
 */
export function clockAt(clock: ClockState | null, serverReal: number): number {
  if (!clock) return serverReal;
  return Math.floor(clock.anchorClock + (serverReal - clock.anchorReal) * clock.speed);
}

/** A ClockState from GET /api/clock's reading, until the live channel sends the server's own. */
export function clockFromSnapshot(nowMs: number, speed: number, simulated: boolean, localNow: number): ClockState {
  return { simulated, speed, anchorClock: nowMs, anchorReal: localNow };
}

/** One `time:sync` round trip. */
export interface SyncSample {
  /** serverReal - localNow, in ms: add it to the local clock to get the server's. */
  offset: number;
  /** Round-trip time in ms: the uncertainty of the offset is at most half of it. */
  rtt: number;
}

/**
 * The offset a round trip gives, assuming the server read its clock halfway through the trip
 * (the classic NTP/Cristian estimate).
 */
export function syncSample(sentAt: number, serverNow: number, receivedAt: number): SyncSample {
  const rtt = Math.max(0, receivedAt - sentAt);
  return { offset: serverNow + rtt / 2 - receivedAt, rtt };
}

/** The sample with the smallest round trip: the least delayed by queues, so the most accurate. */
export function bestSample(samples: readonly SyncSample[]): SyncSample | undefined {
  let best: SyncSample | undefined;
  for (const sample of samples) if (!best || sample.rtt < best.rtt) best = sample;
  return best;
}

/** The server's real epoch ms, estimated from the local clock and the measured offset. */
export function serverRealNow(localNow: number, offset: number): number {
  return localNow + offset;
}

/** Milliseconds until the next whole second of a clock reading, so ticks land on the boundary. */
export function msToNextSecond(now: number): number {
  const into = ((now % 1000) + 1000) % 1000;
  return 1000 - into;
}
