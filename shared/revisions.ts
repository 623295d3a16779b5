/**
 * The revision-gap rule every live copy of the schedule follows (screens and the control panel):
 * a delta applies only on top of the revision just before it.
 */

export type DeltaDisposition =
  /** The very next revision: apply it. */
  | 'apply'
  /** Already contained (a replay after reconnecting): ignore it. */
  | 'stale'
  /** Revisions are missing in between: ask the server for what was missed instead of applying. */
  | 'gap';

export function classifyDelta(held: number, incoming: number): DeltaDisposition {
  if (incoming <= held) return 'stale';
  if (incoming === held + 1) return 'apply';
  return 'gap';
}
