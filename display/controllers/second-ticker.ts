/**
 * Re-renders its host once per second, on the second boundary, while the host is connected,
 * and holds the server-clock instant each render uses (so one render shows one instant).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ClockSource {
  /** The server clock, epoch ms. */
  now(): number;
  /** Milliseconds until the next tick boundary. */
  msToNextTick(): number;
}

// Fire just after the boundary: a timer that lands a hair early would show the old second.
const LATE_MS = 15;

export class SecondTicker implements ReactiveController {
  /** The server-clock instant the current render shows. */
  now: number;
  /** The device's real time at the same moment (for paging and highlights). */
  deviceNow: number;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: ClockSource,
  ) {
    this.now = source.now();
    this.deviceNow = Date.now();
    host.addController(this);
  }

  hostConnected(): void {
    this.tick();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Every render reads the clock afresh, whatever caused it (a tick, a delta, a clock change). */
  hostUpdate(): void {
    this.now = this.source.now();
    this.deviceNow = Date.now();
  }

  private tick = (): void => {
    this.host.requestUpdate();
    // Re-aligned every time, so timer drift never accumulates.
    this.timer = setTimeout(this.tick, this.source.msToNextTick() + LATE_MS);
  };
}
