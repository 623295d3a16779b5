/**
 * Writes the fleet's records to the store. Staff actions (pair, rename, reassign, forget) are
 * written at once, and only their own record, and are acknowledged once the write is durable
 * (on PostgreSQL, when the transaction committed): they must survive a crash. Reports from screens (last seen, rendered revision, screen size) are many and cheap to
 * lose, so only the records that changed are collected and written every ROUTINE_FLUSH_MS, in
 * transactions of CHUNK_ROWS with a turn of the event loop between them: at 5,000 screens one
 * big transaction held the server's one thread for tens of milliseconds, delaying every delta.
 */
import type { DisplayRecord, DisplayRecordStore } from './display-records.ts';

/** Losing up to this much of "last seen" in a crash is harmless: screens report again on reconnect. */
export const ROUTINE_FLUSH_MS = 20_000;
/** Rows per transaction: a few milliseconds of work, so a delta is never held up for long. */
export const CHUNK_ROWS = 200;

export class FleetWriter {
  /** Records changed since they were last queued for writing. */
  private dirty = new Set<string>();
  /** Ids of the flush in progress, written CHUNK_ROWS at a time from `next`. */
  private queue: string[] = [];
  private next = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chunk: ReturnType<typeof setImmediate> | undefined;

  constructor(
    private readonly store: DisplayRecordStore,
    /** The record to write for an id now, or undefined when it is no longer to be kept. */
    private readonly recordOf: (id: string) => DisplayRecord | undefined,
    private readonly onError: (error: unknown) => void,
    private readonly flushMs = ROUTINE_FLUSH_MS,
    private readonly chunkRows = CHUNK_ROWS,
  ) {}

  /** Schedules a write of this display's record with the next routine flush. */
  later(id: string): void {
    this.dirty.add(id);
    if (this.timer === undefined && this.chunk === undefined) {
      this.timer = setTimeout(() => this.startFlush(), this.flushMs);
      this.timer.unref?.();
    }
  }

  /**
   * Writes this display's record now, alone: a staff change is acknowledged only once this
   * settles, and a failure reaches the caller (who undoes the change) instead of the log.
   */
  now(id: string): Promise<void> {
    this.dirty.delete(id);
    const record = this.recordOf(id);
    return record ? this.store.save([record]) : Promise.resolve();
  }

  /** Removes these records now (a staff "forget"); a failure reaches the caller. */
  removeNow(ids: string[]): Promise<void> {
    for (const id of ids) this.dirty.delete(id);
    return this.store.remove(ids);
  }

  /** Removes records nobody waits for (pruned and ghost screens); a failure is only logged. */
  remove(ids: string[]): void {
    this.guard(() => this.removeNow(ids));
  }

  /** Starts writing everything pending at once (on close: nothing may be left behind). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.chunk !== undefined) clearImmediate(this.chunk);
    this.chunk = undefined;
    const ids = [...this.queue.slice(this.next), ...this.dirty];
    this.queue = [];
    this.next = 0;
    this.dirty = new Set();
    this.write(ids);
  }

  private startFlush(): void {
    this.timer = undefined;
    this.queue = [...this.dirty];
    this.next = 0;
    this.dirty = new Set();
    this.writeChunk();
  }

  private writeChunk(): void {
    this.chunk = undefined;
    const ids = this.queue.slice(this.next, this.next + this.chunkRows);
    this.next += ids.length;
    this.write(ids);
    if (this.next < this.queue.length) {
      // Let sockets and requests in between chunks.
      this.chunk = setImmediate(() => this.writeChunk());
      return;
    }
    this.queue = [];
    this.next = 0;
    // Reports that arrived during this flush wait for the next one.
    if (this.dirty.size > 0) {
      this.timer = setTimeout(() => this.startFlush(), this.flushMs);
      this.timer.unref?.();
    }
  }

  private write(ids: string[]): void {
    // Looked up at write time: a record forgotten or pruned meanwhile is not written back.
    const records = ids.flatMap((id) => this.recordOf(id) ?? []);
    this.guard(() => this.store.save(records));
  }

  private guard(write: () => Promise<void>): void {
    // The fleet is bookkeeping: a failed write must never take a screen's connection down.
    // (The SQLite store writes before its promise settles; a networked one finishes later.)
    write().catch(this.onError);
  }
}
