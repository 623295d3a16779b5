/**
 * How a session differs from what was first published (Session.planned), so screens can say
 * "Moved from CR3", "Delayed — now 14:15" or "New time" without knowing the history.
 */
import type { Session } from '../model.ts';
import { MINUTE } from '../time.ts';
import type { SessionChange } from './types.ts';
import { plannedEnd, plannedStart, sessionEnd, sessionStart } from './parse.ts';

// Times are compared as instants, not as strings: "+02:00" and "Z" spellings of one moment are equal.
export function sessionChange(session: Session): SessionChange {
  const startShift = sessionStart(session) - plannedStart(session);
  const endShift = sessionEnd(session) - plannedEnd(session);
  const change: SessionChange = {
    cancelled: session.status === 'cancelled',
    retimed: startShift !== 0 || endShift !== 0,
  };
  if (session.venueId !== session.planned.venueId) change.movedFrom = session.planned.venueId;
  // Rounded away from zero: a start 30 s late reads "delayed 1 min", never "delayed 0 min".
  if (startShift !== 0) {
    const minutes = startShift / MINUTE;
    change.startShiftMinutes = minutes > 0 ? Math.ceil(minutes) : Math.floor(minutes);
  }
  return change;
}
