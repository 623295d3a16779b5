/**
 * "Undo anyway": `force: true` on POST /api/changes/:revision/undo lifts the room-clash refusal
 * only. A later change to the same session, an entry already undone or an unknown revision are
 * refused with force as without, and the refusal says that force cannot override them.
 */
import { describe, expect, it } from 'vitest';
import { fixtureServerPerFile } from './fixture-server.ts';

const world = fixtureServerPerFile();

const sessionsIn = (venueId: string, start: string) =>
  world.server.service
    .schedule()
    .sessions.filter((s) => s.venueId === venueId && s.start === start)
    .map((s) => s.id)
    .sort();

describe('undo anyway (force)', () => {
  it('a clash is a 409 that says force may lift it; with force it is a 200, journalled like any undo', async () => {
    const move = await world.server.request('PATCH', '/api/sessions/workshop', { venueId: 'M7' }, world.cookie);
    expect(move.status).toBe(200);
    const taker = await world.server.request(
      'POST',
      '/api/sessions',
      { id: 'briefing', title: 'Press briefing', venueId: 'CR3', start: '2024-10-14T14:00', end: '2024-10-14T14:30' },
      world.cookie,
    );
    expect(taker.status).toBe(201);

    const refused = await world.server.request('POST', `/api/changes/${move.body.revision}/undo`, {}, world.cookie);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      reason: 'clash',
      forceable: true,
      clash: { id: 'briefing', title: 'Press briefing' },
    });
    expect(refused.body.error).toMatch(/CR3 is already taken by “Press briefing”/);
    expect(sessionsIn('M7', '2024-10-14T14:00:00+02:00')).toEqual(['workshop']);

    const forced = await world.server.request(
      'POST',
      `/api/changes/${move.body.revision}/undo`,
      { force: true },
      world.cookie,
    );
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

    const journal = await world.server.request(
      'GET',
      `/api/changes?since=${move.body.revision}`,
      undefined,
      world.cookie,
    );
    expect(journal.body.changes.map((c: { revision: number }) => c.revision)).toEqual([
      taker.body.revision,
      forced.body.revision,
    ]);
    const original = await world.server.request(
      'GET',
      `/api/changes?since=${move.body.revision - 1}&limit=1`,
      undefined,
      world.cookie,
    );
    expect(original.body.changes[0]).toMatchObject({ revision: move.body.revision, undoneBy: forced.body.revision });
  });

  it('force never overrides a later change to the same session, and says so', async () => {
    const first = await world.server.request('PATCH', '/api/sessions/panel', { title: 'Panel, first' }, world.cookie);
    await world.server.request('PATCH', '/api/sessions/panel', { title: 'Panel, second' }, world.cookie);
    const before = world.server.service.revision();
    const forced = await world.server.request(
      'POST',
      `/api/changes/${first.body.revision}/undo`,
      { force: true },
      world.cookie,
    );
    expect(forced.status).toBe(409);
    expect(forced.body.error).toMatch(/changed again since \(title\) \(undo anyway cannot override this/);
    expect(forced.body.forceable).toBeUndefined();
    expect(world.server.service.revision()).toBe(before);
    expect(world.server.service.schedule().sessions.find((s) => s.id === 'panel')!.title).toBe('Panel, second');
  });

  it('force never re-undoes an undone entry nor finds an unknown one; a non-boolean force is a 400', async () => {
    const rename = await world.server.request(
      'PATCH',
      '/api/sessions/opening',
      { title: 'Opening, renamed' },
      world.cookie,
    );
    expect(
      (await world.server.request('POST', `/api/changes/${rename.body.revision}/undo`, {}, world.cookie)).status,
    ).toBe(200);
    const again = await world.server.request(
      'POST',
      `/api/changes/${rename.body.revision}/undo`,
      { force: true },
      world.cookie,
    );
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/already undone .*undo anyway cannot override this/);

    expect((await world.server.request('POST', '/api/changes/9999/undo', { force: true }, world.cookie)).status).toBe(
      404,
    );
    const bad = await world.server.request(
      'POST',
      `/api/changes/${rename.body.revision}/undo`,
      { force: 'yes' },
      world.cookie,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('force');
  });
});
