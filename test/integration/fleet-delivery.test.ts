/**
 * Proof of delivery and health: each screen's confirmed revision gives "delivered to 2/3 screens"
 * with the lagging one named; what a screen reports about itself (user agent, screen, clock skew)
 * shows in the fleet; a connected screen that goes silent is flagged stale.
 */
import { describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { deliveryOf, deliveryText, laggingText } from '../../control/data/delivery.ts';
import { DisplayRegistry, STALE_AFTER_MS } from '../../server/fleet/display-registry.ts';
import type { TestServer } from '../support/server.ts';
import { useFrozenServer } from './live-suite.ts';
import { Recorder, connectControl, connectDisplay, type Client } from './clients.ts';
import { fleet, newIdentity, pairedScreen, roundTrip } from './fleet-helpers.ts';

let server: TestServer;
let cookie: string;
const open: Client[] = [];

useFrozenServer((started, staffCookie) => {
  server = started;
  cookie = staffCookie;
}, open);

/** What the display page does: confirm each revision once it has it (including any already received). */
function confirmEachRevision(client: Client): void {
  const confirm = (revision: number) => client.socket.emit('rendered', revision);
  for (const { name, payload } of client.recorder.events)
    if (name === 'delta' || name === 'snapshot') confirm(payload.revision);
  client.socket.on('delta', (delta: { revision: number }) => confirm(delta.revision));
  client.socket.on('snapshot', (schedule: { revision: number }) => confirm(schedule.revision));
}

describe('delivery', () => {
  it('counts the screens that confirmed a change and names the one that lags', async () => {
    const left = await pairedScreen(server, cookie, { view: 'room', venueId: 'CR3', name: 'CR3 left' });
    const lobby = await pairedScreen(server, cookie, { view: 'lobby', name: 'Foyer' });
    const away = await pairedScreen(server, cookie, { view: 'room', venueId: 'M7', name: 'M7 door' });
    open.push(left.client, lobby.client);
    const ids = [left, lobby, away].map((s) => s.identity.displayId);
    confirmEachRevision(left.client);
    confirmEachRevision(lobby.client);
    const held = server.service.revision();
    away.client.socket.close();

    const panel = await connectControl(server.url, cookie);
    open.push(panel);
    const { body } = await server.request('PATCH', '/api/sessions/opening', { title: 'Opening, new title' }, cookie);
    const ours = (list: any[]) => list.filter((d) => ids.includes(d.id));
    const live = await panel.recorder.waitFor<any[]>(
      'displays',
      (list) => ours(list).filter((d) => d.revision >= body.revision).length === 2,
    );

    const delivery = deliveryOf(ours(live), body.revision);
    expect(deliveryText(delivery)).toBe('delivered to 2/3 screens');
    expect(delivery.lagging.map((d) => d.id)).toEqual([away.identity.displayId]);
    expect(laggingText(delivery)).toBe('M7 door (offline)');
    expect(deliveryOf(ours(await fleet(server, cookie)), body.revision).delivered).toBe(2);

    // The offline screen comes back, catches up, confirms: now every screen has the change.
    const back = await connectDisplay(server.url, { view: 'unassigned', ...away.identity, revision: held });
    open.push(back);
    confirmEachRevision(back);
    const complete = await panel.recorder.waitFor<any[]>('displays', (list) =>
      ours(list).every((d) => d.revision >= body.revision && d.connected),
    );
    expect(deliveryText(deliveryOf(ours(complete), body.revision))).toBe('delivered to 3/3 screens');
  });

  it('a confirmation from a screen waiting to be paired counts once it is paired', async () => {
    const identity = newIdentity();
    const bare = await connectDisplay(server.url, { view: 'unassigned', ...identity });
    open.push(bare);
    const { code } = await bare.recorder.waitFor('pairing');
    const snapshot = await bare.recorder.waitFor('snapshot');
    bare.socket.emit('rendered', snapshot.revision);
    await roundTrip(bare);
    const paired = await server.request('POST', '/api/displays/pair', { code, view: 'lobby', name: 'Late' }, cookie);
    expect(paired.body.revision).toBe(snapshot.revision);
  });
});

describe('what a screen reports', () => {
  it('its user agent, screen size and orientation, and clock skew show in the fleet', async () => {
    const identity = newIdentity();
    const socket: Socket = io(`${server.url}/display`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { 'user-agent': 'Mozilla/5.0 SignageTest Chrome/130.0' },
      auth: {
        view: 'room',
        venueId: 'CR3',
        ...identity,
        screen: { width: 1080, height: 1920, orientation: 'portrait' },
      },
    });
    const client = { socket, recorder: new Recorder(socket) };
    open.push(client);
    await client.recorder.waitFor('clock');
    let entry = (await fleet(server, cookie)).find((d) => d.id === identity.displayId);
    expect(entry).toMatchObject({
      userAgent: 'Mozilla/5.0 SignageTest Chrome/130.0',
      screen: { width: 1080, height: 1920, orientation: 'portrait' },
      connected: true,
      stale: false,
    });
    expect(entry).not.toHaveProperty('clockSkewMs');

    socket.emit('status', { clockSkewMs: -1234.4, screen: { width: 1920, height: 1080, orientation: 'landscape' } });
    socket.emit('status', { clockSkewMs: 'soon' }); // ignored
    await roundTrip(client);
    entry = (await fleet(server, cookie)).find((d) => d.id === identity.displayId);
    expect(entry).toMatchObject({
      clockSkewMs: -1234,
      screen: { width: 1920, height: 1080, orientation: 'landscape' },
    });
  });

  it('a strange screen size in the handshake is dropped, the screen still let in', async () => {
    const identity = newIdentity();
    const client = await connectDisplay(server.url, {
      view: 'lobby',
      ...identity,
      screen: { width: -1, height: 'tall' },
    });
    open.push(client);
    await client.recorder.waitFor('clock');
    const entry = (await fleet(server, cookie)).find((d) => d.id === identity.displayId);
    expect(entry).toMatchObject({ connected: true, view: 'lobby' });
    expect(entry).not.toHaveProperty('screen');
  });
});

