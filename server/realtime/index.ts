/**
 * Wires the live side together: both namespaces, one broadcast per committed change, clock
 * changes to every screen, throttled fleet updates to the panels, and the expiry timer.
 */
import type { Server } from 'socket.io';
import { CONTROL_NAMESPACE, DISPLAY_NAMESPACE } from '../../shared/protocol.ts';
import type { StaffAuth } from '../auth/staff-auth.ts';
import type { ServerClock } from '../clock.ts';
import type { ScheduleService } from '../domain/types.ts';
import type { Logger } from '../http/errors.ts';
import { setupControlNamespace, type ControlNamespace } from './control-namespace.ts';
import type { DisplayRegistry } from './display-registry.ts';
import { setupDisplayNamespace, type DisplayNamespace } from './display-namespace.ts';
import { startExpiryTimer } from './expiry-timer.ts';
import { throttle } from './throttle.ts';

/** Fleet updates go to panels at most this often: a reconnect storm must not flood them. */
export const DISPLAYS_THROTTLE_MS = 250;

export interface RealtimeDeps {
  service: ScheduleService;
  clock: ServerClock;
  auth: StaffAuth;
  displays: DisplayRegistry;
  logger: Logger;
}

export function attachRealtime(io: Server, deps: RealtimeDeps): { close(): void } {
  const { service, clock, displays, logger } = deps;
  const displayNs = io.of(DISPLAY_NAMESPACE) as DisplayNamespace;
  const controlNs = io.of(CONTROL_NAMESPACE) as ControlNamespace;

  setupDisplayNamespace(displayNs, deps);
  const stopLogoutWatch = setupControlNamespace(controlNs, deps);

  // Namespace-wide emits encode each message once for every socket.
  const stopChanges = service.onChange(({ delta, entry }) => {
    displayNs.emit('delta', delta);
    controlNs.emit('delta', delta);
    controlNs.emit('journal', entry);
  });
  const stopClock = clock.onChange((state) => {
    displayNs.emit('clock', state);
    controlNs.emit('clock', state);
  });
  const fleet = throttle(() => controlNs.emit('displays', displays.list()), DISPLAYS_THROTTLE_MS);
  const stopFleet = displays.onChange(() => fleet.call());
  const expiry = startExpiryTimer(service, clock, logger);

  return {
    close(): void {
      expiry.stop();
      stopChanges();
      stopClock();
      stopFleet();
      fleet.cancel();
      stopLogoutWatch();
    },
  };
}
