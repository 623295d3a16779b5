/** What the API routers need from the running server; built once by createApplication. */
import type { ServerClock } from './server-clock.ts';
import type { ScheduleService } from '../schedule/service-types.ts';
import type { StaffAuth } from '../staff/staff-auth.ts';
import type { DisplayRegistry } from '../fleet/display-registry.ts';
import type { Logger } from './logger.ts';

export interface ApiContext {
  service: ScheduleService;
  clock: ServerClock;
  auth: StaffAuth;
  displays: DisplayRegistry;
  logger: Logger;
}
