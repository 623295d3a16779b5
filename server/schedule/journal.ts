/** The journal as callers see it: the audit line, without the stored delta and inverse. */
import type { JournalEntry } from '../../shared/protocol.ts';
import type { StoredJournalEntry } from './store/store-interface.ts';
import type { PendingChange } from './change.ts';

export function publicEntry(stored: StoredJournalEntry): JournalEntry {
  const { delta: _delta, inverse: _inverse, ...entry } = stored;
  return entry;
}

export function newEntry(
  revision: number,
  at: string,
  actor: { name: string; displayName?: string | undefined },
  change: PendingChange<unknown>,
): JournalEntry {
  return {
    revision,
    at,
    actor: actor.name,
    ...(actor.displayName !== undefined && { actorName: actor.displayName }),
    operation: change.operation,
    summary: change.summary,
    ...(change.params !== undefined && { params: change.params }),
    ...(change.sessionId !== undefined && { sessionId: change.sessionId }),
    ...(change.undoes !== undefined && { undoes: change.undoes }),
  };
}
