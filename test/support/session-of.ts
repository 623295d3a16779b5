import type { Session } from '../../shared/model.ts';
import type { ScheduleService } from '../../server/schedule/service-types.ts';

/** The live session with this id, read through the service's public schedule. */
export function sessionOf(service: ScheduleService, id: string): Session | undefined {
  return service.schedule().sessions.find((session) => session.id === id);
}
