/**
 * What the public may see. Meeting passcodes reach screens and public feeds only when staff chose
 * to show them (FIELD-NOTES: showing passcodes on public screens is a choice, not a default);
 * staff answers keep them.
 */
import type { Schedule, Session } from '../../shared/model.ts';
import type { Delta, DeltaOp } from '../../shared/protocol.ts';

export function publicSession(session: Session): Session {
  if (!session.online?.passcode || session.online.showPasscode) return session;
  const { passcode: _hidden, ...online } = session.online;
  return { ...session, online };
}

export function publicSchedule<T extends Pick<Schedule, 'sessions'>>(schedule: T): T {
  return { ...schedule, sessions: schedule.sessions.map(publicSession) };
}

function publicOp(op: DeltaOp): DeltaOp {
  return op.type === 'session' ? { type: 'session', session: publicSession(op.session) } : op;
}

export function publicDelta(delta: Delta): Delta {
  return { ...delta, ops: delta.ops.map(publicOp) };
}
