// Importing a schedule file into the running server: staff-only preview and apply, one revision
// broadcast to screens, undo, and the control panel's client (control/data/import-api.ts).
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportApi, ImportApiError } from '../../control/data/import-api.ts';
import type { Session } from '../../shared/model.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectDisplay, type Client } from './clients.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';
import { sessionOf } from '../support/session-of.ts';

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
afterAll(() => clients.forEach((c) => c.socket.close()));

/** The fixture day as a hand-written CSV: workshop retimed, panel moved, webinar missing, one new. */
const GOOD = [
  'id,title,start,end,venue_id',
  'opening,Opening talk,2024-10-14T13:00,2024-10-14T13:50,CR3',
  'workshop,Workshop,2024-10-14T15:00,2024-10-14T15:50,CR3',
  'panel,Panel,2024-10-14T14:00,2024-10-14T14:50,CR3',
  'newcomer,Late addition,2024-10-14T16:00,2024-10-14T16:50,M7',
].join('\n');

function post(path: string, body: string, type: string, withCookie = true) {
  return fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': type, ...(withCookie && { cookie }) },
    body,
  });
}

describe('import over HTTP', () => {
  it('is staff-only', async () => {
    for (const path of ['/api/import/preview', '/api/import/apply']) {
      const response = await post(path, GOOD, 'text/plain', false);
      expect(response.status).toBe(401);
    }
  });

  it('previews a text/plain or JSON body as a plan without changing anything', async () => {
    const asText = await post('/api/import/preview', GOOD, 'text/plain');
    expect(asText.status).toBe(200);
    const plan = await asText.json();
    expect(plan).toMatchObject({
      format: 'csv',
      revision: 0,
      baseRevision: 0,
      timezone: 'Europe/Vienna',
      unchanged: 1,
      missing: 'cancel',
    });
    expect(plan.added.map((s: { id: string }) => s.id)).toEqual(['newcomer']);
    expect(plan.removed.map((s: { id: string }) => s.id)).toEqual(['webinar']);
    expect(plan.moved.map((c: { id: string }) => c.id)).toEqual(['panel']);
    expect(plan.retimed.map((c: { id: string }) => c.id)).toEqual(['workshop']);
    const asJson = await server.request('POST', '/api/import/preview', { text: GOOD, missing: 'keep' }, cookie);
    expect(asJson.status).toBe(200);
    expect(asJson.body).toMatchObject({ missing: 'keep', removed: [{ id: 'webinar' }] });
    expect(server.service.revision()).toBe(0);
  });

  it('refuses a file with errors with every problem and its row, and applies nothing', async () => {
    const bad = `${GOOD}\nx,,2024-10-14T17:00,2024-10-14T16:00,M7\n`;
    const preview = await server.request('POST', '/api/import/preview', { text: bad }, cookie);
    expect(preview.status).toBe(400);
    expect(preview.body).toMatchObject({
      field: 'text',
      errors: [
        { line: 6, message: 'title: must not be empty' },
        { line: 6, message: 'end: must be after start' },
      ],
    });
    const apply = await server.request('POST', '/api/import/apply', { text: bad, expectedRevision: 0 }, cookie);
    expect(apply.status).toBe(400);
    expect(server.service.revision()).toBe(0);
    const unknown = await server.request(
      'POST',
      '/api/import/preview',
      { text: 'Dear colleagues, see you on Monday.' },
      cookie,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/^not a recognised schedule format/);
  });

  it('applies the plan as one revision that screens receive, and undo restores the schedule', async () => {
    const display = await connectDisplay(server.url, { view: 'lobby', displayId: 'lobby-1' });
    clients.push(display);
    await display.recorder.waitFor('snapshot');
    const before = server.service.schedule();

    const stale = await server.request('POST', '/api/import/apply', { text: GOOD, expectedRevision: 7 }, cookie);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ field: 'expectedRevision', reason: 'stale', revision: 0 });

    const applied = await server.request('POST', '/api/import/apply', { text: GOOD, expectedRevision: 0 }, cookie);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({
      revision: 1,
      counts: { added: 1, cancelled: 1, moved: 1, retimed: 1, changed: 0, unchanged: 1 },
    });
    expect(applied.body.entry).toMatchObject({
      actor: 'Ann',
      operation: 'schedule.import',
      summary: 'Imported schedule: +1, −1, 1 moved, 1 retimed',
    });
    const delta = await display.recorder.waitForRevision(1);
    expect(delta.ops).toHaveLength(4);
    expect(sessionOf(server.service, 'webinar')!.status).toBe('cancelled');
    expect(sessionOf(server.service, 'panel')).toMatchObject({
      venueId: 'CR3',
      start: '2024-10-14T14:00:00+02:00',
      planned: { venueId: 'M7', start: '2024-10-14T13:00:00+02:00' },
    });

    const journal = await server.request('GET', '/api/changes?since=0', undefined, cookie);
    expect(journal.body.changes).toHaveLength(1);
    const undo = await server.request('POST', '/api/changes/1/undo', undefined, cookie);
    expect(undo.status).toBe(200);
    const strip = (s: Session) => ({ ...s, version: 0 });
    const byId = (a: Session, b: Session) => a.id.localeCompare(b.id);
    expect(server.service.schedule().sessions.map(strip).sort(byId)).toEqual(before.sessions.map(strip).sort(byId));
  });

  it('answers 415 for other body types and 413 above 2 MB', async () => {
    expect((await post('/api/import/preview', 'a=b', 'application/x-www-form-urlencoded')).status).toBe(415);
    const huge = await post('/api/import/preview', `${GOOD}\n${'x'.repeat(2_200_000)}`, 'text/plain');
    expect(huge.status).toBe(413);
    expect((await huge.json()).error).toMatch(/too large/);
  });
});

describe('the control panel client', () => {
  /** What a browser does with credentials: same-origin: send the staff cookie. */
  const api = () =>
    new ImportApi(server.url, (input, init) => fetch(input, { ...init, headers: { ...init.headers, cookie } }));

  it('previews and applies, and turns refusals into ImportApiError with the problems', async () => {
    const preview = await api().preview(GOOD);
    expect(preview.revision).toBe(0);
    expect(preview.moved[0]).toMatchObject({
      id: 'panel',
      fields: ['start', 'end', 'venueId'],
      before: { venueId: 'M7' },
      after: { venueId: 'CR3' },
    });
    const applied = await api().apply(GOOD, preview.revision);
    expect(applied.revision).toBe(1);

    const stale = await api()
      .apply(GOOD, 0)
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ImportApiError);
    expect((stale as ImportApiError).status).toBe(409);

    const bad = await api()
      .preview('id,title,start,end,venue_id\nx,,nope,2024-10-14T16:00,M7')
      .catch((e: unknown) => e);
    expect((bad as ImportApiError).problems.map((p) => p.line)).toEqual([2, 2]);

    const anonymous = await new ImportApi(server.url).preview(GOOD).catch((e: unknown) => e);
    expect(anonymous).toMatchObject({ status: 401, message: expect.stringMatching(/log in again/) });
  });
});
