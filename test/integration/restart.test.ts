/** Restarting on the same data directory keeps everything: schedule, revision, journal, staff sessions. */
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectDisplay } from './clients.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';

let server: TestServer;
afterAll(() => server?.close());

describe('restart', () => {
  it('keeps the schedule, revision and journal; a staff cookie still works; a logged-out one does not', async () => {
    server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
    const cookie = await server.login('Ann');
    const loggedOut = await server.login('Bob');
    await server.request(
      'PATCH',
      '/api/sessions/opening',
      { venueId: 'M7', start: '2024-10-14T15:00', end: '2024-10-14T16:00' },
      cookie,
    );
    await server.request('POST', '/api/announcements', { text: 'Survives restarts' }, cookie);
    await server.request('PUT', '/api/emergency', { text: 'Still here' }, cookie);
    await server.request('POST', '/api/logout', undefined, loggedOut);
    const before = (await server.request('GET', '/api/schedule')).body;
    const journalBefore = (await server.request('GET', '/api/changes', undefined, cookie)).body;
    const dataDir = server.dataDir;
    const oldPort = server.port;

    server = await server.restart();
    expect(server.dataDir).toBe(dataDir);
    expect(server.port).toBe(oldPort);
    const after = (await server.request('GET', '/api/schedule')).body;
    expect(after).toEqual(before);
    expect(after.revision).toBe(3);
    expect((await server.request('GET', '/api/changes', undefined, cookie)).body).toEqual(journalBefore);

    const write = await server.request('PATCH', '/api/sessions/panel', { title: 'After restart' }, cookie);
    expect(write.status).toBe(200);
    expect(write.body.revision).toBe(4);
    expect((await server.request('GET', '/api/displays', undefined, loggedOut)).status).toBe(401);

    // The clock starts again from the configured instant.
    expect((await server.request('GET', '/api/clock')).body.now).toBe('2024-10-14T12:55:00+02:00');
  });

  it('a display holding a pre-restart revision catches up with the deltas it missed', async () => {
    const held = server.service.revision();
    const cookie = await server.login();
    await server.request('PATCH', '/api/sessions/workshop', { title: 'Missed while away' }, cookie);
    server = await server.restart();
    const { socket, recorder } = await connectDisplay(server.url, { view: 'lobby', revision: held });
    try {
      await recorder.waitFor('clock');
      expect(recorder.all('snapshot')).toEqual([]);
      expect(recorder.all('delta').map((d) => d.revision)).toEqual([held + 1]);
    } finally {
      socket.close();
    }
  });

  it('a different password signs every session out', async () => {
    const cookie = await server.login();
    const dataDir = server.dataDir;
    await server.stop();
    server = await startTestServer({ programme: FIXTURE, dataDir, password: 'a new password' });
    expect((await server.request('GET', '/api/displays', undefined, cookie)).status).toBe(401);
    expect((await server.request('POST', '/api/login', { password: 'test-password' })).status).toBe(401);
    expect((await server.request('POST', '/api/login', { password: 'a new password' })).status).toBe(204);
  });
});
