/**
 * Issue 14 (6): anonymous screens cannot push staff's work out of the fleet. 2,001 anonymous
 * sockets used to evict a screen staff had renamed (its name was lost); now the per-address caps
 * refuse most of them, and even past the fleet's size cap only untouched offline screens go.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ENTRIES } from '../../server/fleet/display-registry.ts';
import { DISPLAY_CAPS } from '../../server/realtime/display-namespace.ts';
import { startTestServer, type TestServer, type TestServerOptions } from '../support/server.ts';
import { connectDisplay, type Client } from './clients.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';

let server: TestServer;
let open: Client[] = [];
afterEach(async () => {
  for (const client of open) client.socket.close();
  open = [];
  await server.close();
});

/** A self-registered door display that staff renamed, then switched off. */
async function renamedScreen(options: TestServerOptions): Promise<string> {
  server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0, ...options });
  const cookie = await server.login();
  const door = await connectDisplay(server.url, {
    view: 'room',
    venueId: 'CR3',
    displayId: 'door-cr3',
    token: 'door-cr3-token-0123456789abcdef',
  });
  await door.recorder.waitFor('clock');
  expect((await server.request('PATCH', '/api/displays/door-cr3', { name: 'CR3 main entrance' }, cookie)).status).toBe(
    200,
  );
  door.socket.close();
  await new Promise<void>((resolve) =>
    server.application.displays.onChange(() => !server.application.displays.get('door-cr3')?.connected && resolve()),
  );
  return cookie;
}

/** Opens this many anonymous pairing-code screens, a batch at a time; resolves with how many were refused. */
async function anonymousScreens(count: number): Promise<number> {
  let refused = 0;
  for (let start = 0; start < count; start += 200) {
    const batch = Array.from({ length: Math.min(200, count - start) }, (_, i) =>
      connectDisplay(server.url, { view: 'unassigned', token: `anonymous-token-${start + i}-0123456789abcdef` }).then(
        (client) => open.push(client),
        () => (refused += 1),
      ),
    );
    await Promise.all(batch);
  }
  return refused;
}

describe('fleet caps', () => {
  it('2,001 anonymous sockets from one address: most are refused, the renamed screen stays', async () => {
    const cookie = await renamedScreen({});
    const refused = await anonymousScreens(2_001);
    expect(refused).toBe(2_001 - DISPLAY_CAPS.pairingPerAddress);
    const { body } = await server.request('GET', '/api/displays', undefined, cookie);
    expect(body.find((d: any) => d.id === 'door-cr3')).toMatchObject({ name: 'CR3 main entrance', connected: false });
  });

  it('past the fleet cap (caps raised), only untouched offline screens are evicted, never the renamed one', async () => {
    const cookie = await renamedScreen({ displayCaps: { socketsPerAddress: 5_000, pairingPerAddress: 5_000 } });
    expect(await anonymousScreens(MAX_ENTRIES + 1)).toBe(0);
    const { body } = await server.request('GET', '/api/displays', undefined, cookie);
    expect(body.find((d: any) => d.id === 'door-cr3')).toMatchObject({ name: 'CR3 main entrance', connected: false });
  });
});
