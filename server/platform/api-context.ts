/** What the API routers need from the running server; built once by createApplication. */
import type { ServerClock } from './server-clock.ts';
import type { ScheduleService } from '../schedule/service-types.ts';
import type { StaffAuth } from '../staff/staff-auth.ts';
import type { DisplayRegistry } from '../fleet/display-registry.ts';
import type { Fleet } from '../fleet/fleet.ts';
import type { Logger } from './logger.ts';
import type { SingleSignOn } from '../staff/sso.ts';
import type { ClientAddressRule } from './client-address.ts';
import type { FeedPoller } from '../interchange/feeds/feed-poller.ts';

export interface ApiContext {
  service: ScheduleService;
  clock: ServerClock;
  auth: StaffAuth;
  feeds: FeedPoller;
  /** The screens connected to this node (the realtime layer feeds it). */
  displays: DisplayRegistry;
  /** The fleet staff see and command: this node's screens, or every node's in a cluster. */
  fleet: Fleet;
  logger: Logger;
  /** OpenID Connect sign-in, when configured. */
  sso?: SingleSignOn | undefined;
  /** The client's address by the --trust-proxy rule (client-address.ts), for limits and caps. */
  clientAddress: ClientAddressRule['of'];
}
