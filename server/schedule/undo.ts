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
import { ConflictError, NotFoundError } from '../platform/errors.ts';
import { sameJson } from '../../shared/json.ts';
import { differingFields } from './session-edits.ts';
import { excerpt, quote } from './summaries.ts';

/**
 * Why `op` (what the entry made of one thing) no longer describes the live schedule, if it does
 * not. The test is the content, not the version: an undo raises versions too, so after undoing
 * revision 3 the session is again what revision 2 made of it, and revision 2 can be undone next.
 */
function divergence(schedule: Schedule, op: DeltaOp): string | undefined {
  switch (op.type) {
    case 'session': {
      const live = schedule.sessions.find((s) => s.id === op.session.id);
      if (!live) return `${quote(op.session.title)} has been deleted since`;
      const fields = differingFields(live, op.session);
      return fields.length > 0 ? `${quote(live.title)} has been changed again since (${fields.join(', ')})` : undefined;
    }
    case 'session-removed': {
      const live = schedule.sessions.find((s) => s.id === op.id);
      return live ? `${quote(live.title)} exists again` : undefined;
    }
    case 'announcement': {
      const live = schedule.announcements.find((a) => a.id === op.announcement.id);
      if (!live) return `the announcement “${excerpt(op.announcement.text, 40)}” is already gone`;
      return sameJson(live, op.announcement)
        ? undefined
        : `the announcement “${excerpt(live.text, 40)}” has changed since`;
    }
    case 'announcement-removed':
      return schedule.announcements.some((a) => a.id === op.id) ? 'the announcement exists again' : undefined;
    case 'emergency':
      return sameJson(schedule.emergency, op.emergency) ? undefined : 'the emergency message has changed since';
    case 'conference':
      return sameJson(schedule.conference ?? null, op.conference) ? undefined : 'the conference has changed since';
    case 'venue': {
      const live = schedule.venues.find((v) => v.id === op.venue.id);
      return live && !sameJson(live, op.venue) ? `the venue ${live.id} has been changed again since` : undefined;
    }
    case 'settings':
      return sameJson(schedule.settings ?? {}, op.settings) ? undefined : 'the display settings have changed since';
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

function refuse(revision: number, reason: string, details: Record<string, unknown> = {}): never {
  throw new ConflictError(`cannot undo revision ${revision}: ${reason}`, { reason, ...details });
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
  const unforceable = force ? NOT_FORCEABLE : '';
  const { schedule, now } = ctx;
  const zone = schedule.timezone;
  if (!entry) throw new NotFoundError(`no change with revision ${revision}`);
  // Account changes are journal entries too, but they are made (and reversed) in the accounts section.
  if (entry.operation.startsWith('account.')) refuse(revision, 'account changes are reversed in the accounts section');
  if (entry.undoneBy !== undefined) {
    refuse(revision, `it was already undone by revision ${entry.undoneBy}${unforceable}`, {
      undoneBy: entry.undoneBy,
    });
  }
  for (const op of finalOps(entry.delta.ops)) {
    const reason = divergence(schedule, op);
    if (reason) refuse(revision, `${reason}${unforceable}`);
  }

  const ops = entry.inverse.map((op) => restore(schedule, op));
  const restored = ops.flatMap((op): Session[] => (op.type === 'session' ? [op.session] : []));
  const moving = new Set(restored.map((s) => s.id));
  for (const op of ops) {
    if (op.type === 'announcement' && hasExpired(op.announcement, now, zone)) {
      refuse(revision, `the announcement “${excerpt(op.announcement.text, 40)}” has expired${unforceable}`);
    }
  }
  const clashes = restored.flatMap((session) => {
    const clash = findClash(schedule, session, moving);
    return clash ? [{ session, clash }] : [];
  });
  const [first] = clashes;
  if (first && !force) {
    // forceable tells the panel it may offer "Undo anyway"; the clash names the session in the way.
    refuse(revision, clashMessage(first.session, first.clash, zone), { ...clashDetails(first.clash), forceable: true });
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
