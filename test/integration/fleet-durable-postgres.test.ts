/**
 * On PostgreSQL a staff action on a screen is answered only once its record is committed: right
 * after the answer, with no wait, another connection to the database (a fresh fleet store, as a
 * second node or a restarted one opens it) finds the paired, renamed screen, and no longer finds
 * a forgotten one. A write the database refuses answers 503 and changes nothing, in memory or on disk.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDisplayRecords, type DisplayRecord } from '../../server/fleet/display-records.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { postgresTests } from '../support/postgres.ts';
import type { Client } from './clients.ts';
import { fleet, pairedScreen } from './fleet-helpers.ts';
import { FIXTURE } from './fixture.ts';

const postgres = postgresTests();

describe.skipIf(!postgres.available)('a staff action on a screen, on PostgreSQL', () => {
  let node: TestServer;
  let cookie: string;
  let pool: pg.Pool;
  const clients: Client[] = [];

  beforeAll(async () => {
    const url = await postgres.freshDatabase();
    node = await startTestServer({ programme: FIXTURE, database: url });
    cookie = await node.login();
    pool = new pg.Pool({ connectionString: url, max: 2 });
  });

  afterAll(async () => {
    for (const client of clients) client.socket.close();
    await node?.close();
    await pool?.end();
  });

  /** The record as a node opening the database now reads it. */
  async function storedRecord(id: string): Promise<DisplayRecord | undefined> {
    const store = await openPostgresDisplayRecords(pool);
    return store.load().find((record) => record.id === id);
  }

  it('is in the database as soon as pairing, renaming and setting its languages are answered', async () => {
    const { client, identity } = await pairedScreen(node, cookie, { view: 'room', venueId: 'CR3', name: 'CR3 door' });
    clients.push(client);
    expect(await storedRecord(identity.displayId)).toMatchObject({
      name: 'CR3 door',
      view: 'room',
      venueId: 'CR3',
      managed: true,
    });

    const renamed = await node.request(
      'PATCH',
      `/api/displays/${identity.displayId}`,
      { name: 'Main entrance', languages: ['fr', 'ar'], rotationSeconds: 20, directions: { M7: 'Upstairs' } },
      cookie,
    );
    expect(renamed.status).toBe(200);
    expect(await storedRecord(identity.displayId)).toMatchObject({
      name: 'Main entrance',
      language: 'fr',
      secondLanguage: 'ar',
      rotationSeconds: 20,
      directions: { M7: 'Upstairs' },
    });

    const moved = await node.request('PATCH', `/api/displays/${identity.displayId}`, { view: 'lobby' }, cookie);
    expect(moved.status).toBe(200);
    expect(await storedRecord(identity.displayId)).toMatchObject({ view: 'lobby', venueId: undefined });

    expect((await node.request('DELETE', `/api/displays/${identity.displayId}`, undefined, cookie)).status).toBe(204);
    expect(await storedRecord(identity.displayId)).toBeUndefined();
  });

  it('answers 503 when the database refuses the write, and the screen stays as stored', async () => {
    const { client, identity } = await pairedScreen(node, cookie, { view: 'lobby', name: 'Foyer' });
    clients.push(client);
    // The table out of the way: every write to it fails, as on a database that is gone.
    await pool.query('ALTER TABLE displays RENAME TO displays_away');
    try {
      const refused = await node.request('PATCH', `/api/displays/${identity.displayId}`, { name: 'Lost' }, cookie);
      expect(refused.status).toBe(503);
      expect(refused.body.error).toMatch(/could not be stored: nothing was changed/);
      // Coded, so the panel says it in the staff member's language.
      expect(refused.body).toMatchObject({ code: 'store.unavailable', params: {} });
      const forget = await node.request('DELETE', `/api/displays/${identity.displayId}`, undefined, cookie);
      expect(forget.status).toBe(503);
    } finally {
      await pool.query('ALTER TABLE displays_away RENAME TO displays');
    }
    expect((await fleet(node, cookie)).find((status) => status.id === identity.displayId)).toMatchObject({
      name: 'Foyer',
    });
    expect(await storedRecord(identity.displayId)).toMatchObject({ name: 'Foyer' });
    expect(client.recorder.all('assign')).toHaveLength(1);
    expect(client.recorder.all('pairing')).toHaveLength(1);
  });
});
