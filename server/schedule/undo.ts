/**
 * Undo: re-applies the state a journal entry replaced, as a new change. It is refused (409) when
 * the world has moved on since: the entry was already undone, something it touched no longer
 * looks as the entry left it (changed or removed again), or bringing the old state back would
 * double-book a room. Undoing the newest entries one after the other therefore walks back as
 * many steps as staff like, and an undo can itself be undone (redo).
 *
 * `force` overrides the room clash only: two sessions sharing a room is visible on the screens
 * and staff can fix it next. It never overrides a later change to the same thing (forcing would
 * silently throw that colleague's work away), an entry already undone, or an expired announcement.
 */
import type { JournalParams } from '../../shared/journal-params.ts';
import type { Schedule, Session } from '../../shared/model.ts';
import type { DeltaOp } from '../../shared/protocol.ts';
import type { StoredJournalEntry } from './store/store-interface.ts';
import { hasExpired } from '../../shared/announcements.ts';
import type { Context, PendingChange } from './change.ts';
import { clashDetails, clashMessage, findClash } from './clash.ts';
import { AppError, NotFoundError } from '../platform/errors.ts';
import { sameJson } from '../../shared/json.ts';
import { differingFields } from './session-edits.ts';
import { excerpt, quote } from './summaries.ts';

/** Why an undo is refused: the English reason, and its code (`undo.…`) and params for the panel. */
interface Refusal {
  reason: string;
  code: string;
  params?: Record<string, string | number>;
}

/**
 * Why `op` (what the entry made of one thing) no longer describes the live schedule, if it does
 * not. The test is the content, not the version: an undo raises versions too, so after undoing
 * revision 3 the session is again what revision 2 made of it, and revision 2 can be undone next.
 */
function divergence(schedule: Schedule, op: DeltaOp): Refusal | undefined {
  switch (op.type) {
    case 'session': {
      const live = schedule.sessions.find((s) => s.id === op.session.id);
      if (!live) {
        const title = op.session.title;
        return { reason: `${quote(title)} has been deleted since`, code: 'undo.deleted', params: { title } };
      }
      const fields = differingFields(live, op.session);
      if (fields.length === 0) return undefined;
      return {
        reason: `${quote(live.title)} has been changed again since (${fields.join(', ')})`,
        code: 'undo.changed',
        params: { title: live.title, fields: fields.join(',') },
      };
    }
    case 'session-removed': {
      const live = schedule.sessions.find((s) => s.id === op.id);
      return live
        ? { reason: `${quote(live.title)} exists again`, code: 'undo.exists-again', params: { title: live.title } }
        : undefined;
    }
    case 'announcement': {
      const live = schedule.announcements.find((a) => a.id === op.announcement.id);
      if (!live) {
        const text = excerpt(op.announcement.text, 40);
        return {
          reason: `the announcement “${text}” is already gone`,
          code: 'undo.announcement-gone',
          params: { text },
        };
      }
      const text = excerpt(live.text, 40);
      return sameJson(live, op.announcement)
        ? undefined
        : {
            reason: `the announcement “${text}” has changed since`,
            code: 'undo.announcement-changed',
            params: { text },
          };
    }
    case 'announcement-removed':
      return schedule.announcements.some((a) => a.id === op.id)
        ? { reason: 'the announcement exists again', code: 'undo.announcement-back' }
        : undefined;
    case 'emergency':
      return sameJson(schedule.emergency, op.emergency)
        ? undefined
        : { reason: 'the emergency message has changed since', code: 'undo.emergency-changed' };
    case 'conference':
      return sameJson(schedule.conference ?? null, op.conference)
        ? undefined
        : { reason: 'the conference has changed since', code: 'undo.conference-changed' };
    case 'venue': {
      const live = schedule.venues.find((v) => v.id === op.venue.id);
      return live && !sameJson(live, op.venue)
        ? {
            reason: `the venue ${live.id} has been changed again since`,
            code: 'undo.venue-changed',
            params: { venue: live.id },
          }
        : undefined;
    }
    case 'settings':
      return sameJson(schedule.settings ?? {}, op.settings)
        ? undefined
        : { reason: 'the display settings have changed since', code: 'undo.settings-changed' };
  }
}

/** What an entry left behind: the last op for each thing it touched (a later op wins). */
function finalOps(ops: DeltaOp[]): DeltaOp[] {
  const target = (op: DeltaOp): string => {
    switch (op.type) {
      case 'session':
        return `session:${op.session.id}`;
      case 'session-removed':
        return `session:${op.id}`;
      case 'announcement':
        return `announcement:${op.announcement.id}`;
      case 'announcement-removed':
        return `announcement:${op.id}`;
      case 'emergency':
        return 'emergency';
      case 'conference':
        return 'conference';
      case 'venue':
        return `venue:${op.venue.id}`;
      case 'settings':
        return 'settings';
    }
  };
  return [...new Map(ops.map((op) => [target(op), op])).values()];
}

