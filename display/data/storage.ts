/**
 * The screen's last known state in localStorage, so a screen that reloads while the server is
 * down still shows its last schedule on the right clock. Corrupt or foreign data is ignored
 * (the screen then waits for the server) rather than trusted.
 */
import type { Schedule } from '../../shared/model.ts';
import type { ClockState } from '../../shared/protocol.ts';

export interface PersistedState {
  schedule: Schedule;
  clock: ClockState | null;
  /** Measured serverReal - deviceNow, ms. */
  offset: number;
}

/** The part of Storage we use, so tests can pass a Map-backed fake. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

const KEY = 'signage:last-state:v1';

export function loadState(store: KeyValueStore | undefined): PersistedState | null {
  if (!store) return null;
  let raw: string | null;
  try {
    raw = store.getItem(KEY);
  } catch {
    return null; // storage disabled (privacy mode)
  }
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isPersistedState(value) ? value : null;
  } catch {
    return null;
  }
}

export function saveState(store: KeyValueStore | undefined, state: PersistedState): void {
  if (!store) return;
  try {
    store.setItem(KEY, JSON.stringify(state));
  } catch {
    // Quota or disabled storage: the screen still works, it just cannot survive a reload offline.
  }
}

function isPersistedState(value: unknown): value is PersistedState {
  if (!isObject(value) || typeof value.offset !== 'number') return false;
  const { schedule, clock } = value;
  if (clock !== null && !isClockState(clock)) return false;
  return (
    isObject(schedule) &&
    typeof schedule.revision === 'number' &&
    typeof schedule.timezone === 'string' &&
    Array.isArray(schedule.venues) &&
    Array.isArray(schedule.sessions) &&
    Array.isArray(schedule.announcements) &&
    'emergency' in schedule
  );
}

function isClockState(value: unknown): value is ClockState {
  return (
    isObject(value) &&
    typeof value.simulated === 'boolean' &&
    typeof value.speed === 'number' &&
    typeof value.anchorReal === 'number' &&
    typeof value.anchorClock === 'number'
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
