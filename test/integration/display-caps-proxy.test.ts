/**
 * Issue 14: behind a trusted proxy the per-address display caps count each client (by the
 * X-Forwarded-For the proxy adds), not the proxy; a peer that is not a configured proxy cannot
 * dodge the caps by sending its own X-Forwarded-For. Same rule as the login limiter (one function,
 * server/platform/client-address.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectDisplay, refusedConnection, type Client } from './clients.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';

let server: TestServer;
const open: Client[] = [];
afterEach(async () => {
  for (const client of open.splice(0)) client.socket.close();
  await server.close();
});

const CAPS = { socketsPerAddress: 3, pairingPerAddress: 2 };
let serial = 0;
/** A screen waiting for a pairing code, reaching us with this X-Forwarded-For (or none). */
function waitingScreen(forwardedFor?: string): Promise<Client> {
  serial += 1;
  const auth = { view: 'unassigned', token: `waiting-screen-${serial}-0123456789abcdef` };
  return connectDisplay(server.url, auth, forwardedFor ? { 'x-forwarded-for': forwardedFor } : undefined).then(
    (client) => (open.push(client), client),
  );
}

describe('display caps behind a proxy', () => {
  it('from the trusted proxy, each forwarded client has its own caps', async () => {
    // The tests reach the server over loopback: here that is the configured proxy.
    server = await startTestServer({
      programme: FIXTURE,
      clock: FIXTURE_CLOCK,
      speed: 0,
      trustProxy: ['loopback'],
      displayCaps: CAPS,
    });
    await waitingScreen('203.0.113.7');
    await waitingScreen('203.0.113.7');
    const third = await refusedConnection(waitingScreen('203.0.113.7'));
    expect(third.message).toBe('too many screens waiting for a pairing code from this address');
    // Another delegate's screen behind the same proxy is not punished for the first one's.
    await waitingScreen('198.51.100.20');
    await waitingScreen('10.9.9.9, 198.51.100.21');

    // Socket cap, likewise per client: two door displays more fill 203.0.113.7's three.
    await connectDisplay(server.url, { view: 'lobby' }, { 'x-forwarded-for': '203.0.113.7' }).then((c) => open.push(c));
    const over = await refusedConnection(
      connectDisplay(server.url, { view: 'lobby' }, { 'x-forwarded-for': '203.0.113.7' }),
    );
    expect(over.message).toBe('too many screens from this address');
    await connectDisplay(server.url, { view: 'lobby' }, { 'x-forwarded-for': '198.51.100.20' }).then((c) =>
      open.push(c),
    );
  });

  it('from an untrusted peer, X-Forwarded-For is ignored: rotating it does not dodge the caps', async () => {
    server = await startTestServer({
      programme: FIXTURE,
      clock: FIXTURE_CLOCK,
      speed: 0,
      trustProxy: ['10.0.0.1'],
      displayCaps: CAPS,
    });
    await waitingScreen('203.0.113.1');
    await waitingScreen('203.0.113.2');
    const refused = await refusedConnection(waitingScreen('203.0.113.3'));
    expect(refused.message).toBe('too many screens waiting for a pairing code from this address');
  });

  it('without --trust-proxy the header counts for nothing either', async () => {
    server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0, displayCaps: CAPS });
    await waitingScreen('203.0.113.1');
    await waitingScreen();
    await refusedConnection(waitingScreen('203.0.113.3'));
  });
});
