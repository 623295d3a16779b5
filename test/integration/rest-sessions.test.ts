/** Session commands end to end over REST: success shapes, and every 400 / 404 / 409 path. */
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

describe('GET /api/schedule', () => {
  it('is public and returns the whole live schedule', async () => {
    const { status, body } = await server.request('GET', '/api/schedule');
    expect(status).toBe(200);
    expect(body).toMatchObject({ timezone: 'Europe/Vienna', announcements: [], emergency: null });
    expect(body.revision).toBe(server.service.revision());
    expect(body.venues.map((v: { id: string }) => v.id)).toEqual(['CR3', 'M7', 'Online']);
    expect(body.sessions.map((s: { id: string }) => s.id).sort()).toEqual(['opening', 'panel', 'webinar', 'workshop']);
  });
});

describe('PATCH /api/sessions/:id', () => {
  it('renames a session and answers with the session and the new revision', async () => {
    const before = server.service.revision();
    const { status, body } = await server.request(
      'PATCH',
      '/api/sessions/webinar',
      { title: 'Webinar (new title)' },
      cookie,
    );
    expect(status).toBe(200);
    expect(body.revision).toBe(before + 1);
    expect(body.session).toMatchObject({ id: 'webinar', title: 'Webinar (new title)', version: 2 });
    const schedule = (await server.request('GET', '/api/schedule')).body;
    expect(schedule.revision).toBe(before + 1);
    expect(schedule.sessions.find((s: { id: string }) => s.id === 'webinar').title).toBe('Webinar (new title)');
  });

  it('reads times without an offset as venue time', async () => {
    const { status, body } = await server.request(
      'PATCH',
      '/api/sessions/panel',
      { start: '2024-10-14T13:10', end: '2024-10-14T14:00' },
      cookie,
    );
    expect(status).toBe(200);
    expect(body.session.start).toBe('2024-10-14T13:10:00+02:00');
    expect(body.session.planned.start).toBe('2024-10-14T13:00:00+02:00');
  });

  it('409 names the clashing session when the target room is taken', async () => {
    const { status, body } = await server.request('PATCH', '/api/sessions/panel', { venueId: 'CR3' }, cookie);
    expect(status).toBe(409);
    expect(body.error).toContain('Opening talk');
    expect(body.clash).toMatchObject({ id: 'opening', title: 'Opening talk' });
  });

  it('accepts the clash with force: true', async () => {
    const { status, body } = await server.request(
      'PATCH',
      '/api/sessions/panel',
      { venueId: 'CR3', force: true },
      cookie,
    );
    expect(status).toBe(200);
    expect(body.session.venueId).toBe('CR3');
    const back = await server.request('PATCH', '/api/sessions/panel', { venueId: 'M7' }, cookie);
    expect(back.status).toBe(200);
  });

  it('409 when expectedVersion is stale', async () => {
    const current = server.service.schedule().sessions.find((s) => s.id === 'opening')!.version;
    const first = await server.request(
      'PATCH',
      '/api/sessions/opening',
      { title: 'Opening', expectedVersion: current },
      cookie,
    );
    expect(first.status).toBe(200);
    const stale = await server.request(
      'PATCH',
      '/api/sessions/opening',
      { title: 'Opening again', expectedVersion: current },
      cookie,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error).toEqual(expect.any(String));
    expect(server.service.schedule().sessions.find((s) => s.id === 'opening')!.title).toBe('Opening');
  });

  it('400 names the bad field', async () => {
    const { status, body } = await server.request('PATCH', '/api/sessions/opening', { start: 'tomorrow' }, cookie);
    expect(status).toBe(400);
    expect(body.field).toBe('start');
    expect(body.error).toMatch(/start/);
  });

  it('400 names the field for an absurd offset or year, and changes nothing', async () => {
    const before = server.service.schedule().sessions.find((s) => s.id === 'opening')!;
    const offset = await server.request('PATCH', '/api/sessions/opening', { start: '2024-10-14T13:00+99:00' }, cookie);
    expect(offset).toMatchObject({
      status: 400,
      body: { field: 'start', error: 'start: the offset must lie between -14:00 and +14:00' },
    });
    const year = await server.request(
      'POST',
      '/api/sessions',
      { title: 'Far away', venueId: 'M7', start: '0000-10-14T15:00', end: '0000-10-14T16:00' },
      cookie,
    );
    expect(year).toMatchObject({
      status: 400,
      body: { field: 'start', error: 'start: the year must lie between 2000 and 2100' },
    });
    expect(server.service.schedule().sessions.find((s) => s.id === 'opening')).toEqual(before);
  });

  it('400 for a current agenda item the session does not have; null clears it', async () => {
    const sideEvent = await server.request('PATCH', '/api/sessions/panel', { currentAgendaItem: '9 (z)' }, cookie);
    expect(sideEvent).toMatchObject({ status: 400, body: { field: 'currentAgendaItem' } });
    expect(sideEvent.body.error).toMatch(/^currentAgendaItem: .*9 \(z\)/);

    const agenda = [
      { code: '1 (a)', title: 'Opening of the session' },
      { code: '1 (b)', title: 'Election of officers' },
    ];
    const set = await server.request(
      'PATCH',
      '/api/sessions/panel',
      { agendaItems: agenda, currentAgendaItem: '1 (b)' },
      cookie,
    );
    expect(set).toMatchObject({ status: 200, body: { session: { currentAgendaItem: '1 (b)' } } });
    const cleared = await server.request('PATCH', '/api/sessions/panel', { currentAgendaItem: null }, cookie);
    expect(cleared.status).toBe(200);
    expect(cleared.body.session).not.toHaveProperty('currentAgendaItem');
  });

  it('400 for an unknown field', async () => {
    const { status, body } = await server.request(
      'PATCH',
      '/api/sessions/opening',
      { title: 'X', colour: 'red' },
      cookie,
    );
    expect(status).toBe(400);
    expect(body.field).toBe('colour');
  });

  it('400 for a nested bad field', async () => {
    const { status, body } = await server.request(
      'PATCH',
      '/api/sessions/opening',
      { organizers: { lead: 'A', partners: 'B' } },
      cookie,
    );
    expect(status).toBe(400);
    expect(body.field).toBe('organizers.partners');
  });

  it('400 for malformed JSON, never 500', async () => {
    const { status, body } = await server.request('PATCH', '/api/sessions/opening', '{"title": "oops', cookie);
    expect(status).toBe(400);
    expect(body.error).toMatch(/JSON/);
  });

  it('413 for an oversized body', async () => {
    const { status, body } = await server.request(
      'PATCH',
      '/api/sessions/opening',
      { title: 'x'.repeat(200_000) },
      cookie,
    );
    expect(status).toBe(413);
    expect(body.error).toMatch(/too large/);
  });

  it('415 for a body that is not JSON', async () => {
    const response = await fetch(`${server.url}/api/sessions/opening`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'title=Hacked',
    });
    expect(response.status).toBe(415);
    expect((await response.json()).error).toMatch(/application\/json/);
  });

  it('404 for an unknown session or venue', async () => {
    const unknownSession = await server.request('PATCH', '/api/sessions/nope', { title: 'X' }, cookie);
    expect(unknownSession.status).toBe(404);
    expect(unknownSession.body.error).toMatch(/nope/);
    const unknownVenue = await server.request('PATCH', '/api/sessions/opening', { venueId: 'Z9' }, cookie);
    expect(unknownVenue.status).toBe(404);
    expect(unknownVenue.body.field).toBe('venueId');
  });
});

