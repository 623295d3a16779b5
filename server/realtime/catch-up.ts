/**
 * Bringing one screen up to date: the deltas it missed when the journal still has them (small,
 * and the screen keeps its state), otherwise one full snapshot.
 */
import type { Socket } from 'socket.io';
import type { ScheduleService } from '../domain/types.ts';

/** Beyond this many missed changes a snapshot is cheaper than the replay. */
const MAX_REPLAY = 200;

/**
 * Sends what a screen holding `revision` needs. A revision from the future (a screen that saw
 * another data directory, or a wiped demo) or no revision at all gets a snapshot.
 */
export function catchUp(socket: Pick<Socket, 'emit'>, service: ScheduleService, revision: number | undefined): void {
  if (revision !== undefined && revision <= service.revision()) {
    const deltas = service.deltasSince(revision);
    if (deltas && deltas.length <= MAX_REPLAY) {
      for (const delta of deltas) socket.emit('delta', delta);
      return;
    }
  }
  socket.emit('snapshot', service.schedule());
}
