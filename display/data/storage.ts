/**
 * The screen's last known state in localStorage, so a screen that reloads while the server is
 * down still shows its last schedule on the right clock. Corrupt or foreign data, or a schedule
 * that ScheduleSchema refuses, is ignored (the screen then waits for the server) rather than
 * trusted.
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

/**
 * The saved state, checked against the model's schema. Asynchronous because the check (zod) is a
 * chunk of its own, fetched only when something was saved; if that chunk cannot be had (offline
 * with an empty cache) nothing unchecked is trusted.
 */
export async function loadState(store: KeyValueStore | undefined): Promise<PersistedState | null> {
  const value = readSaved(store);
  if (value === undefined) return null;
  try {
    const { checkPersistedState } = await import('./stored-state-check.ts');
    return checkPersistedState(value);
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

/** The parsed JSON saved under our key; undefined when there is none or it is not JSON. */
function readSaved(store: KeyValueStore | undefined): unknown {
  if (!store) return undefined;
  try {
    const raw = store.getItem(KEY);
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined; // storage disabled (privacy mode), or not JSON
  }
}
