/**
 * "Undo anyway": `force: true` on POST /api/changes/:revision/undo lifts the room-clash refusal
 * only. A later change to the same session, an entry already undone or an unknown revision are
 * refused with force as without, and the refusal says that force cannot override them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
  cookie = await server.login('Ann');
});
afterAll(() => server.close());

const sessionsIn = (venueId: string, start: string) =>
  server.service
    .schedule()
    .sessions.filter((s) => s.venueId === venueId && s.start === start)
    .map((s) => s.id)
    .sort();

describe('undo anyway (force)', () => {
  it('a clash is a 409 that says force may lift it; with force it is a 200, journalled like any undo', async () => {
    const move = await server.request('PATCH', '/api/sessions/workshop', { venueId: 'M7' }, cookie);
    expect(move.status).toBe(200);
    const taker = await server.request(
      'POST',
      '/api/sessions',
      { id: 'briefing', title: 'Press briefing', venueId: 'CR3', start: '2024-10-14T14:00', end: '2024-10-14T14:30' },
      cookie,
    );
    expect(taker.status).toBe(201);

    const refused = await server.request('POST', `/api/changes/${move.body.revision}/undo`, {}, cookie);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      reason: 'clash',
      forceable: true,
      clash: { id: 'briefing', title: 'Press briefing' },
    });
    expect(refused.body.error).toMatch(/CR3 is already taken by “Press briefing”/);
    expect(sessionsIn('M7', '2024-10-14T14:00:00+02:00')).toEqual(['workshop']);

    const forced = await server.request('POST', `/api/changes/${move.body.revision}/undo`, { force: true }, cookie);
    expect(forced.status).toBe(200);
    expect(forced.body.revision).toBe(taker.body.revision + 1);
    expect(forced.body.entry).toMatchObject({
      operation: 'undo',
      undoes: move.body.revision,
      actor: 'Ann',
      sessionId: 'workshop',
      summary: expect.stringContaining('(kept both in CR3 with “Press briefing”)'),
    });
    expect(sessionsIn('CR3', '2024-10-14T14:00:00+02:00')).toEqual(['briefing', 'workshop']);

    const journal = await server.request('GET', `/api/changes?since=${move.body.revision}`, undefined, cookie);
    expect(journal.body.changes.map((c: { revision: number }) => c.revision)).toEqual([
      taker.body.revision,
      forced.body.revision,
    ]);
    const original = await server.request(
      'GET',
      `/api/changes?since=${move.body.revision - 1}&limit=1`,
      undefined,
      cookie,
    );
    expect(original.body.changes[0]).toMatchObject({ revision: move.body.revision, undoneBy: forced.body.revision });
  });

  it('force never overrides a later change to the same session, and says so', async () => {
    const first = await server.request('PATCH', '/api/sessions/panel', { title: 'Panel, first' }, cookie);
    await server.request('PATCH', '/api/sessions/panel', { title: 'Panel, second' }, cookie);
    const before = server.service.revision();
    const forced = await server.request('POST', `/api/changes/${first.body.revision}/undo`, { force: true }, cookie);
    expect(forced.status).toBe(409);
    expect(forced.body.error).toMatch(/changed again since \(title\) \(undo anyway cannot override this/);
    expect(forced.body.forceable).toBeUndefined();
    expect(server.service.revision()).toBe(before);
    expect(server.service.schedule().sessions.find((s) => s.id === 'panel')!.title).toBe('Panel, second');
  });

  it('force never re-undoes an undone entry nor finds an unknown one; a non-boolean force is a 400', async () => {
    const rename = await server.request('PATCH', '/api/sessions/opening', { title: 'Opening, renamed' }, cookie);
    expect((await server.request('POST', `/api/changes/${rename.body.revision}/undo`, {}, cookie)).status).toBe(200);
    const again = await server.request('POST', `/api/changes/${rename.body.revision}/undo`, { force: true }, cookie);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/already undone .*undo anyway cannot override this/);

    expect((await server.request('POST', '/api/changes/9999/undo', { force: true }, cookie)).status).toBe(404);
    const bad = await server.request('POST', `/api/changes/${rename.body.revision}/undo`, { force: 'yes' }, cookie);
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('force');
  });
});
