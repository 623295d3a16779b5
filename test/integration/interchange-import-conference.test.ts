// Issue 15: an import from the panel takes the conference the file names (title, acronym, day
// change-over), as seeding from the file with --programme does: the preview shows it, apply sets
// it in the same revision as the sessions (screens receive it, the store keeps it), undo restores
// the one before; a file that names no conference leaves it alone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { c3vocSchedule } from '../../server/interchange/writers/c3voc-export.ts';
import type { Conference } from '../../shared/model.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectDisplay, type Client } from './clients.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';

let server: TestServer;
let cookie: string;
const clients: Client[] = [];

beforeEach(async () => {
  server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
  cookie = await server.login('Ann');
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.socket.close();
  await server.close();
});

const CONFERENCE: Conference = { title: 'Crime Congress 2024', acronym: 'cc24', dayChange: '04:00' };

/** The live schedule as a c3voc file naming a conference, one session retitled. */
function c3vocFile(conference: Conference): string {
  const schedule = server.service.schedule();
  const sessions = schedule.sessions.map((s) => (s.id === 'opening' ? { ...s, title: 'Opening (new title)' } : s));
  return JSON.stringify(
    c3vocSchedule({ ...schedule, sessions }, { baseUrl: 'https://signage.example.org/', now: 0, ...conference }),
  );
}

describe('a panel import and the conference', () => {
  it('previews, applies in the same revision, keeps across a restart and undoes the conference', async () => {
    expect(server.service.schedule().conference).toBeUndefined();
    const text = c3vocFile(CONFERENCE);

    const preview = await server.request('POST', '/api/import/preview', { text, missing: 'keep' }, cookie);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.conference).toEqual({ before: null, after: CONFERENCE });
    expect(preview.body.changed.map((c: { id: string }) => c.id)).toEqual(['opening']);

    const display = await connectDisplay(server.url, { view: 'lobby', displayId: 'lobby-1' });
    clients.push(display);
    await display.recorder.waitFor('snapshot');
    const applied = await server.request(
      'POST',
      '/api/import/apply',
      { text, missing: 'keep', expectedRevision: preview.body.revision },
      cookie,
    );
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.counts).toMatchObject({ changed: 1, conference: true });
    expect(applied.body.entry.summary).toBe('Imported schedule: 1 changed, conference details');
    const delta = await display.recorder.waitForRevision(applied.body.revision);
    expect(delta.revision).toBe(1);
    expect(delta.ops).toContainEqual({ type: 'conference', conference: CONFERENCE });
    expect((await server.request('GET', '/api/schedule')).body.conference).toEqual(CONFERENCE);

    // Kept by the store: a restart on the same data directory still names it.
    server = await server.restart();
    cookie = await server.login('Ann');
    expect(server.service.schedule().conference).toEqual(CONFERENCE);
    // ... and our c3voc export gives it back.
    const exported = await server.request('GET', '/api/export/schedule.json');
    expect(exported.body.schedule.conference).toMatchObject({ title: CONFERENCE.title, acronym: 'cc24' });

    // A file that names no conference (our CSV) leaves it as it is.
    const csv = await server.request('GET', '/api/export/schedule.csv');
    const again = await server.request('POST', '/api/import/preview', { text: csv.body, missing: 'keep' }, cookie);
    expect(again.status).toBe(200);
    expect(again.body.conference).toBeUndefined();

    const undo = await server.request('POST', `/api/changes/${applied.body.revision}/undo`, undefined, cookie);
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    const schedule = (await server.request('GET', '/api/schedule')).body;
    expect(schedule.conference).toBeUndefined();
    expect(schedule.sessions.find((s: { id: string }) => s.id === 'opening').title).toBe('Opening talk');
  });

  it('replaces one conference by another, and undo brings the first back', async () => {
    const first = await server.request(
      'POST',
      '/api/import/apply',
      { text: c3vocFile(CONFERENCE), missing: 'keep', expectedRevision: 0 },
      cookie,
    );
    expect(first.status).toBe(200);
    const renamed: Conference = { title: 'Crime Congress 2024 (day 2)', acronym: 'cc24' };
    const text = c3vocFile(renamed);
    const preview = await server.request('POST', '/api/import/preview', { text, missing: 'keep' }, cookie);
    expect(preview.body.conference).toEqual({ before: CONFERENCE, after: renamed });
    const second = await server.request(
      'POST',
      '/api/import/apply',
      { text, missing: 'keep', expectedRevision: preview.body.revision },
      cookie,
    );
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(server.service.schedule().conference).toEqual(renamed);
    const undo = await server.request('POST', `/api/changes/${second.body.revision}/undo`, undefined, cookie);
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(server.service.schedule().conference).toEqual(CONFERENCE);
  });

  it("does not take our own export's stand-ins for a conference (a schedule that names none)", async () => {
    const exported = await server.request('GET', '/api/export/schedule.json');
    expect(exported.body.schedule.conference).toMatchObject({ title: 'Programme', acronym: 'venue_signage' });
    const text = JSON.stringify(exported.body);
    const preview = await server.request('POST', '/api/import/preview', { text, missing: 'keep' }, cookie);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.conference).toBeUndefined();
    const applied = await server.request(
      'POST',
      '/api/import/apply',
      { text, missing: 'keep', expectedRevision: 0 },
      cookie,
    );
    expect([applied.status, applied.body.error]).toEqual([
      400,
      'nothing to import: the file matches the live schedule',
    ]);
  });
});
