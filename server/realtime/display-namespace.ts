/**
 * The /display namespace: door displays and lobby boards. The handshake says what a screen shows
 * and which revision it holds; the server catches it up, then pushes each change once to all.
 * Nothing a display sends can change the schedule: it can only ask for time, report what it
 * rendered, and ask to be caught up.
 */
import type { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import { formatZodError } from '../../shared/commands.ts';
import { VenueId } from '../../shared/model.ts';
import type {
  DisplayClientToServer,
  DisplayHandshake,
  DisplayServerToClient,
} from '../../shared/protocol.ts';
import type { ServerClock } from '../clock.ts';
import type { ScheduleService } from '../domain/types.ts';
import { catchUp } from './catch-up.ts';
import type { DisplayIdentity, DisplayRegistry } from './display-registry.ts';

export const DisplayHandshakeSchema = z
  .object({
    view: z.enum(['room', 'lobby']),
    venueId: VenueId.optional(),
    /** Stable id a screen keeps across reloads, so the fleet view shows one entry per screen. */
    displayId: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'must be 1-100 letters, digits, _ . : or -').optional(),
    revision: z.int().min(0).optional(),
    /** Human name for the fleet view (extension); defaults to the room name or "Lobby". */
    name: z.string().trim().min(1).max(100).optional(),
    preview: z.boolean().optional(),
  })
  .refine((auth) => auth.view !== 'room' || auth.venueId !== undefined, {
    message: 'is required for the room view',
    path: ['venueId'],
  }) satisfies z.ZodType<DisplayHandshake>;

type DisplayHandshakeData = z.infer<typeof DisplayHandshakeSchema>;

interface DisplaySocketData {
  handshake: DisplayHandshakeData;
  identity: DisplayIdentity;
}

export type DisplayNamespace = Namespace<DisplayClientToServer, DisplayServerToClient, Record<string, never>, DisplaySocketData>;
type DisplaySocket = Socket<DisplayClientToServer, DisplayServerToClient, Record<string, never>, DisplaySocketData>;

const Revision = z.int().min(0);

function identify(socket: DisplaySocket, auth: DisplayHandshakeData, service: ScheduleService): DisplayIdentity {
  const venue = auth.venueId === undefined ? undefined : service.schedule().venues.find((v) => v.id === auth.venueId);
  const fallbackName = auth.view === 'lobby' ? 'Lobby' : `${venue?.name ?? auth.venueId} door`;
  return { id: auth.displayId ?? socket.id, name: auth.name ?? fallbackName, view: auth.view, venueId: auth.venueId };
}

export function setupDisplayNamespace(
  namespace: DisplayNamespace,
  deps: { service: ScheduleService; clock: ServerClock; displays: DisplayRegistry },
): void {
  const { service, clock, displays } = deps;

  namespace.use((socket, next) => {
    const parsed = DisplayHandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(new Error(`invalid display handshake: ${formatZodError(parsed.error).error}`));
    socket.data.handshake = parsed.data;
    next();
  });

  namespace.on('connection', (socket: DisplaySocket) => {
    const { handshake } = socket.data;
    const identity = identify(socket, handshake, service);
    socket.data.identity = identity;
    // Only a revision this server actually produced counts as rendered.
    const held = handshake.revision !== undefined && handshake.revision <= service.revision() ? handshake.revision : 0;
    // A staff preview is no screen: it gets the same data but stays out of the fleet.
    const fleet = handshake.preview ? undefined : displays;
    fleet?.connected(identity, held);

    catchUp(socket, service, handshake.revision);
    socket.emit('clock', clock.state());

    socket.on('time:sync', (ack) => {
      if (typeof ack !== 'function') return;
      fleet?.seen(identity.id);
      ack(Date.now());
    });
    socket.on('rendered', (revision) => {
      if (!Revision.safeParse(revision).success || revision > service.revision()) return;
      fleet?.rendered(identity.id, revision);
    });
    socket.on('resync', (revision) => {
      catchUp(socket, service, Revision.safeParse(revision).success ? revision : undefined);
    });
    socket.on('disconnect', () => fleet?.disconnected(identity.id));
  });
}
