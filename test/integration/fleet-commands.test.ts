/**
 * Staff commands on a screen: reassign and rename move a live screen at once; identify and reload
 * reach only their target; forget removes the record and sends a connected screen back to a
 * pairing code. All of them are staff-only.
 */
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server.ts';
import { useFrozenServer } from './live-suite.ts';
import { connectControl, connectDisplay, type Client } from './clients.ts';
import { connectBare, fleet, newIdentity, pairedScreen, roundTrip } from './fleet-helpers.ts';

let server: TestServer;
let cookie: string;
const open: Client[] = [];

useFrozenServer((started, staffCookie) => {
  server = started;
  cookie = staffCookie;
}, open);

async function screen(target: { view: 'room' | 'lobby'; venueId?: string; name: string }) {
  const paired = await pairedScreen(server, cookie, target);
  open.push(paired.client);
  return paired;
}

describe('reassign and rename', () => {
  it('moves a live screen to another room, then to the lobby; the panels see it', async () => {
    const { client, identity } = await screen({ view: 'room', venueId: 'CR3', name: 'Hall screen' });
    const panel = await connectControl(server.url, cookie);
    open.push(panel);
    await panel.recorder.waitFor('displays');

    const toM7 = await server.request('PATCH', `/api/displays/${identity.displayId}`, { venueId: 'M7' }, cookie);
    expect(toM7.status).toBe(200);
    expect(toM7.body).toMatchObject({ id: identity.displayId, view: 'room', venueId: 'M7', name: 'Hall screen' });
    expect(await client.recorder.waitFor('assign', (a) => a.venueId === 'M7')).toEqual({
      displayId: identity.displayId,
      name: 'Hall screen',
      view: 'room',
      venueId: 'M7',
    });

    const toLobby = await server.request(
      'PATCH',
      `/api/displays/${identity.displayId}`,
      { view: 'lobby', name: 'Foyer' },
      cookie,
    );
    expect(toLobby.status).toBe(200);
    expect(toLobby.body).not.toHaveProperty('venueId');
    expect(await client.recorder.waitFor('assign', (a) => a.view === 'lobby')).toEqual({
      displayId: identity.displayId,
      name: 'Foyer',
      view: 'lobby',
    });
    await panel.recorder.waitFor<any[]>('displays', (list) =>
      list.some((d) => d.id === identity.displayId && d.view === 'lobby' && d.name === 'Foyer'),
    );
  });

  it('takes over a screen opened at a door URL: its URL no longer decides', async () => {
    const identity = newIdentity('room-CR3');
    const door = await connectDisplay(server.url, { view: 'room', venueId: 'CR3', ...identity });
    open.push(door);
    expect(await door.recorder.waitFor('assign')).toMatchObject({
      displayId: identity.displayId,
      name: 'Conference Room 3 door',
      venueId: 'CR3',
    });
    await server.request('PATCH', `/api/displays/${identity.displayId}`, { view: 'lobby' }, cookie);
    await door.recorder.waitFor('assign', (a) => a.view === 'lobby');
    door.socket.close();

    const reopened = await connectDisplay(server.url, { view: 'room', venueId: 'CR3', ...identity });
    open.push(reopened);
    expect(await reopened.recorder.waitFor('assign')).toMatchObject({ view: 'lobby' });
  });

  it.each([
    [{}, 400, 'must change at least one of: name, view, venueId, directions, language, languages, rotationSeconds'],
    [{ directions: { Atlantis: 'Swim' } }, 404, 'directions.Atlantis: no venue with id Atlantis'],
    [{ directions: { CR3: ' ' } }, 400, 'directions.CR3: must not be empty'],
    [{ view: 'lobby', venueId: 'CR3' }, 400, 'venueId: is only for the room view'],
    [{ view: 'room' }, 400, 'venueId: is required for the room view'],
    [{ venueId: 'Atlantis' }, 404, 'venueId: no venue with id Atlantis'],
    [{ name: '' }, 400, 'name: must not be empty'],
  ])('refuses %j (%i)', async (body, status, error) => {
    const { identity } = await screen({ view: 'lobby', name: 'Stays' });
    const answer = await server.request('PATCH', `/api/displays/${identity.displayId}`, body, cookie);
    expect(answer.status).toBe(status);
    expect(answer.body.error).toBe(error);
    // A room that is gone is coded, so the panel words it in the staff member's language.
    if (status === 404) expect(answer.body).toMatchObject({ code: 'venue.not-found', params: { venueId: 'Atlantis' } });
  });

  it('404 for an unknown screen', async () => {
    const answer = await server.request('PATCH', '/api/displays/nobody', { name: 'X' }, cookie);
    expect(answer).toMatchObject({ status: 404, body: { error: 'no display with id nobody' } });
  });
});

