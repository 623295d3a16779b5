/**
 * Undo: re-applies the state a journal entry replaced, as a new change. It is refused (409) when
 * the world has moved on since: the entry was already undone, something it touched was changed
 * or removed again, or bringing the old state back would double-book a room.
 */
import type { Schedule, Session } from '../../shared/model.ts';
import type { DeltaOp } from '../../shared/protocol.ts';
import type { StoredJournalEntry } from '../store/types.ts';
import { isExpired } from './announcements.ts';
import type { Context, PendingChange } from './change.ts';
import { clashDetails, clashMessage, findClash } from './clash.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import { excerpt, quote } from './summaries.ts';

/** Why `op` (what the entry did) no longer describes the live schedule, if it does not. */
function divergence(schedule: Schedule, op: DeltaOp): string | undefined {
  switch (op.type) {
    case 'session': {
      const live = schedule.sessions.find((s) => s.id === op.session.id);
      if (!live) return `${quote(op.session.title)} has been deleted since`;
      if (live.version !== op.session.version) return `${quote(live.title)} has been changed again since`;
      return undefined;
    }
    case 'session-removed': {
      const live = schedule.sessions.find((s) => s.id === op.id);
      return live ? `${quote(live.title)} exists again` : undefined;
    }
    case 'announcement':
      return schedule.announcements.some((a) => a.id === op.announcement.id)
        ? undefined
        : `the announcement “${excerpt(op.announcement.text, 40)}” is already gone`;
    case 'announcement-removed':
      return schedule.announcements.some((a) => a.id === op.id) ? 'the announcement exists again' : undefined;
    case 'emergency':
      return JSON.stringify(schedule.emergency) === JSON.stringify(op.emergency)
        ? undefined
        : 'the emergency message has changed since';
    case 'venue':
      return undefined;
  }
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

export function undoChange(
  ctx: Context,
  revision: number,
  entry: StoredJournalEntry | undefined,
): PendingChange<{ undone: number }> {
  const { schedule, now } = ctx;
  const zone = schedule.timezone;
  if (!entry) throw new NotFoundError(`no change with revision ${revision}`);
  if (entry.undoneBy !== undefined) {
    refuse(revision, `it was already undone by revision ${entry.undoneBy}`, { undoneBy: entry.undoneBy });
  }
  for (const op of entry.delta.ops) {
    const reason = divergence(schedule, op);
    if (reason) refuse(revision, reason);
  }

  const ops = entry.inverse.map((op) => restore(schedule, op));
  const restored = ops.flatMap((op): Session[] => (op.type === 'session' ? [op.session] : []));
  const moving = new Set(restored.map((s) => s.id));
  for (const session of restored) {
    const clash = findClash(schedule, session, moving);
    if (clash) refuse(revision, clashMessage(session, clash, zone), clashDetails(clash));
  }
  for (const op of ops) {
    if (op.type === 'announcement' && isExpired(op.announcement, now, zone)) {
      refuse(revision, `the announcement “${excerpt(op.announcement.text, 40)}” has expired`);
    }
  }

  return {
    operation: 'undo',
    summary: `Undid: ${entry.summary}`,
    ...(entry.sessionId !== undefined && { sessionId: entry.sessionId }),
    ops,
    value: { undone: revision },
    undoes: revision,
  };
}
