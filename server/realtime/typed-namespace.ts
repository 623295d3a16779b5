/**
 * socket.io's Namespace and Socket typed by one protocol: what its clients send, what the server
 * sends them, and what each socket carries. No inter-server events: one process serves them all.
 */
import type { Namespace, Socket } from 'socket.io';

type NoServerEvents = Record<string, never>;
/** socket.io's own constraint (not exported by the package): any interface of event handlers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same index signature as socket.io's EventsMap
type EventsMap = { [event: string]: any };

export type ProtocolNamespace<FromClient extends EventsMap, ToClient extends EventsMap, SocketData> = Namespace<
  FromClient,
  ToClient,
  NoServerEvents,
  SocketData
>;
export type ProtocolSocket<FromClient extends EventsMap, ToClient extends EventsMap, SocketData> = Socket<
  FromClient,
  ToClient,
  NoServerEvents,
  SocketData
>;
