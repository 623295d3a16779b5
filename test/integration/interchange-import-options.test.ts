// Issue 15 (2): the import routes take the same read options as `npm run import`.
import { describe, expect, it } from 'vitest';
import { fixtureServerPerFile } from './fixture-server.ts';

const world = fixtureServerPerFile();

const SHEET = 'Session,From,Until,Day,Where\nKeynote,09:00,10:00,2024-10-15,CR3\n';

describe('import routes: timezone, from, to, columns', () => {
  it('reads a spreadsheet with its own columns and another zone', async () => {
    const preview = await world.server.request(
      'POST',
      '/api/import/preview',
      {
        text: SHEET,
        missing: 'keep',
        columns: 'title=Session,start=From,end=Until,date=Day,room=Where',
        timezone: 'UTC',
      },
      world.cookie,
    );
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.added).toHaveLength(1);
    expect(preview.body.added[0]).toMatchObject({ title: 'Keynote' });
    // 09:00 UTC is 11:00 in the venue's zone (Vienna, summer time).
    expect(Date.parse(preview.body.added[0].start)).toBe(Date.parse('2024-10-15T09:00:00Z'));
  });

  it('refuses bad options with 400 naming the field, and applies nothing', async () => {
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ timezone: 'Mars/Olympus' }, 'timezone', /^timezone: unknown time zone "Mars\/Olympus"/],
      [{ from: '2024-10-01' }, 'from', /^from and to go together$/],
      [{ from: '1 May', to: '2024-10-02' }, 'from', /^from: "1 May" is not a date/],
      [{ columns: 'title' }, 'columns', /^columns: "title" is not FIELD=Header/],
    ];
    for (const [options, field, message] of cases) {
      const answer = await world.server.request(
        'POST',
        '/api/import/preview',
        { text: SHEET, ...options },
        world.cookie,
      );
      expect([answer.status, answer.body.field]).toEqual([400, field]);
      expect(answer.body.error).toMatch(message);
    }
    expect(world.server.service.revision()).toBe(0);
  });
});