describe('health', () => {
  /** The registry on its own, on a clock the test moves. */
  function registryAt(start: number) {
    const clock = { now: start };
    const registry = new DisplayRegistry(() => clock.now);
    registry.admit({
      socketId: 's1',
      ...newIdentity(),
      displayId: 'quiet',
      view: 'lobby',
      defaultName: () => 'Lobby',
      revision: 0,
    });
    return { clock, registry };
  }

  it('a connected screen silent for longer than the threshold is stale, and recovers when heard from', () => {
    const { clock, registry } = registryAt(1_000_000);
    let changes = 0;
    registry.onChange(() => changes++);
    expect(registry.list()[0]).toMatchObject({ id: 'quiet', connected: true, stale: false });

    clock.now += STALE_AFTER_MS - 1;
    registry.checkStale();
    expect(registry.list()[0]!.stale).toBe(false);
    expect(changes).toBe(0);

    clock.now += 2;
    registry.checkStale();
    registry.checkStale(); // told once, not on every check
    expect(registry.list()[0]!.stale).toBe(true);
    expect(changes).toBe(1);

    registry.seen('quiet');
    registry.checkStale();
    expect(registry.list()[0]!.stale).toBe(false);
    expect(changes).toBe(2);
  });

  it('a disconnected screen is offline since its last sign of life, never stale', () => {
    const { clock, registry } = registryAt(2_000_000);
    clock.now += 5_000;
    registry.disconnected('quiet');
    clock.now += 10 * STALE_AFTER_MS;
    expect(registry.list()[0]).toMatchObject({
      connected: false,
      stale: false,
      lastSeen: new Date(2_005_000).toISOString(),
    });
  });
});
