/**
 * Issue 14 (2): a session date far from the schedule (a typo like 2100 for 2024) is refused with
 * a 400 naming the field, so no day-by-day walk of the schedule can be stretched over decades.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';

let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
  cookie = await server.login();
});
afterAll(() => server.close());

describe('session dates stay within a year of the schedule', () => {
  it('a new session in 2100 is refused naming start', async () => {
    const answer = await server.request(
      'POST',
      '/api/sessions',
      { title: 'Typo', venueId: 'CR3', start: '2100-10-14T16:00', end: '2100-10-14T16:50' },
      cookie,
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ field: 'start', error: expect.stringMatching(/2100-10-14.*more than a year/) });
  });

  it('moving a session to 2100 is refused naming end; a date next year is fine', async () => {
    const late = await server.request('PATCH', '/api/sessions/panel', { end: '2100-10-14T16:50' }, cookie);
    expect(late.status).toBe(400);
    expect(late.body.field).toBe('end');
    expect(server.service.revision()).toBe(0);
    const nextYear = await server.request(
      'PATCH',
      '/api/sessions/panel',
      { start: '2025-06-02T10:00', end: '2025-06-02T11:00' },
      cookie,
    );
    expect(nextYear.status).toBe(200);
  });
});
