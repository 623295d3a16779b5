// Issue 14 (1): one session typed into 2100 must not make the c3voc export walk every day up to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer({ clock: '2024-10-14T12:55', speed: 0 });
  cookie = await server.login('Ann');
});
afterAll(() => server.close());

describe('c3voc export with a session far in the future', () => {
  it('lists the real days and the far one, and the clock answers alongside', async () => {
    const id = 'event-2024-10-14-215a910b';
    const moved = await server.request(
      'PATCH',
      `/api/sessions/${id}`,
      { start: '2100-06-01T10:00', end: '2100-06-01T11:00' },
      cookie,
    );
    expect(moved.status).toBe(200);

    const [exported, clock] = await Promise.all([
      server.request('GET', '/api/export/schedule.json'),
      server.request('GET', '/api/clock'),
    ]);
    expect(clock.status).toBe(200);
    expect(exported.status).toBe(200);
    const days: Array<{ date: string; index: number; rooms: Record<string, Array<{ guid: string }>> }> =
      exported.body.schedule.conference.days;
    const expectedDays = new Set(
      server.service
        .schedule()
        .sessions.filter((s) => s.status !== 'cancelled')
        .map((s) => s.start.slice(0, 10)),
    );
    // Only days with sessions once the span is over a year: no 27,000 empty days.
    expect(days.map((d) => d.date)).toEqual([...expectedDays].sort());
    expect(days.map((d) => d.index)).toEqual(days.map((_, i) => i + 1));
    expect(days.at(-1)!.date).toBe('2100-06-01');
    expect(Object.values(days.at(-1)!.rooms).flat()).toHaveLength(1);
    expect(exported.body.schedule.conference.daysCount).toBe(days.length);
  });
});
