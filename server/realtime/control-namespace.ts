/**
 * The /control namespace: the staff panel's live channel. Admission needs a staff session cookie
 * (checked once, by the namespace middleware); the channel closes when that session ends (logout
 * or expiry), and the panel must log in again to reopen it. A new panel gets the schedule, the
 * clock, the fleet and the recent journal; afterwards every change, journal entry and fleet
 * update as it happens.
 */
import type { ControlHandshake } from '../../shared/protocol.ts';
import type { ProtocolNamespace, ProtocolSocket } from './typed-namespace.ts';
import type { ControlClientToServer, ControlServerToClient } from '../../shared/protocol.ts';
import { staffSocketDoor } from '../staff/staff-door.ts';
import type { StaffAuth, StaffSession } from '../staff/staff-auth.ts';
import type { ServerClock } from '../platform/server-clock.ts';
import type { ScheduleService } from '../schedule/service-types.ts';
import type { Fleet } from '../fleet/fleet.ts';

/** How much of the journal a panel gets on connect; older entries come from GET /api/changes. */
export const RECENT_JOURNAL = 100;
/** setTimeout's longest delay; a later expiry is reached in several steps. */
const MAX_TIMEOUT = 2 ** 31 - 1;

interface ControlSocketData {
  staff: StaffSession;
}

export type ControlNamespace = ProtocolNamespace<ControlClientToServer, ControlServerToClient, ControlSocketData>;
type ControlSocket = ProtocolSocket<ControlClientToServer, ControlServerToClient, ControlSocketData>;

export function setupControlNamespace(
  namespace: ControlNamespace,
  deps: { service: ScheduleService; clock: ServerClock; fleet: Fleet; auth: StaffAuth },
): () => void {
  const { service, clock, fleet, auth } = deps;

  namespace.use(staffSocketDoor(auth));

  namespace.on('connection', (socket: ControlSocket) => {
    const stopExpiry = disconnectAtExpiry(socket, socket.data.staff.exp);
    socket.on('disconnect', stopExpiry);
    // The door refuses an event the role may not send by failing it; that is not a server fault.
    socket.on('error', () => {});
    // A panel that presents a revision of this schedule gets only what it missed (deltas and
    // their journal entries), as a screen does; any other gets one snapshot and the recent journal.
    const held = heldRevision(socket.handshake.auth, service.schedule().scheduleId);
    const missed = held === undefined ? null : service.deltasSince(held, RECENT_JOURNAL);
    if (held !== undefined && missed) {
      for (const delta of missed) socket.emit('delta', delta);
    } else {
      socket.emit('snapshot', service.schedule());
    }
    socket.emit('clock', { ...clock.state(), revision: service.revision() });
    socket.emit('displays', fleet.list());
    const since = held !== undefined && missed ? held : Math.max(0, service.revision() - RECENT_JOURNAL);
    for (const entry of service.journalSince(since, RECENT_JOURNAL)) socket.emit('journal', entry);

    socket.on('time:sync', (ack) => {
      if (typeof ack === 'function') ack(Date.now());
    });
  });

  // A panel whose session was logged out loses its live channel too.
  const stopLogout = auth.onLogout((session) => {
    for (const socket of namespace.sockets.values()) {
      if (socket.data.staff?.sid === session.sid) socket.disconnect(true);
    }
  });
  // So does one whose account was disabled or given other rights ('' = any account, from the CLI).
  // '' also comes when another node or the CLI changed accounts or signed someone out.
  const stopAccounts = auth.accounts.onChange((username) => {
    for (const socket of namespace.sockets.values()) {
      const staff = socket.data.staff;
      if (!staff || (username !== '' && staff.actor !== username)) continue;
      auth.check(staff).then(
        (current) => {
          if (!current || current.role !== staff.role || current.emergency !== staff.emergency) socket.disconnect(true);
        },
        // Unchecked is not admitted: the panel reconnects and is checked afresh at the door.
        () => socket.disconnect(true),
      );
    }
  });
  return () => {
    stopLogout();
    stopAccounts();
  };
}

/**
 * The door checks the session once, at the handshake: without this an open panel would go on
 * receiving the journal long after its login ended. Returns a function that cancels the timer.
 */
/** The revision a reconnecting panel holds, when it is one of this schedule's. */
function heldRevision(auth: unknown, scheduleId: string | undefined): number | undefined {
  const { revision, scheduleId: theirs } = (auth ?? {}) as ControlHandshake;
  if (!Number.isInteger(revision) || (revision as number) < 0) return undefined;
  if (scheduleId !== undefined && theirs !== scheduleId) return undefined;
  return revision;
}

function disconnectAtExpiry(socket: ControlSocket, expiresAt: number, now: () => number = Date.now): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    const wait = expiresAt - now();
    if (wait <= 0) socket.disconnect(true);
    else timer = setTimeout(check, Math.min(wait, MAX_TIMEOUT));
  };
  check();
  return () => clearTimeout(timer);
}
