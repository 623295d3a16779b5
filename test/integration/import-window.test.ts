/**
 * Issue 14: the ±1 year date window of staff edits also holds for imports over HTTP: a far
 * session is a 400 listing its row and field, for preview and apply alike, and nothing is written.
 */
import { describe, expect, it } from 'vitest';
import { fixtureServerPerFile } from './fixture-server.ts';

const world = fixtureServerPerFile();

const FILE = [
  'id,title,start,end,venue_id',
  'opening,Opening talk,2024-10-14T13:00,2024-10-14T13:50,CR3',
  'workshop,Workshop,2100-10-14T14:00,2100-10-14T14:50,CR3',
].join('\n');

describe('imports stay within a year of the schedule', () => {
  it('preview and apply refuse a far row naming row and field; nothing is written', async () => {
    const preview = await world.server.request('POST', '/api/import/preview', { text: FILE }, world.cookie);
    expect(preview.status).toBe(400);
    expect(preview.body).toMatchObject({
      field: 'text',
      error: expect.stringMatching(/^2 errors, nothing imported: row 3: start: 2100-10-14 is more than a year away/),
      errors: [
        { line: 3, message: expect.stringMatching(/^start: 2100-10-14 .*\(“Workshop”\)$/) },
        { line: 3, message: expect.stringMatching(/^end: 2100-10-14 /) },
      ],
    });
    const apply = await world.server.request(
      'POST',
      '/api/import/apply',
      { text: FILE, expectedRevision: 0 },
      world.cookie,
    );
    expect(apply.status).toBe(400);
    expect(apply.body.errors).toHaveLength(2);
    expect(world.server.service.revision()).toBe(0);
    expect(world.server.service.schedule().sessions.find((s) => s.id === 'workshop')!.start).toBe(
      '2024-10-14T14:00:00+02:00',
    );
  });

  it('a one-row file is judged by the live schedule; next year is fine', async () => {
    const far = 'id,title,start,end,venue_id\nlate,Late,2100-10-14T14:00,2100-10-14T14:50,M7\n';
    const refused = await world.server.request(
      'POST',
      '/api/import/preview',
      { text: far, missing: 'keep' },
      world.cookie,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ line: 2 });
    const near = far.replaceAll('2100-10-14', '2025-06-02');
    const accepted = await world.server.request(
      'POST',
      '/api/import/preview',
      { text: near, missing: 'keep' },
      world.cookie,
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.added).toHaveLength(1);
  });
});
