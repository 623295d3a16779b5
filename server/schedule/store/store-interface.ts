/**
 * The persistence boundary of the live schedule. The domain only talks to this interface, so the
 * embedded SQLite store can be replaced by a shared database without touching the operations.
 */
import type { EmergencyTemplateStore } from './emergency-templates.ts';
import type { Schedule } from '../../../shared/model.ts';
import type { Delta, DeltaOp, JournalEntry } from '../../../shared/protocol.ts';
import type { IdempotencyClaim, IdempotencyStore } from './idempotency-keys.ts';
import type { FeedRecordStore } from '../../interchange/feeds/feed-records.ts';

/** A journal entry as kept on disk: what the change did and how to revert it. */
export interface StoredJournalEntry extends JournalEntry {
  delta: Delta;
  /** The state the change replaced, as ops that restore it (see domain/change.ts). */
  inverse: DeltaOp[];
}

/** One accepted change, written atomically: state rows, journal row and revision together. */
export interface StoredChange {
  /** delta.revision must be the stored revision + 1. */
  delta: Delta;
  entry: JournalEntry;
  inverse: DeltaOp[];
  /** The Idempotency-Key of the request that made the change, claimed in the same transaction. */
  idempotency?: IdempotencyClaim | undefined;
}

/**
 * A commit whose revision another writer (another node on the same database) took first: nothing
 * was written; the service catches up from the journal and runs the operation again.
 */
export class RevisionTakenError extends Error {
  constructor(
    readonly revision: number,
    readonly stored: number | undefined,
  ) {
    super(`revision ${revision} does not follow the stored revision ${stored}`);
    this.name = 'RevisionTakenError';
  }
}

/**
 * Asynchronous, so a networked database (PostgreSQL) can sit behind it as well as the embedded
 * SQLite file. Every method resolves only once its work is durable.
 */
export interface ScheduleStore {
  /** The persisted schedule, or null when the store has never been seeded. */
  load(): Promise<Schedule | null>;
  /**
   * Writes the initial schedule of an empty store (no journal entry). A schedule without a
   * scheduleId gets a fresh one, which load() returns.
   */
  seed(schedule: Schedule): Promise<void>;
  /**
   * Persists one change in a single durable transaction; when entry.undoes is set, the undone
   * entry is marked in the same transaction. Throws (and writes nothing) on any failure:
   * RevisionTakenError when delta.revision is not the stored revision + 1.
   */
  commit(change: StoredChange): Promise<void>;
  /**
   * One change decided under the store's write lock, on a store several processes write
   * (PostgreSQL: the meta row, locked by the transaction's first statement). `decide` gets the
   * stored revision once the lock is held, brings the caller's copy up to it, and returns the
   * change for the next revision, or null to write nothing; writers elsewhere wait meanwhile, so
   * no change is ever decided on a state about to be outdated. Resolves with what was committed.
   */
  commitLocked?(decide: (stored: number) => Promise<StoredChange | null>): Promise<StoredChange | null>;
  entry(revision: number): Promise<StoredJournalEntry | undefined>;
  /** Entries with a revision above the given one, oldest first. */
  journalSince(revision: number, limit?: number): Promise<StoredJournalEntry[]>;
  /** The deltas of at most `limit` entries above the given revision, oldest first (nothing else is read). */
  deltasSince(revision: number, limit: number): Promise<Delta[]>;
  /** Prepared emergency messages; a store without them offers none. */
  readonly emergencyTemplates?: EmergencyTemplateStore;
  /** Answers to writes sent with an Idempotency-Key; a store without one does not replay them. */
  readonly idempotency?: IdempotencyStore;
  /** The live feeds' records, in the same database; a store without one keeps them in memory. */
  readonly feeds?: FeedRecordStore;
  /**
   * Calls back with the revision of each commit another process made (PostgreSQL LISTEN/NOTIFY);
   * absent on a store only this process writes. Returns a function that stops watching.
   */
  watch?(onCommitted: (revision: number) => void, onReconnected: () => void): () => void;
  close(): Promise<void>;
}
