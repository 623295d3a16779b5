/**
 * The /display namespace: door displays and lobby boards. The handshake says who a screen is
 * (displayId + token), what it shows (or 'unassigned' for a bare /display page) and which revision
 * it holds; the server tells it its assignment or pairing code, catches it up, then pushes each
 * change once to all. Nothing a display sends can change the schedule or the fleet: it can only
 * ask for time, report what it rendered and how it is, and ask to be caught up.
 */
import type { ClientAddressRule } from '../platform/client-address.ts';
import type { ProtocolNamespace, ProtocolSocket } from './typed-namespace.ts';
import { z } from 'zod';
import { formatZodError } from '../../shared/commands.ts';
import { SCHEDULE_ID_PATTERN } from '../../shared/id-rules.ts';
import { RESYNC_INTERVAL_MS } from '../../shared/limits.ts';
import { VenueId } from '../../shared/model.ts';
import type {
  DisplayClientToServer,
  DisplayFleetToClient,
  DisplayHandshake,
  DisplayServerToClient,
} from '../../shared/protocol.ts';
import type { ServerClock } from '../platform/server-clock.ts';
import type { ScheduleService } from '../schedule/service-types.ts';
import { catchUp, holdsThisSchedule } from './catch-up.ts';
import { defaultDisplayName } from '../fleet/display-names.ts';
import type { DisplayRegistry } from '../fleet/display-registry.ts';
import { DISPLAY_EVENT_BUDGET, spendEvent, type BudgetState, type EventBudget } from './event-budget.ts';

const ScreenSchema = z.object({
  width: z.int().min(0).max(100_000),
  height: z.int().min(0).max(100_000),
  orientation: z.enum(['portrait', 'landscape']),
});

export const DisplayReportSchema = z.object({
  screen: ScreenSchema.optional(),
  /** A skew beyond a year is a broken device clock, not a measurement. */
  clockSkewMs: z
    .number()
    .min(-366 * 86_400_000)
    .max(366 * 86_400_000)
    .optional(),
});

export const DisplayHandshakeSchema = z
  .object({
    view: z.enum(['room', 'lobby', 'unassigned']),
    venueId: z.optional(VenueId),
    /** Stable id a screen keeps across reloads, so the fleet view shows one entry per screen. */
    displayId: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'must be 1-100 letters, digits, _ . : or -')
      .optional(),
    /** The screen's secret: at least 128 bits as base64url or hex. */
    token: z
      .string()
      .regex(/^[A-Za-z0-9_-]{22,200}$/, 'must be 22-200 letters, digits, _ or -')
      .optional(),
    revision: z.int().min(0).optional(),
    scheduleId: z.string().regex(SCHEDULE_ID_PATTERN, 'must be 1-64 letters, digits, _ or -').optional(),
    /** Human name for the fleet view (extension); defaults to the room name or "Lobby". */
    name: z.string().trim().min(1).max(100).optional(),
    preview: z.boolean().optional(),
    // Telemetry only: a screen that reports a strange size is still let in, without the size.
    screen: ScreenSchema.optional().catch(undefined),
  })
  .refine((auth) => auth.view !== 'room' || auth.venueId !== undefined, {
    message: 'is required for the room view',
    path: ['venueId'],
  })
  // Pairing binds a code to the screen's token: without one, nobody could reclaim the pairing.
  .refine((auth) => auth.view !== 'unassigned' || auth.token !== undefined, {
    message: 'is required for an unassigned display',
    path: ['token'],
  }) satisfies z.ZodType<DisplayHandshake>;

type DisplayHandshakeData = z.infer<typeof DisplayHandshakeSchema>;

/**
 * What a screen's socket keeps. The parsed handshake is only needed while it is admitted; after
 * that only these few fields remain (thousands of sockets: every retained byte counts).
 */
interface DisplaySocketData extends BudgetState {
  /** Set by the middleware, dropped once the socket is admitted. */
  handshake?: DisplayHandshakeData | undefined;
  /** The fleet id its reports count for; undefined for a staff preview (no screen). */
  displayId?: string | undefined;
  lastResync?: number;
  /** The address the socket counts against (see DisplayCaps), and whether it waits for pairing. */
  address?: string;
  waiting?: boolean;
}

type DisplayToClient = DisplayServerToClient & DisplayFleetToClient;
export type DisplayNamespace = ProtocolNamespace<DisplayClientToServer, DisplayToClient, DisplaySocketData>;
type DisplaySocket = ProtocolSocket<DisplayClientToServer, DisplayToClient, DisplaySocketData>;

const Revision = z.int().min(0);
const MAX_USER_AGENT = 300;
export { RESYNC_INTERVAL_MS };

/**
 * What one network address may hold open on the public namespace. A venue's screens may share one
 * address (NAT, a proxy), so the socket cap is far above any real fleet; screens waiting for a
 * pairing code are a handful at a time, while each one costs a code and a fleet entry.
 */
export interface DisplayCaps {
  socketsPerAddress: number;
  pairingPerAddress: number;
}
export const DISPLAY_CAPS: DisplayCaps = { socketsPerAddress: 1000, pairingPerAddress: 50 };

const RELEASED_AUTH: Readonly<Record<string, never>> = Object.freeze({});

