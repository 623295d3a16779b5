/**
 * Wires the live side together: both namespaces, one broadcast per committed change, clock
 * changes to every screen, fleet commands to the sockets of the one screen they concern, throttled fleet updates
 * to the panels, the stale-screen check, and the expiry timer.
 */
import type { Server } from 'socket.io';
import { CONTROL_NAMESPACE, DISPLAY_NAMESPACE } from '../../shared/protocol.ts';
import { publicDelta } from './redact.ts';
import type { StaffAuth } from '../staff/staff-auth.ts';
import type { ServerClock } from '../platform/server-clock.ts';
import type { ScheduleService } from '../schedule/service-types.ts';
import type { Logger } from '../platform/logger.ts';
import type { ClientAddressRule } from '../platform/client-address.ts';
import { setupControlNamespace, type ControlNamespace } from './control-namespace.ts';
import type { DisplayRegistry, FleetCommand } from '../fleet/display-registry.ts';
import type { Fleet } from '../fleet/fleet.ts';
import { setupDisplayNamespace, type DisplayCaps, type DisplayNamespace } from './display-namespace.ts';
import { startExpiryTimer } from '../schedule/expiry-timer.ts';
import { throttle } from './throttle.ts';

/** Fleet updates go to panels at most this often: a reconnect storm must not flood them. */
export const DISPLAYS_THROTTLE_MS = 250;
/** How often the fleet looks for screens that went silent (well under its 60 s threshold). */
export const STALE_CHECK_MS = 10_000;

export interface RealtimeDeps {
  service: ScheduleService;
  clock: ServerClock;
  auth: StaffAuth;
  displays: DisplayRegistry;
  /** What the panels list: this node's screens, or the whole cluster's. */
  fleet: Fleet;
  logger: Logger;
  /** Per-address caps of the public namespace (default DISPLAY_CAPS). */
  displayCaps?: DisplayCaps | undefined;
  /** The client's address by the --trust-proxy rule, which the caps count by. */
  clientAddress: ClientAddressRule['of'];
}

export function attachRealtime(io: Server, deps: RealtimeDeps): { close(): void } {
  const { service, clock, displays, fleet, logger } = deps;
  const displayNs = io.of(DISPLAY_NAMESPACE) as DisplayNamespace;
  const controlNs = io.of(CONTROL_NAMESPACE) as ControlNamespace;

  setupDisplayNamespace(displayNs, deps);
  const stopLogoutWatch = setupControlNamespace(controlNs, deps);

  // Namespace-wide emits encode each message once for every socket. Screens are public: they get
  // the change without hidden passcodes (made once per change); staff panels get all of it.
  // `local`: in a cluster every node learns every change from the database, in revision order,
  // and tells its own sockets; sending through the adapter as well would deliver each change twice.
  const stopChanges = service.onChange(({ delta, entry }) => {
    displayNs.local.emit('delta', publicDelta(delta));
    controlNs.local.emit('delta', delta);
    controlNs.local.emit('journal', entry);
  });
  const stopClock = clock.onChange((state) => {
    const message = { ...state, revision: service.revision() };
    displayNs.local.emit('clock', message);
    controlNs.local.emit('clock', message);
  });
  // With no panel open nobody needs the list (a panel gets it when it connects): building it for
  // thousands of screens four times a second during a reconnect storm would be work for nothing.
  const fleetUpdate = throttle(() => {
    if (controlNs.sockets.size > 0) controlNs.local.emit('displays', fleet.list());
  }, DISPLAYS_THROTTLE_MS);
  const stopFleet = fleet.onChange(() => fleetUpdate.call());
  const stopCommands = displays.onCommand((id, command) => sendCommand(displayNs, id, command));
  const staleCheck = setInterval(() => displays.checkStale(), STALE_CHECK_MS);
  staleCheck.unref();
  const expiry = startExpiryTimer(service, clock, logger);

  return {
    close(): void {
      expiry.stop();
      stopChanges();
      stopClock();
      stopFleet();
      fleetUpdate.cancel();
      stopCommands();
      clearInterval(staleCheck);
      stopLogoutWatch();
      displays.detachStore();
    },
  };
}

/**
 * Only the sockets of that display get it. They are found by a scan rather than a socket.io room
 * per display: commands are rare staff actions (a scan of 10,000 sockets is well under a
 * millisecond), while a room costs every connected screen a Set and a Map entry of heap.
 */
function sendCommand(displayNs: DisplayNamespace, id: string, { event, args }: FleetCommand): void {
  for (const socket of displayNs.sockets.values()) {
    // socket.io's typed emit cannot follow a correlated union of event and arguments.
    if (socket.data.displayId === id) (socket.emit as (event: string, ...args: unknown[]) => boolean)(event, ...args);
  }
}
