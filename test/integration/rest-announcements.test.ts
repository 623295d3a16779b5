/** Announcements, the emergency takeover, the journal and undo, end to end over REST. */
import { describe, expect, it } from 'vitest';
import { fixtureServerPerFile } from './fixture-server.ts';

const world = fixtureServerPerFile();

describe('announcements', () => {
  it('POST → 201 { announcement, revision }, visible in the schedule; DELETE removes it', async () => {
    const created = await world.server.request(
      'POST',
      '/api/announcements',
      { text: 'Coffee in the lobby', venueIds: ['CR3', 'lobby'] },
      world.cookie,
    );
    expect(created.status).toBe(201);
    expect(created.body.announcement).toMatchObject({
      text: 'Coffee in the lobby',
      severity: 'info',
      venueIds: ['CR3', 'lobby'],
    });
    expect(created.body.revision).toBe(world.server.service.revision());
    const id = created.body.announcement.id;
    expect(
      (await world.server.request('GET', '/api/schedule')).body.announcements.map((a: { id: string }) => a.id),
    ).toEqual([id]);

    const deleted = await world.server.request('DELETE', `/api/announcements/${id}`, undefined, world.cookie);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id, revision: created.body.revision + 1 });
    expect((await world.server.request('GET', '/api/schedule')).body.announcements).toEqual([]);
  });

  it('400 names the bad field; 404 for an unknown venue or announcement', async () => {
    const bad = await world.server.request(
      'POST',
      '/api/announcements',
      { text: 'x', severity: 'panic' },
      world.cookie,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('severity');
    const empty = await world.server.request('POST', '/api/announcements', { text: '   ' }, world.cookie);
    expect(empty.status).toBe(400);
    expect(empty.body.field).toBe('text');
    const venue = await world.server.request(
      'POST',
      '/api/announcements',
      { text: 'x', venueIds: ['Nowhere'] },
      world.cookie,
    );
    expect(venue.status).toBe(404);
    const missing = await world.server.request('DELETE', '/api/announcements/none', undefined, world.cookie);
    expect(missing.status).toBe(404);
  });
});

describe('emergency', () => {
  it('PUT sets it on the schedule, DELETE clears it', async () => {
    const put = await world.server.request('PUT', '/api/emergency', { text: 'Evacuate the building' }, world.cookie);
    expect(put.status).toBe(200);
    expect(put.body.revision).toBe(world.server.service.revision());
    expect(put.body.emergency.text).toBe('Evacuate the building');
    expect((await world.server.request('GET', '/api/schedule')).body.emergency.text).toBe('Evacuate the building');

    const cleared = await world.server.request('DELETE', '/api/emergency', undefined, world.cookie);
    expect(cleared.status).toBe(200);
    expect(cleared.body).toEqual({ emergency: null, revision: put.body.revision + 1 });
    expect((await world.server.request('GET', '/api/schedule')).body.emergency).toBeNull();
  });

  it('400 without text', async () => {
    const { status, body } = await world.server.request('PUT', '/api/emergency', {}, world.cookie);
    expect(status).toBe(400);
    expect(body.field).toBe('text');
  });
});

describe('journal and undo', () => {
  it('GET /api/changes?since=REV lists what changed after REV, with the actor', async () => {
    const before = world.server.service.revision();
    await world.server.request('PATCH', '/api/sessions/panel', { title: 'Panel (renamed)' }, world.cookie);
    const { status, body } = await world.server.request('GET', `/api/changes?since=${before}`, undefined, world.cookie);
    expect(status).toBe(200);
    expect(body.revision).toBe(before + 1);
    expect(body.changes).toHaveLength(1);
    expect(body.changes[0]).toMatchObject({ revision: before + 1, actor: 'Ann', sessionId: 'panel' });
  });

  it('400 for a bad since', async () => {
    const { status, body } = await world.server.request('GET', '/api/changes?since=abc', undefined, world.cookie);
    expect(status).toBe(400);
    expect(body.field).toBe('since');
  });

  it('undo reverts a change as a new revision; undoing it again is a 409', async () => {
    const rename = await world.server.request(
      'PATCH',
      '/api/sessions/workshop',
      { title: 'Workshop (renamed)' },
      world.cookie,
    );
    const undo = await world.server.request(
      'POST',
      `/api/changes/${rename.body.revision}/undo`,
      undefined,
      world.cookie,
    );
    expect(undo.status).toBe(200);
    expect(undo.body.revision).toBe(rename.body.revision + 1);
    expect(undo.body.entry).toMatchObject({ undoes: rename.body.revision, actor: 'Ann' });
    expect(world.server.service.schedule().sessions.find((s) => s.id === 'workshop')!.title).toBe('Workshop');

    const again = await world.server.request(
      'POST',
      `/api/changes/${rename.body.revision}/undo`,
      undefined,
      world.cookie,
    );
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/cannot undo/);
  });

  it('undo is a 409 when a later change touched the same session', async () => {
    const first = await world.server.request('PATCH', '/api/sessions/opening', { title: 'First' }, world.cookie);
    await world.server.request('PATCH', '/api/sessions/opening', { title: 'Second' }, world.cookie);
    const { status, body } = await world.server.request(
      'POST',
      `/api/changes/${first.body.revision}/undo`,
      undefined,
      world.cookie,
    );
    expect(status).toBe(409);
    expect(body.error).toEqual(expect.any(String));
    expect(world.server.service.schedule().sessions.find((s) => s.id === 'opening')!.title).toBe('Second');
  });

  it('404 for an unknown revision, 400 for a malformed one', async () => {
    expect((await world.server.request('POST', '/api/changes/9999/undo', undefined, world.cookie)).status).toBe(404);
    const malformed = await world.server.request('POST', '/api/changes/abc/undo', undefined, world.cookie);
    expect(malformed.status).toBe(400);
    expect(malformed.body.field).toBe('revision');
  });
});
