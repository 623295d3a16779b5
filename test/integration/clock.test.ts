/** The server clock: GET /api/clock, the time warp (PUT /api/clock) reaching screens, and announcement expiry on it. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectControl, connectDisplay, type Client } from './clients.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';

const open: Client[] = [];
afterEach(() => {
  for (const client of open.splice(0)) client.socket.close();
});

async function track(promise: Promise<Client>): Promise<Client> {
  const client = await promise;
  open.push(client);
  return client;
}

describe('GET /api/clock', () => {
  it('reports a simulated clock in venue time', async () => {
    const server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
    try {
      const { status, body } = await server.request('GET', '/api/clock');
      expect(status).toBe(200);
      expect(body).toEqual({ now: '2024-10-14T12:55:00+02:00', simulated: true, speed: 0 });
    } finally {
      await server.close();
    }
  });

  it('reports the real clock', async () => {
    const server = await startTestServer({ programme: FIXTURE });
    try {
      const before = Date.now();
      const { body } = await server.request('GET', '/api/clock');
      expect(body).toMatchObject({ simulated: false, speed: 1 });
      expect(body.now).toMatch(/[+-]\d\d:\d\d$/); // venue offset, not Z
      expect(Date.parse(body.now)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(body.now)).toBeLessThanOrEqual(Date.now() + 1000);
    } finally {
      await server.close();
    }
  });
});

describe('PUT /api/clock (time warp)', () => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
    cookie = await server.login();
  });
  afterAll(() => server.close());

  it('moves the clock and tells every display and panel', async () => {
    const door = await track(connectDisplay(server.url, { view: 'room', venueId: 'CR3' }));
    const panel = await track(connectControl(server.url, cookie));
    await Promise.all([door.recorder.waitFor('clock'), panel.recorder.waitFor('clock')]);

    const { status, body } = await server.request('PUT', '/api/clock', { time: '2024-10-15T09:00', speed: 0 }, cookie);
    expect(status).toBe(200);
    expect(body).toEqual({ now: '2024-10-15T09:00:00+02:00', simulated: true, speed: 0 });
    const warped = Date.parse('2024-10-15T09:00:00+02:00');
    for (const client of [door, panel]) {
      const clock = await client.recorder.waitFor('clock', (c: any) => c.anchorClock === warped);
      // Every message to a screen says which revision it reflects, the clock's too.
      expect(clock).toMatchObject({ simulated: true, speed: 0, revision: server.service.revision() });
    }
    expect((await server.request('GET', '/api/clock')).body.now).toBe('2024-10-15T09:00:00+02:00');
  });

  it('journal times follow the simulated clock', async () => {
    await server.request('PUT', '/api/clock', { time: '2024-10-14T13:05', speed: 0 }, cookie);
    const { body } = await server.request('PATCH', '/api/sessions/panel', { title: 'Panel at 13:05' }, cookie);
    const journal = await server.request('GET', `/api/changes?since=${body.revision - 1}`, undefined, cookie);
    expect(journal.body.changes[0].at).toMatch(/^2024-10-14T13:05:00(\.000)?\+02:00$/);
  });

  it('goes back to real time', async () => {
    const { body } = await server.request('PUT', '/api/clock', { time: 'real' }, cookie);
    expect(body).toMatchObject({ simulated: false, speed: 1 });
    expect(Math.abs(Date.parse(body.now) - Date.now())).toBeLessThan(60_000);
    await server.request('PUT', '/api/clock', { time: FIXTURE_CLOCK, speed: 0 }, cookie);
  });

  it.each([
    [{ time: 'yesterday' }, 'time'],
    [{ speed: -1 }, 'speed'],
    [{ speed: 'fast' }, 'speed'],
    [{ time: 'real', zone: 'UTC' }, 'zone'],
  ])('400 for %j naming %s', async (body, field) => {
    const answer = await server.request('PUT', '/api/clock', body, cookie);
    expect(answer.status).toBe(400);
    expect(answer.body.field).toBe(field);
  });

  it('400 for an empty body', async () => {
    const answer = await server.request('PUT', '/api/clock', {}, cookie);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(/time/);
  });
});

describe('announcement expiry', () => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
    cookie = await server.login();
  });
  afterAll(() => server.close());

  async function announce(text: string, expiresInMinutes: number): Promise<string> {
    const { status, body } = await server.request('POST', '/api/announcements', { text, expiresInMinutes }, cookie);
    expect(status).toBe(201);
    return body.announcement.id;
  }

  function removal(client: Client, id: string) {
    return client.recorder.waitFor('delta', (d: any) =>
      d.ops.some((op: any) => op.type === 'announcement-removed' && op.id === id),
    );
  }

  it('an expiring announcement is taken off the displays when the simulated clock reaches it', async () => {
    const door = await track(connectDisplay(server.url, { view: 'room', venueId: 'CR3' }));
    await door.recorder.waitFor('clock');
    const id = await announce('Room change at 13:00', 2);
    // 2 clock minutes at 1200× take about 100 ms of real time.
    await server.request('PUT', '/api/clock', { speed: 1200 }, cookie);
    const delta = await removal(door, id);
    expect(delta.revision).toBe(server.service.revision());
    expect(server.service.schedule().announcements.map((a) => a.id)).not.toContain(id);
    await server.request('PUT', '/api/clock', { time: FIXTURE_CLOCK, speed: 0 }, cookie);
  });

  it('a time warp past the expiry takes it down at once', async () => {
    const lobby = await track(connectDisplay(server.url, { view: 'lobby' }));
    await lobby.recorder.waitFor('clock');
    const id = await announce('Short notice', 30);
    const stays = await announce('Long notice', 24 * 60);
    await server.request('PUT', '/api/clock', { time: '2024-10-14T14:00' }, cookie);
    await removal(lobby, id);
    expect(server.service.schedule().announcements.map((a) => a.id)).toEqual([stays]);
  });
});