export function setupDisplayNamespace(
  namespace: DisplayNamespace,
  deps: {
    service: ScheduleService;
    clock: ServerClock;
    displays: DisplayRegistry;
    eventBudget?: EventBudget | undefined;
    displayCaps?: DisplayCaps | undefined;
    /** The caps count clients, not the proxy in front of them: the --trust-proxy rule of the HTTP side. */
    clientAddress: ClientAddressRule['of'];
  },
): void {
  const { service, clock, displays } = deps;
  const caps = deps.displayCaps ?? DISPLAY_CAPS;
  const perAddress = new Map<string, { sockets: number; waiting: number }>();
  const budget = deps.eventBudget ?? DISPLAY_EVENT_BUDGET;
  // Handlers are made once per namespace and find their screen through `this` (the socket, or its
  // engine.io connection): six closures per socket were a measurable share of each screen's heap.
  const connectionOf = new WeakMap<object, string>();
  function onHeartbeat(this: object): void {
    const id = connectionOf.get(this);
    if (id !== undefined) displays.seen(id);
  }
  function onTimeSync(this: DisplaySocket, ack: unknown): void {
    if (typeof ack !== 'function') return;
    const id = this.data.displayId;
    if (id !== undefined) displays.seen(id);
    ack(Date.now());
  }
  function onRendered(this: DisplaySocket, revision: number): void {
    const id = this.data.displayId;
    if (id === undefined || !Revision.safeParse(revision).success || revision > service.revision()) return;
    displays.rendered(id, revision);
  }
  function onStatus(this: DisplaySocket, report: unknown): void {
    const id = this.data.displayId;
    const parsed = DisplayReportSchema.safeParse(report);
    if (id !== undefined && parsed.success) displays.report(id, parsed.data);
  }
  function onResync(this: DisplaySocket, revision: number): void {
    const valid = Revision.safeParse(revision).success;
    // A screen at the current revision has missed nothing.
    if (valid && revision >= service.revision()) return;
    const now = Date.now();
    if (now - (this.data.lastResync ?? -Infinity) < RESYNC_INTERVAL_MS) return;
    this.data.lastResync = now;
    // The connection's catch-up gave the screen this server's schedule: its revision counts here.
    catchUp(this, service, { revision: valid ? revision : undefined });
  }
  /** Every event, known or not, is counted before its handler runs. */
  function onAnyEvent(this: DisplaySocket): void {
    if (this.connected && !spendEvent(this.data, budget, Date.now())) this.disconnect(true);
  }
  function onDisconnect(this: DisplaySocket): void {
    const counts = perAddress.get(this.data.address ?? '');
    if (counts) {
      counts.sockets -= 1;
      if (this.data.waiting) counts.waiting -= 1;
      if (counts.sockets <= 0) perAddress.delete(this.data.address ?? '');
    }
    const id = this.data.displayId;
    if (id === undefined) return;
    connectionOf.delete(this.conn);
    this.conn.off('heartbeat', onHeartbeat);
    displays.disconnected(id);
  }

  namespace.use((socket, next) => {
    const parsed = DisplayHandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(new Error(`invalid display handshake: ${formatZodError(parsed.error).error}`));
    const address = deps.clientAddress(socket.request);
    socket.data.address = address;
    const counts = perAddress.get(address);
    if (counts && counts.sockets >= caps.socketsPerAddress)
      return next(new Error('too many screens from this address'));
    const waiting = parsed.data.view === 'unassigned' && !parsed.data.preview;
    if (waiting && counts && counts.waiting >= caps.pairingPerAddress) {
      return next(new Error('too many screens waiting for a pairing code from this address'));
    }
    socket.data.handshake = parsed.data;
    next();
  });

  namespace.on('connection', (socket: DisplaySocket) => {
    const handshake = socket.data.handshake!;
    const address = socket.data.address!;
    const counts = perAddress.get(address) ?? { sockets: 0, waiting: 0 };
    perAddress.set(address, counts);
    counts.sockets += 1;
    if (handshake.view === 'unassigned' && !handshake.preview) {
      counts.waiting += 1;
      socket.data.waiting = true;
    }
    // Neither the parsed handshake nor the raw one (with the screen's token) is read again.
    socket.data.handshake = undefined;
    socket.handshake.auth = RELEASED_AUTH;
    // Only a revision this server actually produced counts as rendered.
    const held = holdsThisSchedule(service, handshake) ? handshake.revision : 0;
    // A staff preview is no screen: it gets the same data but stays out of the fleet.
    const admission = handshake.preview
      ? undefined
      : displays.admit({
          socketId: socket.id,
          displayId: handshake.displayId,
          token: handshake.token,
          view: handshake.view,
          venueId: handshake.venueId,
          name: handshake.name,
          defaultName: (assignment) => defaultDisplayName(service.schedule(), assignment),
          revision: held,
          userAgent: socket.handshake.headers['user-agent']?.slice(0, MAX_USER_AGENT),
          screen: handshake.screen,
        });
    if (admission) {
      socket.data.displayId = admission.id;
      // socket.io's heartbeat (every 25 s) proves the page is alive even when nothing changes.
      connectionOf.set(socket.conn, admission.id);
      socket.conn.on('heartbeat', onHeartbeat);
    }
    if (admission?.kind === 'assigned') socket.emit('assign', admission.assignment);
    if (admission?.kind === 'pairing') socket.emit('pairing', admission.pairing);

    // A screen waiting to be paired gets the schedule too, so it switches the moment it is paired.
    catchUp(socket, service, handshake);
    socket.emit('clock', { ...clock.state(), revision: service.revision() });

    socket.onAny(onAnyEvent);
    socket.on('time:sync', onTimeSync);
    socket.on('rendered', onRendered);
    socket.on('status', onStatus);
    socket.on('resync', onResync);
    socket.on('disconnect', onDisconnect);
  });
}
