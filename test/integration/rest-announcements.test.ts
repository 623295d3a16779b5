/** Announcements, the emergency takeover, the journal and undo, end to end over REST. */
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

describe('announcements', () => {
  it('POST → 201 { announcement, revision }, visible in the schedule; DELETE removes it', async () => {
    const created = await server.request(
      'POST',
      '/api/announcements',
      { text: 'Coffee in the lobby', venueIds: ['CR3', 'lobby'] },
      cookie,
    );
    expect(created.status).toBe(201);
    expect(created.body.announcement).toMatchObject({
      text: 'Coffee in the lobby',
      severity: 'info',
      venueIds: ['CR3', 'lobby'],
    });
    expect(created.body.revision).toBe(server.service.revision());
    const id = created.body.announcement.id;
    expect((await server.request('GET', '/api/schedule')).body.announcements.map((a: { id: string }) => a.id)).toEqual([
      id,
    ]);

    const deleted = await server.request('DELETE', `/api/announcements/${id}`, undefined, cookie);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id, revision: created.body.revision + 1 });
    expect((await server.request('GET', '/api/schedule')).body.announcements).toEqual([]);
  });

  it('400 names the bad field; 404 for an unknown venue or announcement', async () => {
    const bad = await server.request('POST', '/api/announcements', { text: 'x', severity: 'panic' }, cookie);
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('severity');
    const empty = await server.request('POST', '/api/announcements', { text: '   ' }, cookie);
    expect(empty.status).toBe(400);
    expect(empty.body.field).toBe('text');
    const venue = await server.request('POST', '/api/announcements', { text: 'x', venueIds: ['Nowhere'] }, cookie);
    expect(venue.status).toBe(404);
    const missing = await server.request('DELETE', '/api/announcements/none', undefined, cookie);
    expect(missing.status).toBe(404);
  });
});

describe('emergency', () => {
  it('PUT sets it on the schedule, DELETE clears it', async () => {
    const put = await server.request('PUT', '/api/emergency', { text: 'Evacuate the building' }, cookie);
    expect(put.status).toBe(200);
    expect(put.body.revision).toBe(server.service.revision());
    expect(put.body.emergency.text).toBe('Evacuate the building');
    expect((await server.request('GET', '/api/schedule')).body.emergency.text).toBe('Evacuate the building');

    const cleared = await server.request('DELETE', '/api/emergency', undefined, cookie);
    expect(cleared.status).toBe(200);
    expect(cleared.body).toEqual({ emergency: null, revision: put.body.revision + 1 });
    expect((await server.request('GET', '/api/schedule')).body.emergency).toBeNull();
  });

  it('400 without text', async () => {
    const { status, body } = await server.request('PUT', '/api/emergency', {}, cookie);
    expect(status).toBe(400);
    expect(body.field).toBe('text');
  });
});

describe('journal and undo', () => {
  it('GET /api/changes?since=REV lists what changed after REV, with the actor', async () => {
    const before = server.service.revision();
    await server.request('PATCH', '/api/sessions/panel', { title: 'Panel (renamed)' }, cookie);
    const { status, body } = await server.request('GET', `/api/changes?since=${before}`, undefined, cookie);
    expect(status).toBe(200);
    expect(body.revision).toBe(before + 1);
    expect(body.changes).toHaveLength(1);
    expect(body.changes[0]).toMatchObject({ revision: before + 1, actor: 'Ann', sessionId: 'panel' });
  });

  it('400 for a bad since', async () => {
    const { status, body } = await server.request('GET', '/api/changes?since=abc', undefined, cookie);
    expect(status).toBe(400);
    expect(body.field).toBe('since');
  });

  it('undo reverts a change as a new revision; undoing it again is a 409', async () => {
    const rename = await server.request('PATCH', '/api/sessions/workshop', { title: 'Workshop (renamed)' }, cookie);
    const undo = await server.request('POST', `/api/changes/${rename.body.revision}/undo`, undefined, cookie);
    expect(undo.status).toBe(200);
    expect(undo.body.revision).toBe(rename.body.revision + 1);
    expect(undo.body.entry).toMatchObject({ undoes: rename.body.revision, actor: 'Ann' });
    expect(server.service.schedule().sessions.find((s) => s.id === 'workshop')!.title).toBe('Workshop');

    const again = await server.request('POST', `/api/changes/${rename.body.revision}/undo`, undefined, cookie);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/cannot undo/);
  });

  it('undo is a 409 when a later change touched the same session', async () => {
    const first = await server.request('PATCH', '/api/sessions/opening', { title: 'First' }, cookie);
    await server.request('PATCH', '/api/sessions/opening', { title: 'Second' }, cookie);
    const { status, body } = await server.request(
      'POST',
      `/api/changes/${first.body.revision}/undo`,
      undefined,
      cookie,
    );
    expect(status).toBe(409);
    expect(body.error).toEqual(expect.any(String));
    expect(server.service.schedule().sessions.find((s) => s.id === 'opening')!.title).toBe('Second');
  });

  it('404 for an unknown revision, 400 for a malformed one', async () => {
    expect((await server.request('POST', '/api/changes/9999/undo', undefined, cookie)).status).toBe(404);
    const malformed = await server.request('POST', '/api/changes/abc/undo', undefined, cookie);
    expect(malformed.status).toBe(400);
    expect(malformed.body.field).toBe('revision');
  });
});
