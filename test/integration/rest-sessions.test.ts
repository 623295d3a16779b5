/** Session commands end to end over REST: success shapes, and every 400 / 404 / 409 path. */
import { describe, expect, it } from 'vitest';
import { fixtureServerPerFile } from './fixture-server.ts';

const world = fixtureServerPerFile();

describe('GET /api/schedule', () => {
  it('is public and returns the whole live schedule', async () => {
    const { status, body } = await world.server.request('GET', '/api/schedule');
    expect(status).toBe(200);
    expect(body).toMatchObject({ timezone: 'Europe/Vienna', announcements: [], emergency: null });
    expect(body.revision).toBe(world.server.service.revision());
    expect(body.venues.map((v: { id: string }) => v.id)).toEqual(['CR3', 'M7', 'Online']);
    expect(body.sessions.map((s: { id: string }) => s.id).sort()).toEqual(['opening', 'panel', 'webinar', 'workshop']);
  });
});

describe('PATCH /api/sessions/:id', () => {
  it('renames a session and answers with the session and the new revision', async () => {
    const before = world.server.service.revision();
    const { status, body } = await world.server.request(
      'PATCH',
      '/api/sessions/webinar',
      { title: 'Webinar (new title)' },
      world.cookie,
    );
    expect(status).toBe(200);
    expect(body.revision).toBe(before + 1);
    expect(body.session).toMatchObject({ id: 'webinar', title: 'Webinar (new title)', version: 2 });
    const schedule = (await world.server.request('GET', '/api/schedule')).body;
    expect(schedule.revision).toBe(before + 1);
    expect(schedule.sessions.find((s: { id: string }) => s.id === 'webinar').title).toBe('Webinar (new title)');
  });

  it('reads times without an offset as venue time', async () => {
    const { status, body } = await world.server.request(
      'PATCH',
      '/api/sessions/panel',
      { start: '2024-10-14T13:10', end: '2024-10-14T14:00' },
      world.cookie,
    );
    expect(status).toBe(200);
    expect(body.session.start).toBe('2024-10-14T13:10:00+02:00');
    expect(body.session.planned.start).toBe('2024-10-14T13:00:00+02:00');
  });

  it('409 names the clashing session when the target room is taken', async () => {
    const { status, body } = await world.server.request(
      'PATCH',
      '/api/sessions/panel',
      { venueId: 'CR3' },
      world.cookie,
    );
    expect(status).toBe(409);
    expect(body.error).toContain('Opening talk');
    expect(body.clash).toMatchObject({ id: 'opening', title: 'Opening talk' });
  });

  it('accepts the clash with force: true', async () => {
    const { status, body } = await world.server.request(
      'PATCH',
      '/api/sessions/panel',
      { venueId: 'CR3', force: true },
      world.cookie,
    );
    expect(status).toBe(200);
    expect(body.session.venueId).toBe('CR3');
    const back = await world.server.request('PATCH', '/api/sessions/panel', { venueId: 'M7' }, world.cookie);
    expect(back.status).toBe(200);
  });

  it('409 when expectedVersion is stale', async () => {
    const current = world.server.service.schedule().sessions.find((s) => s.id === 'opening')!.version;
    const first = await world.server.request(
      'PATCH',
      '/api/sessions/opening',
      { title: 'Opening', expectedVersion: current },
      world.cookie,
    );
    expect(first.status).toBe(200);
    const stale = await world.server.request(
      'PATCH',
      '/api/sessions/opening',
      { title: 'Opening again', expectedVersion: current },
      world.cookie,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error).toEqual(expect.any(String));
    expect(world.server.service.schedule().sessions.find((s) => s.id === 'opening')!.title).toBe('Opening');
  });

  it('400 names the bad field', async () => {
    const { status, body } = await world.server.request(
      'PATCH',
      '/api/sessions/opening',
      { start: 'tomorrow' },
      world.cookie,
    );
    expect(status).toBe(400);
    expect(body.field).toBe('start');
    expect(body.error).toMatch(/start/);
  });

  it('400 names the field for an absurd offset or year, and changes nothing', async () => {
    const before = world.server.service.schedule().sessions.find((s) => s.id === 'opening')!;
    const offset = await world.server.request(
      'PATCH',
      '/api/sessions/opening',
      { start: '2024-10-14T13:00+99:00' },
      world.cookie,
    );
    expect(offset).toMatchObject({
      status: 400,
      body: { field: 'start', error: 'start: the offset must lie between -14:00 and +14:00' },
    });
    const year = await world.server.request(
      'POST',
      '/api/sessions',
      { title: 'Far away', venueId: 'M7', start: '0000-10-14T15:00', end: '0000-10-14T16:00' },
      world.cookie,
    );
    expect(year).toMatchObject({
      status: 400,
      body: { field: 'start', error: 'start: the year must lie between 2000 and 2100' },
    });
    expect(world.server.service.schedule().sessions.find((s) => s.id === 'opening')).toEqual(before);
  });

  it('400 for a current agenda item the session does not have; null clears it', async () => {
    const sideEvent = await world.server.request(
      'PATCH',
      '/api/sessions/panel',
      { currentAgendaItem: '9 (z)' },
      world.cookie,
    );
    expect(sideEvent).toMatchObject({ status: 400, body: { field: 'currentAgendaItem' } });
    expect(sideEvent.body.error).toMatch(/^currentAgendaItem: .*9 \(z\)/);

    const agenda = [
      { code: '1 (a)', title: 'Opening of the session' },
      { code: '1 (b)', title: 'Election of officers' },
    ];
    const set = await world.server.request(
      'PATCH',
      '/api/sessions/panel',
      { agendaItems: agenda, currentAgendaItem: '1 (b)' },
      world.cookie,
    );
    expect(set).toMatchObject({ status: 200, body: { session: { currentAgendaItem: '1 (b)' } } });
    const cleared = await world.server.request(
      'PATCH',
      '/api/sessions/panel',
      { currentAgendaItem: null },
      world.cookie,
    );
    expect(cleared.status).toBe(200);
    expect(cleared.body.session).not.toHaveProperty('currentAgendaItem');
  });

  it('400 for an unknown field', async () => {
    const { status, body } = await world.server.request(
      'PATCH',
      '/api/sessions/opening',
      { title: 'X', colour: 'red' },
      world.cookie,
    );
    expect(status).toBe(400);
    expect(body.field).toBe('colour');
  });

  it('400 for a nested bad field', async () => {
    const { status, body } = await world.server.request(
      'PATCH',
      '/api/sessions/opening',
      { organizers: { lead: 'A', partners: 'B' } },
      world.cookie,
    );
    expect(status).toBe(400);
    expect(body.field).toBe('organizers.partners');
  });

  it('400 for malformed JSON, never 500', async () => {
    const { status, body } = await world.server.request(
      'PATCH',
      '/api/sessions/opening',
      '{"title": "oops',
      world.cookie,
    );
    expect(status).toBe(400);
    expect(body.error).toMatch(/JSON/);
  });

  it('413 for an oversized body', async () => {
    const { status, body } = await world.server.request(
      'PATCH',
      '/api/sessions/opening',
      { title: 'x'.repeat(200_000) },
      world.cookie,
    );
    expect(status).toBe(413);
    expect(body.error).toMatch(/too large/);
  });

  it('415 for a body that is not JSON', async () => {
    const response = await fetch(`${world.server.url}/api/sessions/opening`, {
      method: 'PATCH',
      headers: { cookie: world.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'title=Hacked',
    });
    expect(response.status).toBe(415);
    expect((await response.json()).error).toMatch(/application\/json/);
  });

  it('404 for an unknown session or venue', async () => {
    const unknownSession = await world.server.request('PATCH', '/api/sessions/nope', { title: 'X' }, world.cookie);
    expect(unknownSession.status).toBe(404);
    expect(unknownSession.body.error).toMatch(/nope/);
    const unknownVenue = await world.server.request('PATCH', '/api/sessions/opening', { venueId: 'Z9' }, world.cookie);
    expect(unknownVenue.status).toBe(404);
    expect(unknownVenue.body.field).toBe('venueId');
  });
});

describe('POST /api/sessions', () => {
  it('creates a session: 201 with the session and revision', async () => {
    const { status, body } = await world.server.request(
      'POST',
      '/api/sessions',
      { id: 'late-talk', title: 'Late talk', venueId: 'M7', start: '2024-10-14T17:00', end: '2024-10-14T18:00' },
      world.cookie,
    );
    expect(status).toBe(201);
    expect(body.revision).toBe(world.server.service.revision());
    expect(body.session).toMatchObject({
      id: 'late-talk',
      venueId: 'M7',
      start: '2024-10-14T17:00:00+02:00',
      status: 'scheduled',
    });
  });

  it('400 names a missing field', async () => {
    const { status, body } = await world.server.request(
      'POST',
      '/api/sessions',
      { title: 'No room', start: '2024-10-14T17:00', end: '2024-10-14T18:00' },
      world.cookie,
    );
    expect(status).toBe(400);
    expect(body.field).toBe('venueId');
  });

  it('409 when the room is taken, naming the session', async () => {
    const { status, body } = await world.server.request(
      'POST',
      '/api/sessions',
      { title: 'Intruder', venueId: 'CR3', start: '2024-10-14T14:30', end: '2024-10-14T15:00' },
      world.cookie,
    );
    expect(status).toBe(409);
    expect(body.clash.id).toBe('workshop');
  });
});

describe('POST /api/sessions/:id/delay', () => {
  it('delays a session and the following ones in the room', async () => {
    const { status, body } = await world.server.request(
      'POST',
      '/api/sessions/opening/delay',
      { minutes: 15, shiftFollowing: true },
      world.cookie,
    );
    expect(status).toBe(200);
    expect(body.revision).toBe(world.server.service.revision());
    const byId = Object.fromEntries(body.sessions.map((s: { id: string; start: string }) => [s.id, s.start]));
    expect(byId.opening).toBe('2024-10-14T13:15:00+02:00');
    expect(byId.workshop).toBe('2024-10-14T14:15:00+02:00');
  });

  it('400 for zero minutes', async () => {
    const { status, body } = await world.server.request(
      'POST',
      '/api/sessions/opening/delay',
      { minutes: 0 },
      world.cookie,
    );
    expect(status).toBe(400);
    expect(body.field).toBe('minutes');
  });
});

describe('DELETE /api/sessions/:id', () => {
  it('409 with a stale expectedVersion, then deletes with the current one', async () => {
    const stale = await world.server.request(
      'DELETE',
      '/api/sessions/late-talk?expectedVersion=99',
      undefined,
      world.cookie,
    );
    expect(stale.status).toBe(409);
    const version = world.server.service.schedule().sessions.find((s) => s.id === 'late-talk')!.version;
    const { status, body } = await world.server.request(
      'DELETE',
      '/api/sessions/late-talk',
      { expectedVersion: version },
      world.cookie,
    );
    expect(status).toBe(200);
    expect(body).toEqual({ id: 'late-talk', revision: world.server.service.revision() });
    expect(world.server.service.schedule().sessions.find((s) => s.id === 'late-talk')).toBeUndefined();
  });

  it('404 for an unknown session', async () => {
    const { status } = await world.server.request('DELETE', '/api/sessions/late-talk', undefined, world.cookie);
    expect(status).toBe(404);
  });
});

describe('unknown API routes', () => {
  it('404 JSON for an unknown /api route', async () => {
    const { status, body } = await world.server.request('GET', '/api/nothing-here', undefined, world.cookie);
    expect(status).toBe(404);
    expect(body.error).toMatch(/nothing-here/);
    const write = await world.server.request('POST', '/api/nothing-here', {}, world.cookie);
    expect(write.status).toBe(404);
  });
});