describe('identify and reload', () => {
  it('reach only their target, even another screen in the same room', async () => {
    const target = await screen({ view: 'room', venueId: 'CR3', name: 'CR3 left' });
    const neighbour = await screen({ view: 'room', venueId: 'CR3', name: 'CR3 right' });

    const identify = await server.request(
      'POST',
      `/api/displays/${target.identity.displayId}/identify`,
      undefined,
      cookie,
    );
    expect(identify).toMatchObject({ status: 200, body: { sent: true } });
    const shown = await target.client.recorder.waitFor('identify');
    expect(shown).toEqual({ name: 'CR3 left', durationMs: expect.any(Number) });
    expect(shown.durationMs).toBeGreaterThan(0);

    const reload = await server.request('POST', `/api/displays/${target.identity.displayId}/reload`, undefined, cookie);
    expect(reload).toMatchObject({ status: 200, body: { sent: true } });
    await target.client.recorder.waitFor('reload');

    await roundTrip(neighbour.client);
    expect(neighbour.client.recorder.all('identify')).toEqual([]);
    expect(neighbour.client.recorder.all('reload')).toEqual([]);
  });

  it('say so when the screen is not connected', async () => {
    const { client, identity } = await screen({ view: 'lobby', name: 'Gone' });
    const panel = await connectControl(server.url, cookie);
    open.push(panel);
    client.socket.close();
    await panel.recorder.waitFor<any[]>('displays', (list) =>
      list.some((d) => d.id === identity.displayId && !d.connected),
    );
    const answer = await server.request('POST', `/api/displays/${identity.displayId}/reload`, undefined, cookie);
    expect(answer).toMatchObject({ status: 200, body: { sent: false } });
  });
});

describe('forget', () => {
  it('sends a connected screen back to a new pairing code, and it can be paired again', async () => {
    const { client, identity } = await screen({ view: 'room', venueId: 'M7', name: 'Old name' });
    const firstCode = client.recorder.all('pairing')[0].code;
    const answer = await server.request('DELETE', `/api/displays/${identity.displayId}`, undefined, cookie);
    expect(answer.status).toBe(204);

    const pairing = await client.recorder.waitFor('pairing', (p) => p.code !== firstCode);
    expect(pairing.displayId).toBe(identity.displayId);
    expect((await fleet(server, cookie)).map((d) => d.id)).not.toContain(identity.displayId);
    expect((await server.request('DELETE', `/api/displays/${identity.displayId}`, undefined, cookie)).status).toBe(404);

    const again = await server.request(
      'POST',
      '/api/displays/pair',
      { code: pairing.code, view: 'lobby', name: 'New name' },
      cookie,
    );
    expect(again.status).toBe(201);
    expect(await client.recorder.waitFor('assign', (a) => a.name === 'New name')).toMatchObject({ view: 'lobby' });
  });

  it('removes a disconnected screen; when it comes back it waits for pairing', async () => {
    const { client, identity } = await screen({ view: 'lobby', name: 'Spare' });
    client.socket.close();
    expect((await server.request('DELETE', `/api/displays/${identity.displayId}`, undefined, cookie)).status).toBe(204);
    const back = await connectBare(server, identity);
    open.push(back);
    expect((await back.recorder.waitFor('pairing')).displayId).toBe(identity.displayId);
    expect(back.recorder.all('assign')).toEqual([]);
  });
});

describe('staff only', () => {
  it('an anonymous client can neither list, reassign, rename, command nor forget a screen', async () => {
    const { client, identity } = await screen({ view: 'room', venueId: 'CR3', name: 'Protected' });
    const path = `/api/displays/${identity.displayId}`;
    const attempts = await Promise.all([
      server.request('GET', '/api/displays'),
      server.request('PATCH', path, { view: 'lobby' }),
      server.request('PATCH', path, { name: 'Hacked' }),
      server.request('POST', `${path}/identify`),
      server.request('POST', `${path}/reload`),
      server.request('DELETE', path),
    ]);
    expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 401]);
    await roundTrip(client);
    expect(
      client.recorder.events
        .filter((e) => ['assign', 'identify', 'reload', 'pairing'].includes(e.name))
        .map((e) => e.name),
    ).toEqual(['pairing', 'assign']);
    expect((await fleet(server, cookie)).find((d) => d.id === identity.displayId)).toMatchObject({
      name: 'Protected',
      view: 'room',
      venueId: 'CR3',
    });
  });
});
