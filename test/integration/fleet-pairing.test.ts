/**
 * Pairing and identity on the /display namespace: a bare screen gets a code, staff pair it, the
 * screen (and only it) is told its assignment at once and again on every reconnection; nobody can
 * pair without a staff session nor take over another screen's id.
 */
import { describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { PAIRING_ALPHABET } from '../../server/fleet/display-secrets.ts';
import type { TestServer } from '../support/server.ts';
import { useFrozenServer } from './live-suite.ts';
import { connectDisplay, refusedConnection, type Client } from './clients.ts';
import { connectBare, fleet, newIdentity, pairedScreen, roundTrip } from './fleet-helpers.ts';

let server: TestServer;
let cookie: string;
const open: Client[] = [];

useFrozenServer((started, staffCookie) => {
  server = started;
  cookie = staffCookie;
}, open);

async function track<T extends Client | { client: Client }>(promise: Promise<T>): Promise<T> {
  const value = await promise;
  open.push('client' in value ? value.client : value);
  return value;
}

describe('a bare /display screen', () => {
  it('gets a six-character code from the unambiguous alphabet, the schedule and the clock, and is not listed yet', async () => {
    const identity = newIdentity();
    const screen = await track(connectBare(server, identity));
    const pairing = await screen.recorder.waitFor('pairing');
    expect(pairing.displayId).toBe(identity.displayId);
    expect(pairing.code).toMatch(new RegExp(`^[${PAIRING_ALPHABET}]{6}$`));
    expect(pairing.code).not.toMatch(/[01OIL]/);
    await screen.recorder.waitFor('clock');
    expect(screen.recorder.events.map((e) => e.name)).toEqual(['pairing', 'snapshot', 'clock']);
    expect((await fleet(server, cookie)).map((d) => d.id)).not.toContain(identity.displayId);
  });

  it('keeps its code across a reconnection with the same identity', async () => {
    const identity = newIdentity();
    const first = await connectBare(server, identity);
    const { code } = await first.recorder.waitFor('pairing');
    first.socket.close();
    const again = await track(connectBare(server, identity));
    expect((await again.recorder.waitFor('pairing')).code).toBe(code);
  });

  it('must bring a token: pairing binds the code to it', async () => {
    const error = await refusedConnection(connectDisplay(server.url, { view: 'unassigned', displayId: 'no-token' }));
    expect(error.message).toMatch(/token: is required for an unassigned display/);
  });
});

describe('pairing', () => {
  it('binds the code to that screen, which alone is told its assignment at once', async () => {
    const identity = newIdentity();
    const screen = await track(connectBare(server, identity));
    const bystander = await track(connectBare(server, newIdentity()));
    await bystander.recorder.waitFor('pairing');
    const { code } = await screen.recorder.waitFor('pairing');

    // Staff type codes as they read them: lower case, with a space, is fine.
    const typed = `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`;
    const { status, body } = await server.request(
      'POST',
      '/api/displays/pair',
      { code: typed, view: 'room', venueId: 'CR3', name: 'CR3 left' },
      cookie,
    );
    expect(status).toBe(201);
    expect(body).toMatchObject({
      id: identity.displayId,
      name: 'CR3 left',
      view: 'room',
      venueId: 'CR3',
      connected: true,
      stale: false,
    });

    const assign = await screen.recorder.waitFor('assign');
    expect(assign).toEqual({ displayId: identity.displayId, name: 'CR3 left', view: 'room', venueId: 'CR3' });
    await roundTrip(bystander);
    expect(bystander.recorder.all('assign')).toEqual([]);
    expect((await fleet(server, cookie)).find((d) => d.id === identity.displayId)).toMatchObject({
      name: 'CR3 left',
      connected: true,
    });

    // The code is used up.
    const reuse = await server.request('POST', '/api/displays/pair', { code, view: 'lobby', name: 'Again' }, cookie);
    expect(reuse.status).toBe(404);
    // The English error stays for other programs; the code and its params are for the panel's words.
    expect(reuse.body).toEqual({
      error: `code: no screen is showing the pairing code ${code}`,
      field: 'code',
      code: 'pairing.unknown-code',
      params: { code },
    });
  });

  it('on every reconnection, the screen presenting its id and token is told its assignment first', async () => {
    const { client, identity } = await track(pairedScreen(server, cookie, { view: 'lobby', name: 'Foyer' }));
    client.socket.close();
    const again = await track(connectBare(server, identity, { revision: server.service.revision() }));
    await again.recorder.waitFor('clock');
    expect(again.recorder.events.map((e) => e.name)).toEqual(['assign', 'clock']);
    expect(again.recorder.all('assign')[0]).toEqual({ displayId: identity.displayId, name: 'Foyer', view: 'lobby' });
  });

  it("staff's assignment wins over the URL of a page that presents the screen's identity", async () => {
    const { client, identity } = await track(
      pairedScreen(server, cookie, { view: 'room', venueId: 'M7', name: 'M7 door' }),
    );
    client.socket.close();
    const fromUrl = await track(connectDisplay(server.url, { view: 'room', venueId: 'CR3', ...identity }));
    expect(await fromUrl.recorder.waitFor('assign')).toMatchObject({
      displayId: identity.displayId,
      view: 'room',
      venueId: 'M7',
    });
  });

  it.each([
    [{ view: 'room', name: 'X' }, 400, { field: 'venueId', error: 'venueId: is required for the room view' }],
    [
      { view: 'lobby', venueId: 'CR3', name: 'X' },
      400,
      { field: 'venueId', error: 'venueId: is only for the room view' },
    ],
    [{ view: 'room', venueId: 'Nowhere', name: 'X' }, 404, { field: 'venueId' }],
    [{ view: 'wall', name: 'X' }, 400, { field: 'view' }],
    [{ view: 'lobby', name: '   ' }, 400, { field: 'name' }],
    [{ view: 'lobby', name: 'X', extra: 1 }, 400, {}],
  ])('refuses %j with %i naming the field', async (target, status, error) => {
    const screen = await track(connectBare(server, newIdentity()));
    const { code } = await screen.recorder.waitFor('pairing');
    const answer = await server.request('POST', '/api/displays/pair', { code, ...target }, cookie);
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject(error);
    await roundTrip(screen);
    expect(screen.recorder.all('assign')).toEqual([]);
  });
});

describe('nobody but staff', () => {
  it('an anonymous client cannot pair (401) and the screen stays unpaired', async () => {
    const screen = await track(connectBare(server, newIdentity()));
    const { code } = await screen.recorder.waitFor('pairing');
    const answer = await server.request('POST', '/api/displays/pair', { code, view: 'lobby', name: 'Mine now' });
    expect(answer.status).toBe(401);
    await roundTrip(screen);
    expect(screen.recorder.all('assign')).toEqual([]);
  });

  it('a display socket cannot pair, reassign or command anything by sending events', async () => {
    const { client: victim, identity } = await track(
      pairedScreen(server, cookie, { view: 'room', venueId: 'CR3', name: 'Victim' }),
    );
    const attacker = await track(connectBare(server, newIdentity()));
    const { code } = await attacker.recorder.waitFor('pairing');
    const hostile = attacker.socket as Socket;
    hostile.emit('pair', { code, view: 'lobby' });
    hostile.emit('assign', { displayId: identity.displayId, view: 'lobby' });
    hostile.emit('identify', identity.displayId);
    hostile.emit('reload', identity.displayId);
    hostile.emit('status', { screen: { width: -5 } });
    hostile.emit('rendered', 10_000);
    await roundTrip(attacker);
    await roundTrip(victim);
    expect(victim.recorder.all('assign')).toHaveLength(1);
    expect(victim.recorder.all('identify')).toEqual([]);
    expect(victim.recorder.all('reload')).toEqual([]);
    expect(attacker.recorder.all('assign')).toEqual([]);
    expect((await fleet(server, cookie)).find((d) => d.id === identity.displayId)).toMatchObject({
      view: 'room',
      venueId: 'CR3',
      name: 'Victim',
    });
  });

  it("a wrong token for a known id gets a fresh identity, never the screen's assignment or commands", async () => {
    const { client: victim, identity } = await track(
      pairedScreen(server, cookie, { view: 'room', venueId: 'M7', name: 'Real M7' }),
    );
    const impostor = await track(connectBare(server, { displayId: identity.displayId, token: newIdentity().token }));
    const pairing = await impostor.recorder.waitFor('pairing');
    expect(pairing.displayId).not.toBe(identity.displayId);
    expect(impostor.recorder.all('assign')).toEqual([]);

    // Commands for the real screen do not reach the impostor.
    expect(
      (await server.request('POST', `/api/displays/${identity.displayId}/identify`, undefined, cookie)).body,
    ).toEqual({ sent: true });
    await victim.recorder.waitFor('identify');
    await roundTrip(impostor);
    expect(impostor.recorder.all('identify')).toEqual([]);

    // Through a door URL too: a fresh id for that door, the real record untouched.
    const viaUrl = await track(
      connectDisplay(server.url, {
        view: 'room',
        venueId: 'CR3',
        displayId: identity.displayId,
        token: newIdentity().token,
      }),
    );
    const assigned = await viaUrl.recorder.waitFor('assign');
    expect(assigned.displayId).not.toBe(identity.displayId);
    expect(assigned).toMatchObject({ view: 'room', venueId: 'CR3' });
    const list = await fleet(server, cookie);
    expect(list.filter((d) => d.id === identity.displayId)).toEqual([
      expect.objectContaining({ name: 'Real M7', view: 'room', venueId: 'M7', connected: true }),
    ]);
  });

  it('without any token, a known id is not taken over either', async () => {
    const { identity } = await track(pairedScreen(server, cookie, { view: 'lobby', name: 'Guarded' }));
    const tokenless = await track(connectDisplay(server.url, { view: 'lobby', displayId: identity.displayId }));
    await tokenless.recorder.waitFor('clock');
    expect(tokenless.recorder.all('assign')).toEqual([]);
    const entries = (await fleet(server, cookie)).filter((d) => d.id === identity.displayId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ name: 'Guarded', view: 'lobby' });
  });
});
