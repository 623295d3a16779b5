// Issue 14 (1): one session typed into 2100 must not make the c3voc export walk every day up to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProgrammeFile } from '../../server/interchange/load-file.ts';
import { BUNDLED_PROGRAMME } from '../../server/platform/config.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const FAR_ID = 'event-2024-10-14-215a910b';
// Staff can no longer type or import such a date (the session window refuses it), but an
// older data directory can still hold one: the export must stay linear whatever the store holds.
const programme = loadProgrammeFile(BUNDLED_PROGRAMME, { onWarning: () => {} });
const far = {
  ...programme,
  sessions: programme.sessions.map((s) =>
    s.id === FAR_ID ? { ...s, start: '2100-06-01T10:00:00+02:00', end: '2100-06-01T11:00:00+02:00' } : s,
  ),
};

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer({ clock: '2024-10-14T12:55', speed: 0, programme: far });
  cookie = await server.login('Ann');
});
afterAll(() => server.close());

describe('c3voc export with a session far in the future', () => {
  it('lists the real days and the far one, and the clock answers alongside', async () => {
    const typo = await server.request(
      'PATCH',
      `/api/sessions/${FAR_ID}`,
      { start: '2200-06-01T10:00', end: '2200-06-01T11:00' },
      cookie,
    );
    expect(typo.status).toBe(400);

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
