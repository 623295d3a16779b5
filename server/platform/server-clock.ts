/**
 * The server clock: real time, or a simulated one that starts at a chosen instant and runs at a
 * chosen speed (rehearsals, demos, tests). Everything that asks "what time is it" on the server
 * (announcement expiry, journal times, GET /api/clock) asks this clock, and screens reproduce it
 * from its ClockState, so a time warp moves every screen at once.
 */
import { clockAt } from '../../shared/clock.ts';
import type { ClockState } from '../../shared/protocol.ts';

export interface ClockSettings {
  /** Clock time (epoch ms) to continue from now, or 'real' to return to real time. */
  time?: number | 'real';
  /** Clock ms per real ms; 0 freezes the clock. */
  speed?: number;
}

export type ClockListener = (state: ClockState) => void;

export const MAX_SPEED = 10_000;

export class ServerClock {
  private current: ClockState;
  private readonly listeners = new Set<ClockListener>();

  /** realNow is injectable so unit tests can drive real time by hand. */
  constructor(
    settings: ClockSettings = {},
    private readonly realNow: () => number = Date.now,
  ) {
    this.current = ServerClock.compute(
      { simulated: false, speed: 1, anchorReal: 0, anchorClock: 0 },
      settings,
      realNow(),
    );
  }

  now(): number {
    return clockAt(this.current, this.realNow());
  }

  state(): ClockState {
    return { ...this.current };
  }

  /** Applies a time warp or speed change from the current instant and tells every listener. */
  set(settings: ClockSettings): ClockState {
    this.current = ServerClock.compute(this.current, settings, this.realNow(), this.now());
    const state = this.state();
    for (const listener of this.listeners) listener(state);
    return state;
  }

  onChange(listener: ClockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private static compute(previous: ClockState, settings: ClockSettings, real: number, clockNow = real): ClockState {
    const speed = settings.speed ?? (settings.time === 'real' ? 1 : previous.speed);
    if (!(speed >= 0 && speed <= MAX_SPEED)) throw new RangeError(`speed must be between 0 and ${MAX_SPEED}`);
    const backToReal = settings.time === 'real' || (!previous.simulated && settings.time === undefined);
    // Real time at normal speed is the one unsimulated state; any other combination is a simulation.
    if (backToReal && speed === 1) return { simulated: false, speed: 1, anchorReal: real, anchorClock: real };
    const anchorClock = typeof settings.time === 'number' ? settings.time : settings.time === 'real' ? real : clockNow;
    return { simulated: true, speed, anchorReal: real, anchorClock };
  }
}
