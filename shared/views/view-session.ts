/** Building and ordering ViewSession rows: the pieces roomView and lobbyView share. */
import type { Session } from '../model.ts';
import type { ViewSession } from './types.ts';
import { sessionChange } from './change.ts';

/** Wraps a session whose start and end the caller has already parsed (parsing once per tick). */
export function toViewSession(session: Session, start: number, end: number): ViewSession {
  return { session, start, end, change: sessionChange(session) };
}

// Numeric collation reads "CR 2" before "CR 10", as people expect on a board.
const collator = new Intl.Collator('en', { numeric: true });

export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Plain code-unit order: ids are ASCII, and a tie-break must not depend on the locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Start, then title, then id: a total order, so every screen lists ties identically. */
export function byStartThenTitle(a: ViewSession, b: ViewSession): number {
  return a.start - b.start || compareText(a.session.title, b.session.title) || compareIds(a.session.id, b.session.id);
}
