/**
 * Venue edits and the display settings over REST: what the panel's venue editor and title-style
 * switch send. Journalled, undoable, kept across a restart, and a bad field named in the 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
  cookie = await server.login('Ann');
});
afterAll(() => server.close());

const venue = async (id: string) =>
  (await server.request('GET', '/api/schedule')).body.venues.find((v: { id: string }) => v.id === id);

describe('PATCH /api/venues/:id', () => {
  it('edits the name and directions, journals the change, and undoes it', async () => {
    const before = await venue('M7');
    const { status, body } = await server.request(
      'PATCH',
      '/api/venues/M7',
      { building: 'M-Building', floor: '1st floor', directions: 'Up the stairs, then right' },
      cookie,
    );
    expect(status).toBe(200);
    expect(body.venue).toMatchObject({ id: 'M7', floor: '1st floor', directions: 'Up the stairs, then right' });
    expect(await venue('M7')).toEqual(body.venue);

    const { body: journal } = await server.request('GET', `/api/changes?since=${body.revision - 1}`, undefined, cookie);
    expect(journal.changes[0]).toMatchObject({ revision: body.revision, actor: 'Ann' });
    expect(journal.changes[0].summary).toContain('Up the stairs, then right');

    const undone = await server.request('POST', `/api/changes/${body.revision}/undo`, undefined, cookie);
    expect(undone.status).toBe(200);
    expect(await venue('M7')).toEqual(before);
  });

  it('clears an optional field with null', async () => {
    await server.request('PATCH', '/api/venues/CR3', { directions: 'Ground floor' }, cookie);
    const { status, body } = await server.request('PATCH', '/api/venues/CR3', { directions: null }, cookie);
    expect(status).toBe(200);
    expect(body.venue.directions).toBeUndefined();
    expect((await venue('CR3')).directions).toBeUndefined();
  });

  it('names the bad field in a 400 and changes nothing', async () => {
    const revision = server.service.revision();
    for (const [patch, field] of [
      [{ directions: 'x'.repeat(201) }, 'directions'],
      [{ name: '   ' }, 'name'],
      [{ floor: 3 }, 'floor'],
      [{ colour: 'red' }, 'colour'],
    ] as const) {
      const { status, body } = await server.request('PATCH', '/api/venues/M7', patch, cookie);
      expect(status, JSON.stringify(patch)).toBe(400);
      expect(body.field).toBe(field);
    }
    expect((await server.request('PATCH', '/api/venues/M7', {}, cookie)).status).toBe(400);
    expect(server.service.revision()).toBe(revision);
  });

  it('answers 404 for an unknown venue and 401 without a session', async () => {
    expect((await server.request('PATCH', '/api/venues/Nowhere', { floor: '2nd' }, cookie)).status).toBe(404);
    expect((await server.request('PATCH', '/api/venues/M7', { floor: '2nd' })).status).toBe(401);
  });
});

describe('PATCH /api/settings', () => {
  it('switches the title style, and the schedule keeps it across a restart', async () => {
    const { status, body } = await server.request('PATCH', '/api/settings', { titleStyle: 'as-written' }, cookie);
    expect(status).toBe(200);
    expect(body.settings).toEqual({ titleStyle: 'as-written' });
    expect((await server.request('GET', '/api/schedule')).body.settings).toEqual({ titleStyle: 'as-written' });

    const bad = await server.request('PATCH', '/api/settings', { titleStyle: 'shouting' }, cookie);
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('titleStyle');

    server = await server.restart();
    cookie = await server.login('Ann');
    expect((await server.request('GET', '/api/schedule')).body.settings).toEqual({ titleStyle: 'as-written' });
  });
});
