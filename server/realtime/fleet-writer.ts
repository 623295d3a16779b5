/**
 * Writes the fleet's records to the store. Staff actions (pair, rename, reassign, forget) are
 * written at once, before they are acknowledged. Reports from screens (last seen, rendered
 * revision, screen size) are many and cheap to lose, so they are collected and written together
 * at most once per FLUSH_MS: a reconnect storm of a thousand screens costs a handful of
 * transactions, not a thousand durable commits on the server's one thread.
 */
import type { DisplayRecord, DisplayRecordStore } from '../store/display-records.ts';

export const FLUSH_MS = 1000;

export class FleetWriter {
  private readonly dirty = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly store: DisplayRecordStore,
    /** The record to write for an id now, or undefined when it is no longer to be kept. */
    private readonly recordOf: (id: string) => DisplayRecord | undefined,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Schedules a write of this display's record. */
  later(id: string): void {
    this.dirty.add(id);
    if (this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), FLUSH_MS);
      this.timer.unref?.();
    }
  }

  /** Writes this display's record now (and whatever else was waiting). */
  now(id: string): void {
    this.dirty.add(id);
    this.flush();
  }

  remove(ids: string[]): void {
    for (const id of ids) this.dirty.delete(id);
    this.guard(() => this.store.remove(ids));
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const records = [...this.dirty].flatMap((id) => this.recordOf(id) ?? []);
    this.dirty.clear();
    this.guard(() => this.store.save(records));
  }

  private guard(write: () => void): void {
    try {
      write();
    } catch (error) {
      // The fleet is bookkeeping: a failed write must never take a screen's connection down.
      this.onError(error);
    }
  }
}
