/**
 * Shared steps of the fleet tests: a screen with its own id and token (as the display page makes
 * them), pairing it through the staff API, and a round trip that proves a socket has received
 * everything sent to it before (socket.io keeps order per socket).
 */
import { randomBytes } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type { TestServer } from '../support/server.ts';
import { connectDisplay, type Client } from './clients.ts';

export interface ScreenIdentity {
  displayId: string;
  token: string;
}

export function newIdentity(prefix = 'screen'): ScreenIdentity {
  return { displayId: `${prefix}-${randomBytes(8).toString('hex')}`, token: randomBytes(24).toString('hex') };
}

/** A bare /display page: no assignment of its own. */
export function connectBare(
  server: TestServer,
  identity: ScreenIdentity,
  extra: Record<string, unknown> = {},
): Promise<Client> {
  return connectDisplay(server.url, { view: 'unassigned', ...identity, ...extra });
}

/** Connects a bare screen and pairs it to this assignment; resolves once the screen got `assign`. */
export async function pairedScreen(
  server: TestServer,
  cookie: string,
  target: { view: 'room' | 'lobby'; venueId?: string; name: string },
  identity = newIdentity(),
): Promise<{ client: Client; identity: ScreenIdentity }> {
  const client = await connectBare(server, identity);
  const { code } = await client.recorder.waitFor('pairing');
  const { status, body } = await server.request('POST', '/api/displays/pair', { code, ...target }, cookie);
  if (status !== 201) throw new Error(`pairing failed: ${status} ${JSON.stringify(body)}`);
  await client.recorder.waitFor('assign');
  return { client, identity };
}

/** Resolves once the server has answered a round trip: anything it sent before has arrived. */
export async function roundTrip(client: Client): Promise<void> {
  await (client.socket as Socket).timeout(5000).emitWithAck('time:sync');
}

export async function fleet(server: TestServer, cookie: string): Promise<any[]> {
  const { status, body } = await server.request('GET', '/api/displays', undefined, cookie);
  if (status !== 200) throw new Error(`GET /api/displays: ${status}`);
  return body;
}
