/**
 * Issue 14 (7): a public /display socket that floods events (time:sync, rendered, status, resync,
 * or any other name) is disconnected; a screen that talks at a normal pace stays connected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectDisplay, type Client } from './clients.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';

let server: TestServer;
const open: Client[] = [];

beforeAll(async () => {
  server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
});
afterAll(async () => {
  for (const client of open) client.socket.close();
  await server.close();
});

async function screen(displayId: string): Promise<Client> {
  const client = await connectDisplay(server.url, { view: 'room', venueId: 'CR3', displayId });
  open.push(client);
  await client.recorder.waitFor('clock');
  return client;
}

function disconnected(client: Client): Promise<string> {
  return new Promise((resolve) => client.socket.once('disconnect', (reason) => resolve(reason)));
}

const timeSync = (client: Client) => new Promise<number>((resolve) => client.socket.emit('time:sync', resolve));

describe('/display flood limits', () => {
  it.each([
    ['time:sync', (c: Client) => c.socket.emit('time:sync', () => {})],
    ['rendered', (c: Client) => c.socket.emit('rendered', 0)],
    ['status', (c: Client) => c.socket.emit('status', { clockSkewMs: 1 })],
    ['resync', (c: Client) => c.socket.emit('resync', 0)],
    ['an unknown event', (c: Client) => (c.socket.emit as (name: string) => void)('junk')],
  ])('a socket flooding %s is disconnected; a normal screen is not', async (_name, emit) => {
    const normal = await screen(`normal-${_name.replace(/\W/g, '-')}`);
    const flooder = await screen(`flooder-${_name.replace(/\W/g, '-')}`);
    const cut = disconnected(flooder);
    for (let i = 0; i < 5_000; i++) emit(flooder);
    expect(await cut).toBe('io server disconnect');

    // The normal screen's pace: a time sync, a rendered report and a status report.
    expect(await timeSync(normal)).toEqual(expect.any(Number));
    normal.socket.emit('rendered', 0);
    normal.socket.emit('status', { clockSkewMs: 3 });
    expect(await timeSync(normal)).toEqual(expect.any(Number));
    expect(normal.socket.connected).toBe(true);
  });
});