/** The inverse op made current: restored sessions get a version above the live one. */
function restore(schedule: Schedule, op: DeltaOp): DeltaOp {
  if (op.type !== 'session') return op;
  const live = schedule.sessions.find((s) => s.id === op.session.id);
  return { type: 'session', session: { ...op.session, version: (live ?? op.session).version + 1 } };
}

/** `forced`: the refusal came to an "undo anyway", which it does not lift (only a room clash is forceable). */
function refuse(revision: number, refusal: Refusal, details: Record<string, unknown> = {}, forced = false): never {
  const reason = `${refusal.reason}${forced ? NOT_FORCEABLE : ''}`;
  throw new AppError('conflict', `cannot undo revision ${revision}: ${reason}`, {
    details: { reason, ...details },
    coded: { code: refusal.code, params: { ...refusal.params, revision, ...(forced && { forced }) } },
  });
}

/**
 * "Undid: …" as parameters, wrapping what the undone entry said; none when that entry has none
 * (older than parameters, or an audit line), so the panel falls back to the English summary.
 */
function undoParams(
  undone: JournalParams | undefined,
  keptWith: { venueId: string; title: string } | undefined,
): { params: JournalParams } | undefined {
  if (!undone) return undefined;
  const wrapped = undone.op === 'undo' ? { times: undone.times + 1, undone: undone.undone } : { times: 1, undone };
  return { params: { op: 'undo', ...wrapped, ...(keptWith && { keptWith }) } };
}

export interface UndoOptions {
  /** Keep both sessions in the room when the restored one clashes (the only refusal it lifts). */
  force?: boolean;
}

/** A refusal that `force` does not lift says so, so staff are not sent round in circles. */
const NOT_FORCEABLE = ' (undo anyway cannot override this, only a room clash)';

export function undoChange(
  ctx: Context,
  revision: number,
  entry: StoredJournalEntry | undefined,
  { force = false }: UndoOptions = {},
): PendingChange<{ undone: number }> {
  const { schedule, now } = ctx;
  const zone = schedule.timezone;
  if (!entry) throw new NotFoundError(`no change with revision ${revision}`);
  // Account changes are journal entries too, but they are made (and reversed) in the accounts section.
  if (entry.operation.startsWith('account.')) {
    refuse(revision, { reason: 'account changes are reversed in the accounts section', code: 'undo.account' });
  }
  if (entry.undoneBy !== undefined) {
    const undoneBy = entry.undoneBy;
    const refusal = {
      reason: `it was already undone by revision ${undoneBy}`,
      code: 'undo.undone',
      params: { undoneBy },
    };
    refuse(revision, refusal, { undoneBy }, force);
  }
  for (const op of finalOps(entry.delta.ops)) {
    const refusal = divergence(schedule, op);
    if (refusal) refuse(revision, refusal, {}, force);
  }

  const ops = entry.inverse.map((op) => restore(schedule, op));
  const restored = ops.flatMap((op): Session[] => (op.type === 'session' ? [op.session] : []));
  const moving = new Set(restored.map((s) => s.id));
  for (const op of ops) {
    if (op.type === 'announcement' && hasExpired(op.announcement, now, zone)) {
      const text = excerpt(op.announcement.text, 40);
      const refusal = { reason: `the announcement “${text}” has expired`, code: 'undo.expired', params: { text } };
      refuse(revision, refusal, {}, force);
    }
  }
  const clashes = restored.flatMap((session) => {
    const clash = findClash(schedule, session, moving);
    return clash ? [{ session, clash }] : [];
  });
  const [first] = clashes;
  if (first && !force) {
    // forceable tells the panel it may offer "Undo anyway"; the clash names the session in the way.
    const refusal = {
      reason: clashMessage(first.session, first.clash, zone),
      code: 'undo.room-taken',
      params: { venue: first.session.venueId, title: first.clash.title },
    };
    refuse(revision, refusal, { ...clashDetails(first.clash), forceable: true });
  }

  return {
    operation: 'undo',
    // The journal says a forced undo double-booked a room, so the audit log shows who chose it.
    summary: `Undid: ${entry.summary}${first ? ` (kept both in ${first.session.venueId} with ${quote(first.clash.title)})` : ''}`,
    ...(undoParams(entry.params, first && { venueId: first.session.venueId, title: first.clash.title }) ?? {}),
    ...(entry.sessionId !== undefined && { sessionId: entry.sessionId }),
    ops,
    value: { undone: revision },
    undoes: revision,
  };
}
