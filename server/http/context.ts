/** What the API routers need from the running server; built once by createApplication. */
import type { ServerClock } from '../clock.ts';
import type { ScheduleService } from '../domain/types.ts';
import type { StaffAuth } from '../auth/staff-auth.ts';
import type { DisplayRegistry } from '../realtime/display-registry.ts';
import type { Logger } from './errors.ts';

export interface ApiContext {
  service: ScheduleService;
  clock: ServerClock;
  auth: StaffAuth;
  displays: DisplayRegistry;
  logger: Logger;
}
