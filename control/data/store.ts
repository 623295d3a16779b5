/**
 * The panel's live copy of the server state: schedule (patched with the shared applyDelta, the
 * same function the server and the screens use), journal, display fleet and clock. Components read
 * it and re-render on its "change" event.
 */
import type { Schedule, Session } from '../../shared/model.ts';
import { applyDelta } from '../../shared/apply.ts';
import type { ClockState, Delta, DisplayStatus, JournalEntry } from '../../shared/protocol.ts';
import { clockAt } from '../../shared/clock.ts';
import { classifyDelta } from '../../shared/revisions.ts';

/** How many journal entries the panel keeps in memory (the server keeps them all). */
export const JOURNAL_LIMIT = 500;

export class ControlStore extends EventTarget {
  schedule: Schedule | null = null;
  /** Oldest first. */
  journal: JournalEntry[] = [];
  displays: DisplayStatus[] = [];
  clock: ClockState | null = null;
  /** Server real time minus our real time, from the time:sync round trip. */
  clockOffset = 0;
  private revisionWaiters: Array<{ revision: number; resolve: () => void }> = [];

  get revision(): number {
    return this.schedule?.revision ?? 0;
  }

  get timezone(): string {
    return this.schedule?.timezone ?? 'UTC';
  }

  session(id: string): Session | undefined {
    return this.schedule?.sessions.find((s) => s.id === id);
  }

  /** Venue clock now (epoch ms), following the server's real or simulated clock. */
  now(): number {
    return clockAt(this.clock, Date.now() + this.clockOffset);
  }

  setSchedule(schedule: Schedule): void {
    // A snapshot older than what we hold (a slow GET racing a socket delta) must not roll us back;
    // one of another schedule (the server's data directory was wiped or replaced) replaces ours.
    const held = this.schedule;
    if (held && schedule.scheduleId === held.scheduleId && schedule.revision < held.revision) return;
    this.schedule = schedule;
    this.changed();
  }

  /** Returns false when the delta leaves a gap: the caller then fetches a fresh snapshot. */
  applyDelta(delta: Delta): boolean {
    if (!this.schedule) return false;
    const disposition = classifyDelta(this.schedule.revision, delta.revision);
    if (disposition === 'gap') return false;
    // A replay of what we already hold must not roll the copy back.
    if (disposition === 'stale') return true;
    this.schedule = applyDelta(this.schedule, delta);
    this.changed();
    return true;
  }

  setJournal(entries: JournalEntry[]): void {
    const byRevision = new Map<number, JournalEntry>();
    for (const entry of [...this.journal, ...entries]) byRevision.set(entry.revision, entry);
    this.journal = [...byRevision.values()].sort((a, b) => a.revision - b.revision).slice(-JOURNAL_LIMIT);
    this.changed();
  }

  addJournalEntry(entry: JournalEntry): void {
    // An undo marks the entry it reverted, so its Undo button goes away without a refetch.
    const marked = entry.undoes === undefined
      ? this.journal
      : this.journal.map((e) => (e.revision === entry.undoes ? { ...e, undoneBy: entry.revision } : e));
    this.journal = marked;
    this.setJournal([entry]);
  }

  setDisplays(displays: DisplayStatus[]): void {
    this.displays = displays;
    this.changed();
  }

  setClock(clock: ClockState, offset = this.clockOffset): void {
    this.clock = clock;
    this.clockOffset = offset;
    this.changed();
  }

  /** Resolves once the live copy holds this revision (a write's acknowledgement). */
  waitForRevision(revision: number): Promise<void> {
    if (this.revision >= revision) return Promise.resolve();
    return new Promise((resolve) => this.revisionWaiters.push({ revision, resolve }));
  }

  private changed(): void {
    const ready = this.revisionWaiters.filter((w) => w.revision <= this.revision);
    this.revisionWaiters = this.revisionWaiters.filter((w) => w.revision > this.revision);
    for (const waiter of ready) waiter.resolve();
    this.dispatchEvent(new Event('change'));
  }
}
