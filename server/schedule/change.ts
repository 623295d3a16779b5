/**
 * What every operation produces: a pending change, described as delta ops against the current
 * schedule. The service turns it into a revision, a journal entry and a commit; operations stay
 * pure functions of (schedule, input, clock), easy to test and to read.
 */
import { applyDelta } from '../../shared/apply.ts';
import type { Schedule } from '../../shared/model.ts';
import type { DeltaOp } from '../../shared/protocol.ts';
import type { JournalParams } from '../../shared/journal-params.ts';

/** What an operation may look at: the live schedule and the server clock. */
export interface Context {
  schedule: Schedule;
  /** Epoch ms on the server clock. */
  now: number;
}

export interface PendingChange<T> {
  /** e.g. "session.move", "announcement.create", "undo". */
  operation: string;
  /** The English sentence; `params` carries its values for the panel to word in its reader's language. */
  summary: string;
  params?: JournalParams;
  sessionId?: string;
  ops: DeltaOp[];
  value: T;
  /** Set by undo: the revision this change reverts. */
  undoes?: number;
}

/** The op that brings back what `op` is about to replace. */
function beforeImage(schedule: Schedule, op: DeltaOp): DeltaOp {
  switch (op.type) {
    case 'session':
    case 'session-removed': {
      const id = op.type === 'session' ? op.session.id : op.id;
      const before = schedule.sessions.find((s) => s.id === id);
      return before ? { type: 'session', session: before } : { type: 'session-removed', id };
    }
    case 'announcement':
    case 'announcement-removed': {
      const id = op.type === 'announcement' ? op.announcement.id : op.id;
      const before = schedule.announcements.find((a) => a.id === id);
      return before ? { type: 'announcement', announcement: before } : { type: 'announcement-removed', id };
    }
    case 'venue': {
      const before = schedule.venues.find((v) => v.id === op.venue.id);
      // Venues are never removed; a new venue simply stays when its change is undone.
      return { type: 'venue', venue: before ?? op.venue };
    }
    case 'emergency':
      return { type: 'emergency', emergency: schedule.emergency };
    case 'conference':
      return { type: 'conference', conference: schedule.conference ?? null };
    case 'settings':
      return { type: 'settings', settings: schedule.settings ?? {} };
  }
}

/**
 * The ops that restore the schedule as it was before `ops`, in the order to apply them.
 * This is what the journal keeps for undo, so every operation is undoable without its own code.
 */
export function inverseOf(schedule: Schedule, ops: DeltaOp[]): DeltaOp[] {
  const inverse: DeltaOp[] = [];
  let state = schedule;
  for (const op of ops) {
    inverse.unshift(beforeImage(state, op));
    state = applyDelta(state, { revision: state.revision + 1, ops: [op] });
  }
  return inverse;
}
