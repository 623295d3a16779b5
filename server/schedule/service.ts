/**
 * The live schedule service: the one writer of the schedule. Each accepted change goes
 *   operation (pure: checks the rules, describes the change as delta ops)
 *   → one store transaction (state rows + journal row + revision)
 *   → the in-memory schedule (through applyDelta, exactly as screens apply it)
 *   → onChange listeners (realtime broadcast, control panel)
 * so nothing is acknowledged or broadcast before it is on disk, and a failed commit leaves
 * memory untouched. Writes run one at a time. On a store other nodes also write (PostgreSQL), each
 * operation runs under the store's write lock, after catching up from the shared journal to the
 * revision stored then, so its checks (expectedVersion, clashes) see the latest state and writes
 * from several nodes queue in the database instead of retrying.
 */

import { applyDelta } from '../../shared/apply.ts';
import type { Schedule } from '../../shared/model.ts';
import type { Delta } from '../../shared/protocol.ts';
import { soleLeader } from '../platform/leadership.ts';
import type { ScheduleStore, StoredChange, StoredJournalEntry } from './store/store-interface.ts';
import { toVenueIso } from '../../shared/time.ts';
import { newScheduleId } from './store/schedule-id.ts';
import { openSqliteStore } from './store/sqlite-store.ts';
import * as announcements from './announcements.ts';
import { inverseOf, type Context, type PendingChange } from './change.ts';
import { delaySession } from './delay.ts';
import { clearEmergency, setEmergency } from './emergency.ts';
import { importChange } from '../interchange/import-plan.ts';
import { newEntry, publicEntry } from './journal.ts';
import { scheduleFromProgramme } from './seed.ts';
import { createSession, deleteSession, updateSession } from './sessions.ts';
import type { Actor, ChangeListener, ChangeResult, ScheduleService, ScheduleServiceOptions } from './service-types.ts';
import { undoChange } from './undo.ts';
import { updateSettings, updateVenue } from './venues.ts';
import { ConflictError } from '../platform/errors.ts';

/** An operation decides a change on the schedule it is given (null: nothing to change). */
type Operation<T> = (ctx: Context) => PendingChange<T> | null | Promise<PendingChange<T> | null>;

/**
 * How many recent changes the service keeps in memory with their deltas: at least what a
 * reconnecting screen replays (realtime/catch-up.ts MAX_REPLAY) and a panel gets (RECENT_JOURNAL
 * in control-namespace.ts), so neither waits for the database.
 */
export const RECENT_CHANGES = 250;
/** A missed notification costs at most this much latency: the journal is read again this often. */
export const GAP_FILL_MS = 2_000;
/** Journal entries read per query while catching up. */
const CATCH_UP_PAGE = 200;

