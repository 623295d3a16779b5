/**
 * Applying a delta to a schedule: the one function the server's live state and every screen's copy
 * share, so both always agree on what a revision looks like.
 */
import type { Schedule } from './model.ts';
import type { Delta, DeltaOp } from './protocol.ts';

function upsertById<T extends { id: string }>(list: T[], item: T): T[] {
  const index = list.findIndex((x) => x.id === item.id);
  if (index < 0) return [...list, item];
  const copy = list.slice();
  copy[index] = item;
  return copy;
}

function applyOp(schedule: Schedule, op: DeltaOp): Schedule {
  switch (op.type) {
    case 'session':
      return { ...schedule, sessions: upsertById(schedule.sessions, op.session) };
    case 'session-removed':
      return { ...schedule, sessions: schedule.sessions.filter((s) => s.id !== op.id) };
    case 'venue':
      return { ...schedule, venues: upsertById(schedule.venues, op.venue) };
    case 'announcement':
      return { ...schedule, announcements: upsertById(schedule.announcements, op.announcement) };
    case 'announcement-removed':
      return { ...schedule, announcements: schedule.announcements.filter((a) => a.id !== op.id) };
    case 'emergency':
      return { ...schedule, emergency: op.emergency };
    case 'conference': {
      const { conference: _previous, ...rest } = schedule;
      return op.conference ? { ...rest, conference: op.conference } : rest;
    }
    case 'settings':
      return { ...schedule, settings: op.settings };
  }
}

/**
 * Returns the schedule after the delta. A delta at or below the schedule's revision is already
 * contained and is ignored, so replays after a reconnect are harmless.
 */
export function applyDelta(schedule: Schedule, delta: Delta): Schedule {
  if (delta.revision <= schedule.revision) return schedule;
  const next = delta.ops.reduce(applyOp, schedule);
  return { ...next, revision: delta.revision };
}
