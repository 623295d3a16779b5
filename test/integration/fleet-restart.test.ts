/**
 * The fleet survives a restart: every record comes back (offline until its screen reconnects) with
 * its assignment, name, last revision and reports; a returning screen is told its assignment; the
 * token binding holds; forgotten screens stay forgotten. Only a hash of each token is stored.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../server/schedule/store/sqlite-store.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectDisplay, type Client } from './clients.ts';
import { connectBare, fleet, newIdentity, pairedScreen, roundTrip } from './fleet-helpers.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';

let server: TestServer;
const open: Client[] = [];
afterAll(async () => {
  for (const client of open) client.socket.close();
  await server?.close();
});

describe('fleet across restarts', () => {
  it('keeps every record, offline until it reconnects, and tells a returning screen its assignment', async () => {
    server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
    let cookie = await server.login('Ann');
    const paired = await pairedScreen(server, cookie, { view: 'room', venueId: 'CR3', name: 'CR3 left' });
    const door = newIdentity('room-M7');
    const doorClient = await connectDisplay(server.url, { view: 'room', venueId: 'M7', ...door });
    const anonymous = await connectDisplay(server.url, { view: 'lobby' });
    await Promise.all([doorClient.recorder.waitFor('clock'), anonymous.recorder.waitFor('clock')]);

    const { body: change } = await server.request('PATCH', '/api/sessions/opening', { title: 'Renamed' }, cookie);
    paired.client.socket.emit('rendered', change.revision);
    paired.client.socket.emit('status', {
      clockSkewMs: 250,
      screen: { width: 1920, height: 1080, orientation: 'landscape' },
    });
    await roundTrip(paired.client);
    await server.request('PATCH', `/api/displays/${door.displayId}`, { name: 'M7 entrance' }, cookie);
    const before = await fleet(server, cookie);
    // A screen without an id of its own is listed under its socket's id while it is connected.
    const anonymousId = anonymous.socket.id;
    expect(before.find((d) => d.id === anonymousId)).toMatchObject({ view: 'lobby', connected: true });

    server = await server.restart();
    cookie = await server.login('Ann');
    const after = await fleet(server, cookie);
    expect(after.map((d) => d.id)).not.toContain(anonymousId);
    expect(after.every((d) => !d.connected && !d.stale)).toBe(true);
    const pairedRecord = after.find((d) => d.id === paired.identity.displayId);
    expect(pairedRecord).toEqual({
      ...before.find((d) => d.id === paired.identity.displayId),
      connected: false,
      lastSeen: expect.any(String),
    });
    expect(pairedRecord).toMatchObject({
      name: 'CR3 left',
      view: 'room',
      venueId: 'CR3',
      revision: change.revision,
      clockSkewMs: 250,
    });
    expect(Date.parse(pairedRecord.lastSeen)).not.toBeNaN();
    expect(after.find((d) => d.id === door.displayId)).toMatchObject({
      name: 'M7 entrance',
      view: 'room',
      venueId: 'M7',
      connected: false,
    });

    const back = await connectBare(server, paired.identity, { revision: change.revision });
    open.push(back);
    expect(await back.recorder.waitFor('assign')).toEqual({
      displayId: paired.identity.displayId,
      name: 'CR3 left',
      view: 'room',
      venueId: 'CR3',
    });
    expect((await fleet(server, cookie)).find((d) => d.id === paired.identity.displayId)).toMatchObject({
      connected: true,
    });
  });

  it('the token binding holds: a wrong token still gets a fresh identity', async () => {
    const cookie = await server.login('Ann');
    const victim = (await fleet(server, cookie)).find((d) => d.name === 'M7 entrance');
    const impostor = await connectDisplay(server.url, {
      view: 'room',
      venueId: 'M7',
      displayId: victim.id,
      token: newIdentity().token,
    });
    open.push(impostor);
    expect((await impostor.recorder.waitFor('assign')).displayId).not.toBe(victim.id);
    expect((await fleet(server, cookie)).find((d) => d.id === victim.id)).toMatchObject({ connected: false });
  });

  it('a forgotten screen stays forgotten', async () => {
    let cookie = await server.login('Ann');
    const victim = (await fleet(server, cookie)).find((d) => d.name === 'M7 entrance');
    expect((await server.request('DELETE', `/api/displays/${victim.id}`, undefined, cookie)).status).toBe(204);
    for (const client of open.splice(0)) client.socket.close();
    server = await server.restart();
    cookie = await server.login('Ann');
    expect((await fleet(server, cookie)).map((d) => d.id)).not.toContain(victim.id);
  });

  it('stores a SHA-256 of each token, never the token itself', async () => {
    const cookie = await server.login('Ann');
    const identity = newIdentity();
    const { client } = await pairedScreen(server, cookie, { view: 'lobby', name: 'Hash check' }, identity);
    client.socket.close();
    await server.stop();

    const db = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true });
    try {
      const row = db.prepare('SELECT token_hash FROM displays WHERE id = ?').get(identity.displayId) as {
        token_hash: string;
      };
      expect(row.token_hash).toBe(createHash('sha256').update(identity.token).digest('hex'));
    } finally {
      db.close();
    }
    for (const file of readdirSync(server.dataDir)) {
      expect(readFileSync(join(server.dataDir, file)).includes(identity.token), file).toBe(false);
    }
    server = await server.restart();
  });
});
