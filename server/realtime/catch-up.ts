/**
 * Bringing one screen up to date: the deltas it missed when the journal still has them (small,
 * and the screen keeps its state), otherwise one full snapshot. Screens are public, so what they
 * get is the public schedule (hidden passcodes left out, redact.ts).
 */
import type { Socket } from 'socket.io';
import { publicDelta, publicSchedule } from './redact.ts';
import type { ScheduleService } from '../schedule/service-types.ts';

/** Beyond this many missed changes a snapshot is cheaper than the replay. */
export const MAX_REPLAY = 200;

/** What a screen says it holds; a scheduleId it does not send is taken to be the server's. */
export interface HeldCopy {
  revision?: number | undefined;
  scheduleId?: string | undefined;
}

/** True when the screen's revision counts on this server: same schedule, not from the future. */
export function holdsThisSchedule(service: ScheduleService, held: HeldCopy): held is HeldCopy & { revision: number } {
  if (held.revision === undefined || held.revision > service.revision()) return false;
  return held.scheduleId === undefined || held.scheduleId === service.schedule().scheduleId;
}

/**
 * Sends what a screen holding `held` needs. A copy of another schedule (a wiped demo, another
 * data directory), a revision from the future, or no revision at all gets a snapshot.
 */
export function catchUp(socket: Pick<Socket, 'emit'>, service: ScheduleService, held: HeldCopy): void {
  if (holdsThisSchedule(service, held)) {
    const deltas = service.deltasSince(held.revision, MAX_REPLAY);
    if (deltas) {
      for (const delta of deltas) socket.emit('delta', publicDelta(delta));
      return;
    }
  }
  socket.emit('snapshot', publicSchedule(service.schedule()));
}
