/**
 * Issue 14 (2): a large import is read and planned in a worker thread, so the server keeps
 * answering while it runs, and a file that takes longer than the budget is refused with 413.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';

let server: TestServer;
afterEach(() => server.close());

/** A c3voc file of this many events (about 200 bytes each). */
function c3voc(events: number): string {
  // Long titles, as real abstracts-heavy exports have: the file passes the 200 KB worker threshold.
  const list = Array.from({ length: events }, (_, i) => ({
    guid: `guid-${i}`,
    id: i,
    title: `Talk ${i} on the state of the art in a field that needs a long title`,
    date: `2024-10-14T${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+02:00`,
    duration: '00:20',
    room: `Room ${i % 50}`,
  }));
  return JSON.stringify({
    schedule: {
      version: '1',
      conference: { time_zone_name: 'Europe/Vienna', days: [{ date: '2024-10-14', rooms: { R: list } }] },
    },
  });
}

describe('large imports off the event loop', () => {
  it('a file above the worker threshold gets the same preview as on the main thread, and the clock answers meanwhile', async () => {
    server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
    const cookie = await server.login();
    const text = c3voc(1_500);
    expect(Buffer.byteLength(text)).toBeGreaterThan(200_000);
    const pending = server.request('POST', '/api/import/preview', { text }, cookie);
    const clock = await server.request('GET', '/api/clock');
    expect(clock.status).toBe(200);
    const preview = await pending;
    expect(preview.status).toBe(200);
    expect(preview.body.added).toHaveLength(1_500);

    const small = await startTestServer({
      programme: FIXTURE,
      clock: FIXTURE_CLOCK,
      speed: 0,
      importPlanning: { thresholdBytes: Infinity },
    });
    try {
      const onMainThread = await small.request('POST', '/api/import/preview', { text }, await small.login());
      expect({ ...onMainThread.body, revision: 0 }).toEqual({ ...preview.body, revision: 0 });
    } finally {
      await small.close();
    }
  });

  it('a file that takes longer than the budget is refused with 413 and nothing is applied', async () => {
    server = await startTestServer({
      programme: FIXTURE,
      clock: FIXTURE_CLOCK,
      speed: 0,
      importPlanning: { thresholdBytes: 0, budgetMs: 1 },
    });
    const cookie = await server.login();
    const answer = await server.request(
      'POST',
      '/api/import/apply',
      { text: c3voc(2_000), expectedRevision: 0 },
      cookie,
    );
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ field: 'text', error: expect.stringMatching(/longer than/) });
    expect(server.service.revision()).toBe(0);
  });

  it('a worker refusal keeps its lines', async () => {
    server = await startTestServer({
      programme: FIXTURE,
      clock: FIXTURE_CLOCK,
      speed: 0,
      importPlanning: { thresholdBytes: 0 },
    });
    const cookie = await server.login();
    const text = c3voc(3).replace('"duration":"00:20"', '"duration":"soon"');
    const answer = await server.request('POST', '/api/import/preview', { text }, cookie);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({
      line: expect.any(Number),
      message: expect.stringMatching(/duration/),
    });
  });
});
