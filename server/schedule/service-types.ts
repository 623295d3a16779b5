/**
 * The contract between the domain (schedule operations, journal, persistence) and its callers
 * (HTTP routes, socket handlers, timers). Callers validate input with the schemas in
 * shared/commands.ts first; the service enforces the domain rules (clashes, versions, undo).
 */
import type { ImportCounts, ImportPlan } from '../../shared/import-plan.ts';
import type { Announcement, Emergency, Schedule, ScheduleSettings, Session, Venue } from '../../shared/model.ts';
import type { Delta, JournalEntry } from '../../shared/protocol.ts';
import type { JournalParams } from '../../shared/journal-params.ts';
import type {
  AnnouncementInput,
  DelayInput,
  EmergencyInput,
  NewSessionInput,
  SessionPatch,
  SettingsPatch,
  VenuePatch,
} from '../../shared/commands.ts';
import type { UndoOptions } from './undo.ts';

/** Who made a change: a staff account's username, or "system" for automatic changes such as expiry. */
export interface Actor {
  name: string;
  /** The person's display name, recorded beside the username in the journal. */
  displayName?: string;
  /** The Idempotency-Key of the request, stored in the change's own transaction. */
  idempotency?: import('./store/idempotency-keys.ts').IdempotencyClaim | undefined;
}

/** The outcome of one accepted change: committed to disk before this is returned. */
export interface ChangeResult<T> {
  revision: number;
  value: T;
  delta: Delta;
  entry: JournalEntry;
  /**
   * True for a change this node committed; false for one another node of the cluster committed
   * and this node learnt from the shared journal (its value is then unknown here).
   */
  local: boolean;
}

export type ChangeListener = (change: ChangeResult<unknown>) => void;

export interface ScheduleService {
  /** The live schedule (do not mutate). */
  schedule(): Schedule;
  revision(): number;

  createSession(input: NewSessionInput, actor: Actor): Promise<ChangeResult<Session>>;
  updateSession(id: string, patch: SessionPatch, actor: Actor): Promise<ChangeResult<Session>>;
  /** Delay by N minutes, optionally shifting the later sessions of the same room that day. */
  delaySession(id: string, input: DelayInput, actor: Actor): Promise<ChangeResult<Session[]>>;
  deleteSession(id: string, actor: Actor, expectedVersion?: number): Promise<ChangeResult<{ id: string }>>;

  /** Edits a venue's name, building, floor or directions; 404 for an unknown venue. */
  updateVenue(id: string, patch: VenuePatch, actor: Actor): Promise<ChangeResult<Venue>>;
  /** Changes the schedule-wide display settings (the title style). */
  updateSettings(patch: SettingsPatch, actor: Actor): Promise<ChangeResult<ScheduleSettings>>;

  createAnnouncement(input: AnnouncementInput, actor: Actor): Promise<ChangeResult<Announcement>>;
  deleteAnnouncement(id: string, actor: Actor): Promise<ChangeResult<{ id: string }>>;
  /** `{ text, translations? }`, or just the text. */
  setEmergency(input: EmergencyInput | string, actor: Actor): Promise<ChangeResult<Emergency>>;
  clearEmergency(actor: Actor): Promise<ChangeResult<null>>;

  /** Removes announcements whose expiresAt has passed on the clock; null when none had. */
  expireAnnouncements(): Promise<ChangeResult<string[]> | null>;
  /** Epoch ms of the next announcement expiry, for the timer that calls expireAnnouncements. */
  nextExpiry(): number | null;

  /**
   * Applies an import plan (interchange/import-plan.ts) as one change: one revision, one journal
   * entry. 409 when the schedule has moved on since the plan was made.
   */
  applyImport(plan: ImportPlan, actor: Actor): Promise<ChangeResult<ImportCounts>>;

  /**
   * Records a change that is not to the schedule (an account added, a role changed) as a journal
   * entry of its own: a revision with no schedule ops, which cannot be undone.
   */
  recordAudit(operation: string, summary: string, actor: Actor, params?: JournalParams): Promise<ChangeResult<null>>;

  /**
   * Reverts the change recorded at this revision, as a new change; 409 when it no longer applies.
   * `force` lifts the room-clash refusal only (see undo.ts).
   */
  undo(revision: number, actor: Actor, options?: UndoOptions): Promise<ChangeResult<unknown>>;

  /**
   * Journal entries after the given revision, oldest first, from the recent journal the service
   * keeps in memory (the last RECENT_CHANGES changes, what a reconnecting panel needs); older
   * entries through readJournal.
   */
  journalSince(revision: number, limit?: number): JournalEntry[];
  /** Journal entries after the given revision, oldest first, read from the store (the whole journal). */
  readJournal(revision: number, limit?: number): Promise<JournalEntry[]>;
  /**
   * Deltas after the given revision, oldest first, from the recent journal in memory; null when
   * it no longer covers them or when more than `limit` changes were missed (a snapshot is cheaper).
   */
  deltasSince(revision: number, limit?: number): Delta[] | null;
  /**
   * Brings the in-memory schedule up to the store's latest revision (changes other nodes
   * committed), handing each to the onChange listeners in revision order. Resolves with the revision.
   */
  catchUp(): Promise<number>;
  /** Whether this node runs the once-per-cluster work (expiry, feed polling). */
  leadership(): import('../platform/leadership.ts').Leadership;

  emergencyTemplates?(): import('./store/emergency-templates.ts').EmergencyTemplateStore | undefined;

  /** Answers to writes sent with an Idempotency-Key, in the store's database; undefined when the store has none. */
  idempotency?(): import('./store/idempotency-keys.ts').IdempotencyStore | undefined;
  feedRecords?(): import('../interchange/feeds/feed-records.ts').FeedRecordStore | undefined;

  /**
   * Called after each committed change, in revision order: this node's own and (in a cluster)
   * those of other nodes, told apart by ChangeResult.local. Returns an unsubscribe function.
   */
  onChange(listener: ChangeListener): () => void;
  /** Stops watching the store and closes it (and the leadership). */
  close(): Promise<void>;
}

export interface ScheduleServiceOptions {
  /** Folder that holds the SQLite database (created when missing). */
  dataDir: string;
  /** The programme that seeds an empty store; not called when the store already has data. */
  seed: () => import('../../shared/model.ts').Programme;
  /** The server clock (epoch ms): real or simulated. Expiry and journal times use it. */
  now: () => number;
  /**
   * The persistence to use instead of the SQLite file in dataDir (a shared database later, or a
   * test double). The service closes it on close().
   */
  store?: import('./store/store-interface.ts').ScheduleStore;
  /** Where a failing change listener is reported (the server's logger; silent when left out). */
  logger?: import('../platform/logger.ts').Logger;
  /** Who runs the once-per-cluster work; default: this process alone (soleLeader). Closed with the service. */
  leadership?: import('../platform/leadership.ts').Leadership;
}
