/**
 * Venue edits and the display settings over REST: what the panel's venue editor and title-style
 * switch send. Journalled, undoable, kept across a restart, and a bad field named in the 400.
 */
import { describe, expect, it } from 'vitest';
import { fixtureServerPerFile } from './fixture-server.ts';

const world = fixtureServerPerFile();

const venue = async (id: string) =>
  (await world.server.request('GET', '/api/schedule')).body.venues.find((v: { id: string }) => v.id === id);

describe('PATCH /api/venues/:id', () => {
  it('edits the name and directions, journals the change, and undoes it', async () => {
    const before = await venue('M7');
    const { status, body } = await world.server.request(
      'PATCH',
      '/api/venues/M7',
      { building: 'M-Building', floor: '1st floor', directions: 'Up the stairs, then right' },
      world.cookie,
    );
    expect(status).toBe(200);
    expect(body.venue).toMatchObject({ id: 'M7', floor: '1st floor', directions: 'Up the stairs, then right' });
    expect(await venue('M7')).toEqual(body.venue);

    const { body: journal } = await world.server.request(
      'GET',
      `/api/changes?since=${body.revision - 1}`,
      undefined,
      world.cookie,
    );
    expect(journal.changes[0]).toMatchObject({ revision: body.revision, actor: 'Ann' });
    expect(journal.changes[0].summary).toContain('Up the stairs, then right');

    const undone = await world.server.request('POST', `/api/changes/${body.revision}/undo`, undefined, world.cookie);
    expect(undone.status).toBe(200);
    expect(await venue('M7')).toEqual(before);
  });

  it('clears an optional field with null', async () => {
    await world.server.request('PATCH', '/api/venues/CR3', { directions: 'Ground floor' }, world.cookie);
    const { status, body } = await world.server.request('PATCH', '/api/venues/CR3', { directions: null }, world.cookie);
    expect(status).toBe(200);
    expect(body.venue.directions).toBeUndefined();
    expect((await venue('CR3')).directions).toBeUndefined();
  });

  it('names the bad field in a 400 and changes nothing', async () => {
    const revision = world.server.service.revision();
    for (const [patch, field] of [
      [{ directions: 'x'.repeat(201) }, 'directions'],
      [{ name: '   ' }, 'name'],
      [{ floor: 3 }, 'floor'],
      [{ colour: 'red' }, 'colour'],
    ] as const) {
      const { status, body } = await world.server.request('PATCH', '/api/venues/M7', patch, world.cookie);
      expect(status, JSON.stringify(patch)).toBe(400);
      expect(body.field).toBe(field);
    }
    expect((await world.server.request('PATCH', '/api/venues/M7', {}, world.cookie)).status).toBe(400);
    expect(world.server.service.revision()).toBe(revision);
  });

  it('answers 404 for an unknown venue and 401 without a session', async () => {
    expect((await world.server.request('PATCH', '/api/venues/Nowhere', { floor: '2nd' }, world.cookie)).status).toBe(
      404,
    );
    expect((await world.server.request('PATCH', '/api/venues/M7', { floor: '2nd' })).status).toBe(401);
  });
});

describe('PATCH /api/settings', () => {
  it('switches the title style, and the schedule keeps it across a restart', async () => {
    const { status, body } = await world.server.request(
      'PATCH',
      '/api/settings',
      { titleStyle: 'as-written' },
      world.cookie,
    );
    expect(status).toBe(200);
    expect(body.settings).toEqual({ titleStyle: 'as-written' });
    expect((await world.server.request('GET', '/api/schedule')).body.settings).toEqual({ titleStyle: 'as-written' });

    const bad = await world.server.request('PATCH', '/api/settings', { titleStyle: 'shouting' }, world.cookie);
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('titleStyle');

    world.server = await world.server.restart();
    world.cookie = await world.server.login('Ann');
    expect((await world.server.request('GET', '/api/schedule')).body.settings).toEqual({ titleStyle: 'as-written' });
  });
});
