/**
 * The live schedule service: the one writer of the schedule. Each accepted change goes
 *   operation (pure: checks the rules, describes the change as delta ops)
 *   → one store transaction (state rows + journal row + revision)
 *   → the in-memory schedule (through applyDelta, exactly as screens apply it)
 *   → onChange listeners (realtime broadcast, control panel)
 * so nothing is acknowledged or broadcast before it is on disk, and a failed commit leaves
 * memory untouched.
 */
import { applyDelta } from '../../shared/apply.ts';
import type { Schedule } from '../../shared/model.ts';
import type { Delta } from '../../shared/protocol.ts';
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

/** How far back a stale refusal looks for the colleague's change (it is nearly always the last few). */
const RECENT_JOURNAL = 200;

export function openScheduleService(options: ScheduleServiceOptions): ScheduleService {
  const store = options.store ?? openSqliteStore(options.dataDir);
  let schedule: Schedule;
  try {
    schedule = store.load() ?? seedStore();
  } catch (error) {
    store.close();
    throw error;
  }

  function seedStore(): Schedule {
    // Seeding is revision 0 and not a journal entry: the journal records what staff changed.
    // The fresh id tells screens that revisions of any earlier schedule mean nothing here.
    const initial: Schedule = { ...scheduleFromProgramme(options.seed()), scheduleId: newScheduleId() };
    store.seed(initial);
    return initial;
  }

  const listeners = new Set<ChangeListener>();
  const pendingNotifications: ChangeResult<unknown>[] = [];
  let notifying = false;
  let closed = false;

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

  function context(): Context {
    if (closed) throw new Error('the schedule service is closed');
    return { schedule, now: options.now() };
  }

  function commit<T>(ctx: Context, change: PendingChange<T>, actor: Actor): ChangeResult<T> {
    const revision = schedule.revision + 1;
    const delta: Delta = { revision, ops: change.ops };
    const entry = newEntry(revision, toVenueIso(ctx.now, schedule.timezone), actor, change);
    store.commit({ delta, entry, inverse: inverseOf(schedule, change.ops), idempotency: actor.idempotency });
    schedule = applyDelta(schedule, delta);
    const result: ChangeResult<T> = { revision, value: change.value, delta, entry };
    notify(result);
    return result;
  }

  function run<T>(actor: Actor, operation: (ctx: Context) => PendingChange<T>): ChangeResult<T> {
    const ctx = context();
    let change: PendingChange<T>;
    try {
      change = operation(ctx);
    } catch (error) {
      throw withLastEditor(error);
    }
    return commit(ctx, change, actor);
  }

  /**
   * A stale-version refusal names who made the change the client had not seen, so the panel can
   * say "Already delayed to 13:10 by Ana" instead of a bare "changed meanwhile".
   */
  function withLastEditor(error: unknown): unknown {
    if (!(error instanceof ConflictError) || error.details?.reason !== 'stale') return error;
    const session = error.details.session as { id?: string } | undefined;
    const recent = store.journalSince(Math.max(0, schedule.revision - RECENT_JOURNAL), RECENT_JOURNAL);
    const last = [...recent].reverse().find((entry) => entry.sessionId === session?.id);
    if (last) Object.assign(error.details, { changedBy: last.actor, changedAt: last.at, change: last.summary });
    return error;
  }

  const SYSTEM: Actor = { name: 'system' };

  return {
    schedule: () => schedule,
    revision: () => schedule.revision,

    createSession: (input, actor) => run(actor, (ctx) => createSession(ctx, input)),
    updateSession: (id, patch, actor) => run(actor, (ctx) => updateSession(ctx, id, patch)),
    delaySession: (id, input, actor) => run(actor, (ctx) => delaySession(ctx, id, input)),
    deleteSession: (id, actor, expectedVersion) => run(actor, (ctx) => deleteSession(ctx, id, expectedVersion)),

    createAnnouncement: (input, actor) => run(actor, (ctx) => announcements.createAnnouncement(ctx, input)),
    deleteAnnouncement: (id, actor) => run(actor, (ctx) => announcements.deleteAnnouncement(ctx, id)),
    updateVenue: (id, patch, actor) => run(actor, (ctx) => updateVenue(ctx, id, patch)),
    updateSettings: (patch, actor) => run(actor, (ctx) => updateSettings(ctx, patch)),

    setEmergency: (text, actor) => run(actor, (ctx) => setEmergency(ctx, text)),
    clearEmergency: (actor) => run(actor, (ctx) => clearEmergency(ctx)),

    expireAnnouncements() {
      const ctx = context();
      const change = announcements.expireAnnouncements(ctx);
      return change && commit(ctx, change, SYSTEM);
    },
    nextExpiry: () => announcements.nextExpiry({ schedule }),

    applyImport: (plan, actor) => run(actor, (ctx) => importChange(ctx, plan)),

    recordAudit: (operation, summary, actor, params) =>
      run(actor, () => ({ operation, summary, ...(params && { params }), ops: [], value: null })),

    undo: (revision, actor, options) => run(actor, (ctx) => undoChange(ctx, revision, store.entry(revision), options)),

    journalSince: (revision, limit) => store.journalSince(revision, limit).map(publicEntry),
    deltasSince(revision, limit = Infinity) {
      if (!Number.isInteger(revision) || revision < 0 || revision > schedule.revision) return null;
      // Revisions are gapless, so what was missed is counted before anything is read.
      const missed = schedule.revision - revision;
      if (missed > limit) return null;
      if (missed === 0) return [];
      const deltas = store.deltasSince(revision, missed);
      // A journal that no longer holds every one of them cannot replay them.
      return deltas.length === missed && deltas[0]!.revision === revision + 1 ? deltas : null;
    },

    emergencyTemplates: () => store.emergencyTemplates,
    idempotency: () => store.idempotency,
    feedRecords: () => store.feeds,

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      store.close();
    },
  };
}