export async function openScheduleService(options: ScheduleServiceOptions): Promise<ScheduleService> {
  const store = options.store ?? openSqliteStore(options.dataDir);
  const leadership = options.leadership ?? soleLeader();
  let schedule: Schedule;
  let recent: StoredJournalEntry[];
  try {
    schedule = (await store.load()) ?? (await seedStore());
    recent = await store.journalSince(Math.max(0, schedule.revision - RECENT_CHANGES));
  } catch (error) {
    await store.close();
    throw error;
  }

  async function seedStore(): Promise<Schedule> {
    // Seeding is revision 0 and not a journal entry: the journal records what staff changed.
    // The fresh id tells screens that revisions of any earlier schedule mean nothing here.
    const initial: Schedule = { ...scheduleFromProgramme(options.seed()), scheduleId: newScheduleId() };
    try {
      await store.seed(initial);
    } catch (error) {
      // Another node seeded the shared database first: its schedule is the one.
      const seeded = await store.load();
      if (seeded) return seeded;
      throw error;
    }
    return initial;
  }

  const listeners = new Set<ChangeListener>();
  const pendingNotifications: ChangeResult<unknown>[] = [];
  let notifying = false;
  let closed = false;
  /** The write (or catch-up) in progress: each waits for the one before. */
  let queue: Promise<unknown> = Promise.resolve();

  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  }

  /** Delivers changes in revision order, even when a listener itself makes a change. */
  function notify(result: ChangeResult<unknown>): void {
    pendingNotifications.push(result);
    if (notifying) return;
    notifying = true;
    try {
      for (let next = pendingNotifications.shift(); next; next = pendingNotifications.shift()) {
        for (const listener of [...listeners]) {
          try {
            listener(next);
          } catch (error) {
            // The change is committed; a failing listener must not make it look refused.
            options.logger?.error('schedule change listener failed', error, { revision: next.revision });
          }
        }
      }
    } finally {
      notifying = false;
    }
  }

  /** The committed change becomes the live schedule and joins the recent journal. */
  function remember(stored: StoredJournalEntry): void {
    schedule = applyDelta(schedule, stored.delta);
    if (stored.undoes !== undefined) {
      const undone = recent.find((entry) => entry.revision === stored.undoes);
      if (undone) undone.undoneBy = stored.revision;
    }
    recent.push(stored);
    if (recent.length > RECENT_CHANGES) recent.splice(0, recent.length - RECENT_CHANGES);
  }

  /** Applies what other nodes committed since this node's revision, in order. */
  async function pullCommitted(): Promise<void> {
    for (;;) {
      const entries = await store.journalSince(schedule.revision, CATCH_UP_PAGE);
      for (const stored of entries) {
        // Revisions are assigned under the meta row's lock, so what is visible has no holes.
        if (stored.revision !== schedule.revision + 1) {
          throw new Error(`the journal skips from revision ${schedule.revision} to ${stored.revision}`);
        }
        remember(stored);
        notify({
          revision: stored.revision,
          value: undefined,
          delta: stored.delta,
          entry: publicEntry(stored),
          local: false,
        });
      }
      if (entries.length < CATCH_UP_PAGE) return;
    }
  }

  const shared = store.watch !== undefined;
  function catchUp(): Promise<number> {
    return exclusive(async () => {
      if (!closed && shared) await pullCommitted();
      return schedule.revision;
    });
  }
  const reportCatchUp = (error: unknown) => options.logger?.error('cannot catch up from the journal', error);
  const stopWatching = store.watch?.(
    (revision) => {
      if (revision > schedule.revision) catchUp().catch(reportCatchUp);
    },
    () => catchUp().catch(reportCatchUp),
  );
  const gapFill = shared ? setInterval(() => catchUp().catch(reportCatchUp), GAP_FILL_MS) : undefined;
  gapFill?.unref();

  function context(): Context {
    if (closed) throw new Error('the schedule service is closed');
    return { schedule, now: options.now() };
  }

  /** The rows of a change to the schedule as it is now: the next revision, its journal entry and undo. */
  function storedChange<T>(ctx: Context, change: PendingChange<T>, actor: Actor): StoredChange {
    const revision = schedule.revision + 1;
    const delta: Delta = { revision, ops: change.ops };
    const entry = newEntry(revision, toVenueIso(ctx.now, schedule.timezone), actor, change);
    return { delta, entry, inverse: inverseOf(schedule, change.ops), idempotency: actor.idempotency };
  }

  /** A committed change becomes the live schedule, then its listeners hear of it. */
  function committed<T>({ delta, entry, inverse }: StoredChange, change: PendingChange<T>): ChangeResult<T> {
    remember({ ...entry, delta, inverse });
    const result: ChangeResult<T> = { revision: delta.revision, value: change.value, delta, entry, local: true };
    notify(result);
    return result;
  }

  async function decide<T>(ctx: Context, operation: Operation<T>): Promise<PendingChange<T> | null> {
    try {
      return await operation(ctx);
    } catch (error) {
      throw withLastEditor(error);
    }
  }

  /**
   * Runs one operation on the latest state and commits it. `operation` may return null when
   * there is nothing to change (expiry with nothing expired).
   */
  function run<T>(actor: Actor, operation: Operation<T>): Promise<ChangeResult<T> | null> {
    return exclusive(async () => {
      context(); // refuses at once once the service is closed, before any lock is taken
      if (store.commitLocked) return runLocked(actor, operation, store.commitLocked.bind(store));
      const ctx = context();
      const change = await decide(ctx, operation);
      if (!change) return null;
      const stored = storedChange(ctx, change, actor);
      await store.commit(stored);
      return committed(stored, change);
    });
  }

  /**
   * On a store other nodes write: the operation runs once this node holds the store's write lock,
   * on the schedule caught up to the revision stored then, so its checks (expectedVersion,
   * clashes) see the latest state and a write from another node waits instead of racing it.
   */
  async function runLocked<T>(
    actor: Actor,
    operation: Operation<T>,
    commitLocked: NonNullable<ScheduleStore['commitLocked']>,
  ): Promise<ChangeResult<T> | null> {
    let change: PendingChange<T> | null = null;
    const stored = await commitLocked(async (revision) => {
      await pullCommitted();
      if (schedule.revision !== revision) {
        throw new Error(`the journal ends at revision ${schedule.revision}, the store holds ${revision}`);
      }
      const ctx = context();
      change = await decide(ctx, operation);
      return change && storedChange(ctx, change, actor);
    });
    return stored && change && committed(stored, change);
  }

  async function change<T>(actor: Actor, operation: (ctx: Context) => PendingChange<T> | Promise<PendingChange<T>>) {
    return (await run(actor, operation))!;
  }

  /**
   * A stale-version refusal names who made the change the client had not seen, so the panel can
   * say "Already delayed to 13:10 by Ana" instead of a bare "changed meanwhile".
   */
  function withLastEditor(error: unknown): unknown {
    if (!(error instanceof ConflictError) || error.details?.reason !== 'stale') return error;
    const session = error.details.session as { id?: string } | undefined;
    const last = [...recent].reverse().find((entry) => entry.sessionId === session?.id);
    if (last) Object.assign(error.details, { changedBy: last.actor, changedAt: last.at, change: last.summary });
    return error;
  }

  const SYSTEM: Actor = { name: 'system' };

  return {
    schedule: () => schedule,
    revision: () => schedule.revision,

    createSession: (input, actor) => change(actor, (ctx) => createSession(ctx, input)),
    updateSession: (id, patch, actor) => change(actor, (ctx) => updateSession(ctx, id, patch)),
    delaySession: (id, input, actor) => change(actor, (ctx) => delaySession(ctx, id, input)),
    deleteSession: (id, actor, expectedVersion) => change(actor, (ctx) => deleteSession(ctx, id, expectedVersion)),

    createAnnouncement: (input, actor) => change(actor, (ctx) => announcements.createAnnouncement(ctx, input)),
    deleteAnnouncement: (id, actor) => change(actor, (ctx) => announcements.deleteAnnouncement(ctx, id)),
    updateVenue: (id, patch, actor) => change(actor, (ctx) => updateVenue(ctx, id, patch)),
    updateSettings: (patch, actor) => change(actor, (ctx) => updateSettings(ctx, patch)),

    setEmergency: (input, actor) => change(actor, (ctx) => setEmergency(ctx, input)),
    clearEmergency: (actor) => change(actor, (ctx) => clearEmergency(ctx)),

    expireAnnouncements: () => run(SYSTEM, (ctx) => announcements.expireAnnouncements(ctx)),
    nextExpiry: () => announcements.nextExpiry({ schedule }),

    applyImport: (plan, actor) => change(actor, (ctx) => importChange(ctx, plan)),

    recordAudit: (operation, summary, actor, params) =>
      change(actor, () => ({ operation, summary, ...(params && { params }), ops: [], value: null })),

    // The entry is read on each attempt: after a catch-up it may have been undone meanwhile.
    undo: (revision, actor, options) =>
      change(actor, async (ctx) => undoChange(ctx, revision, await store.entry(revision), options)),

    journalSince(revision, limit = Infinity) {
      return recent
        .filter((entry) => entry.revision > revision)
        .slice(0, limit)
        .map(publicEntry);
    },
    readJournal: async (revision, limit) => (await store.journalSince(revision, limit)).map(publicEntry),
    deltasSince(revision, limit = Infinity) {
      if (!Number.isInteger(revision) || revision < 0 || revision > schedule.revision) return null;
      // Revisions are gapless, so what was missed is counted before anything is read.
      const missed = schedule.revision - revision;
      if (missed > limit) return null;
      if (missed === 0) return [];
      const first = recent.length - missed;
      // A recent journal that no longer holds every one of them cannot replay them.
      return first < 0 ? null : recent.slice(first).map((entry) => entry.delta);
    },
    catchUp,
    leadership: () => leadership,

    emergencyTemplates: () => store.emergencyTemplates,
    idempotency: () => store.idempotency,
    feedRecords: () => store.feeds,

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      stopWatching?.();
      clearInterval(gapFill);
      // A write in progress finishes (it may already be durable) before the store goes.
      await queue;
      await leadership.close();
      await store.close();
    },
  };
}