describe('POST /api/sessions', () => {
  it('creates a session: 201 with the session and revision', async () => {
    const { status, body } = await server.request(
      'POST',
      '/api/sessions',
      { id: 'late-talk', title: 'Late talk', venueId: 'M7', start: '2024-10-14T17:00', end: '2024-10-14T18:00' },
      cookie,
    );
    expect(status).toBe(201);
    expect(body.revision).toBe(server.service.revision());
    expect(body.session).toMatchObject({
      id: 'late-talk',
      venueId: 'M7',
      start: '2024-10-14T17:00:00+02:00',
      status: 'scheduled',
    });
  });

  it('400 names a missing field', async () => {
    const { status, body } = await server.request(
      'POST',
      '/api/sessions',
      { title: 'No room', start: '2024-10-14T17:00', end: '2024-10-14T18:00' },
      cookie,
    );
    expect(status).toBe(400);
    expect(body.field).toBe('venueId');
  });

  it('409 when the room is taken, naming the session', async () => {
    const { status, body } = await server.request(
      'POST',
      '/api/sessions',
      { title: 'Intruder', venueId: 'CR3', start: '2024-10-14T14:30', end: '2024-10-14T15:00' },
      cookie,
    );
    expect(status).toBe(409);
    expect(body.clash.id).toBe('workshop');
  });
});

describe('POST /api/sessions/:id/delay', () => {
  it('delays a session and the following ones in the room', async () => {
    const { status, body } = await server.request(
      'POST',
      '/api/sessions/opening/delay',
      { minutes: 15, shiftFollowing: true },
      cookie,
    );
    expect(status).toBe(200);
    expect(body.revision).toBe(server.service.revision());
    const byId = Object.fromEntries(body.sessions.map((s: { id: string; start: string }) => [s.id, s.start]));
    expect(byId.opening).toBe('2024-10-14T13:15:00+02:00');
    expect(byId.workshop).toBe('2024-10-14T14:15:00+02:00');
  });

  it('400 for zero minutes', async () => {
    const { status, body } = await server.request('POST', '/api/sessions/opening/delay', { minutes: 0 }, cookie);
    expect(status).toBe(400);
    expect(body.field).toBe('minutes');
  });
});

describe('DELETE /api/sessions/:id', () => {
  it('409 with a stale expectedVersion, then deletes with the current one', async () => {
    const stale = await server.request('DELETE', '/api/sessions/late-talk?expectedVersion=99', undefined, cookie);
    expect(stale.status).toBe(409);
    const version = server.service.schedule().sessions.find((s) => s.id === 'late-talk')!.version;
    const { status, body } = await server.request(
      'DELETE',
      '/api/sessions/late-talk',
      { expectedVersion: version },
      cookie,
    );
    expect(status).toBe(200);
    expect(body).toEqual({ id: 'late-talk', revision: server.service.revision() });
    expect(server.service.schedule().sessions.find((s) => s.id === 'late-talk')).toBeUndefined();
  });

  it('404 for an unknown session', async () => {
    const { status } = await server.request('DELETE', '/api/sessions/late-talk', undefined, cookie);
    expect(status).toBe(404);
  });
});

describe('unknown API routes', () => {
  it('404 JSON for an unknown /api route', async () => {
    const { status, body } = await server.request('GET', '/api/nothing-here', undefined, cookie);
    expect(status).toBe(404);
    expect(body.error).toMatch(/nothing-here/);
    const write = await server.request('POST', '/api/nothing-here', {}, cookie);
    expect(write.status).toBe(404);
  });
});
