/** What the API routers need from the running server; built once by createApplication. */
import type { ServerClock } from './server-clock.ts';
import type { ScheduleService } from '../schedule/service-types.ts';
import type { StaffAuth } from '../staff/staff-auth.ts';
import type { DisplayRegistry } from '../fleet/display-registry.ts';
import type { Logger } from './http-errors.ts';
import type { FeedPoller } from '../interchange/feeds/feed-poller.ts';

export interface ApiContext {
  service: ScheduleService;
  clock: ServerClock;
  auth: StaffAuth;
  feeds: FeedPoller;
  displays: DisplayRegistry;
  logger: Logger;
}
