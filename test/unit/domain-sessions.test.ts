import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScheduleService } from '../../server/schedule/service-types.ts';
import { openService, removeDir, staff, tempDataDir, thrown } from './domain-fixture.ts';
import { sessionOf } from '../support/session-of.ts';

let dir: string;
let service: ScheduleService;

beforeEach(async () => {
  dir = tempDataDir();
  service = await openService(dir);
});
afterEach(async () => {
  await service.close();
  removeDir(dir);
});

describe('moving and retiming sessions', () => {
  it('moves a session to a free room, bumping its version but keeping planned', async () => {
    const result = await service.updateSession('lunch', { venueId: 'M7' }, staff);
    expect(result.revision).toBe(1);
    expect(result.value).toMatchObject({ venueId: 'M7', version: 2 });
    expect(result.value.planned).toEqual({
      start: '2024-10-14T13:00:00+02:00',
      end: '2024-10-14T14:00:00+02:00',
      venueId: 'CR3',
    });
    expect(result.entry).toMatchObject({
      revision: 1,
      actor: 'alice',
      operation: 'session.move',
      sessionId: 'lunch',
      summary: 'Moved “Lunch talk” from CR3 to M7',
      at: '2024-10-14T09:00:00+02:00',
    });
    expect(result.delta).toEqual({ revision: 1, ops: [{ type: 'session', session: result.value }] });
    expect(sessionOf(service, 'lunch')).toEqual(result.value);
  });

  it('reads times without an offset as venue time and stores them with the venue offset', async () => {
    const result = await service.updateSession(
      'lunch',
      { start: '2024-10-14T15:00', end: '2024-10-14T13:30:00Z' },
      staff,
    );
    expect(result.value.start).toBe('2024-10-14T15:00:00+02:00');
    expect(result.value.end).toBe('2024-10-14T15:30:00+02:00');
    expect(result.entry.operation).toBe('session.retime');
    expect(result.entry.summary).toBe('Rescheduled “Lunch talk” to 15:00–15:30 (was 13:00–14:00)');
  });

  it('refuses a move into a taken room with 409 naming the clashing session, and accepts it forced', async () => {
    const error = await thrown(() =>
      service.updateSession('lunch', { start: '2024-10-14T11:30', end: '2024-10-14T12:30' }, staff),
    );
    expect(error.status).toBe(409);
    expect(error.message).toContain('“Cybercrime”');
    expect(error.message).toContain('11:00–12:00');
    expect(error.details).toMatchObject({
      clash: { id: 'cyber', title: 'Cybercrime', start: '2024-10-14T11:00:00+02:00', end: '2024-10-14T12:00:00+02:00' },
    });
    expect(service.revision()).toBe(0);
    expect(sessionOf(service, 'lunch')!.start).toBe('2024-10-14T13:00:00+02:00');

    const forced = await service.updateSession(
      'lunch',
      { start: '2024-10-14T11:30', end: '2024-10-14T12:30', force: true },
      staff,
    );
    expect(forced.value.start).toBe('2024-10-14T11:30:00+02:00');
  });

  it('lets sessions touch end to start, share with cancelled sessions, and share online venues', async () => {
    expect(
      (await service.updateSession('lunch', { start: '2024-10-14T12:00', end: '2024-10-14T12:45' }, staff)).revision,
    ).toBe(1);
    // "dropped" is cancelled in M7 at 11:00–12:00.
    expect((await service.updateSession('cyber', { venueId: 'M7' }, staff)).value.venueId).toBe('M7');
    // "webinar" is online at 10:00–11:00.
    expect((await service.updateSession('firearms', { venueId: 'ONLINE' }, staff)).value.venueId).toBe('ONLINE');
  });

  it('does not re-check clashes on edits that keep place, time and status', async () => {
    await service.updateSession('lunch', { start: '2024-10-14T11:30', end: '2024-10-14T12:30', force: true }, staff);
    const renamed = await service.updateSession('lunch', { title: 'Long lunch talk' }, staff);
    expect(renamed.entry.summary).toBe('Renamed “Lunch talk” to “Long lunch talk”');
  });

  it('answers 409 stale for an old expectedVersion and changes nothing', async () => {
    await service.updateSession('lunch', { title: 'Lunch' }, staff);
    const error = await thrown(() => service.updateSession('lunch', { venueId: 'M7', expectedVersion: 1 }, staff));
    expect(error.status).toBe(409);
    expect(error.details).toMatchObject({ reason: 'stale', currentVersion: 2, session: { id: 'lunch', version: 2 } });
    expect(service.revision()).toBe(1);
    expect(sessionOf(service, 'lunch')!.venueId).toBe('CR3');
    expect((await service.updateSession('lunch', { venueId: 'M7', expectedVersion: 2 }, staff)).value.version).toBe(3);
  });

  it('answers 404 for an unknown session or venue and 400 for an end before the start', async () => {
    expect(await thrown(() => service.updateSession('nope', { title: 'x' }, staff))).toMatchObject({ status: 404 });
    expect(await thrown(() => service.updateSession('lunch', { venueId: 'CR99' }, staff))).toMatchObject({
      status: 404,
      field: 'venueId',
    });
    expect(await thrown(() => service.updateSession('lunch', { end: '2024-10-14T13:00' }, staff))).toMatchObject({
      status: 400,
      field: 'end',
    });
    expect(await thrown(() => service.updateSession('lunch', { start: '2024-10-14T14:30' }, staff))).toMatchObject({
      status: 400,
      field: 'end',
    });
    expect(service.revision()).toBe(0);
  });

  it('validates the patch itself, naming the field', async () => {
    const patch = { title: 'x', colour: 'red' } as unknown as { title: string };
    expect(await thrown(() => service.updateSession('lunch', patch, staff))).toMatchObject({
      status: 400,
      field: 'colour',
    });
    expect(await thrown(() => service.updateSession('lunch', { start: 'tomorrow' }, staff))).toMatchObject({
      status: 400,
      field: 'start',
    });
  });

  it('sets and clears optional fields', async () => {
    await service.updateSession('lunch', { agendaItems: [{ code: '2 (a)', title: 'Review' }] }, staff);
    const set = await service.updateSession(
      'lunch',
      { currentAgendaItem: '2 (a)', online: { meetingId: '123' } },
      staff,
    );
    expect(set.value).toMatchObject({ currentAgendaItem: '2 (a)', online: { meetingId: '123' } });
    expect(set.entry.summary).toBe('Edited “Lunch talk” (online details, current agenda item)');
    const cleared = await service.updateSession('lunch', { currentAgendaItem: null, online: null }, staff);
    expect(cleared.value).not.toHaveProperty('currentAgendaItem');
    expect(cleared.value).not.toHaveProperty('online');
  });

  it('takes as current agenda item only a code of the session’s own agenda', async () => {
    const none = await thrown(() => service.updateSession('lunch', { currentAgendaItem: '9 (z)' }, staff));
    expect(none).toMatchObject({
      status: 400,
      field: 'currentAgendaItem',
      message: 'currentAgendaItem: “9 (z)” cannot be current: “Lunch talk” has no agenda items',
    });

    const agenda = [
      { code: '1 (a)', title: 'Opening' },
      { code: '1 (b)', title: 'Officers' },
    ];
    // The agenda and its current item may arrive in the same patch.
    const set = await service.updateSession('lunch', { agendaItems: agenda, currentAgendaItem: '1 (b)' }, staff);
    expect(set.value.currentAgendaItem).toBe('1 (b)');
    const unknown = await thrown(() => service.updateSession('lunch', { currentAgendaItem: '1 (c)' }, staff));
    expect(unknown).toMatchObject({ status: 400, field: 'currentAgendaItem' });
    expect(unknown.message).toBe('currentAgendaItem: “1 (c)” is not on the agenda of “Lunch talk” (1 (a), 1 (b))');
    expect(
      await thrown(() => service.updateSession('lunch', { agendaItems: null, currentAgendaItem: '1 (a)' }, staff)),
    ).toMatchObject({ field: 'currentAgendaItem' });
    expect(sessionOf(service, 'lunch')!.currentAgendaItem).toBe('1 (b)');

    // An agenda that no longer has the current item takes the marker away with it.
    const shortened = await service.updateSession('lunch', { agendaItems: [agenda[0]!] }, staff);
    expect(shortened.value).not.toHaveProperty('currentAgendaItem');
    expect(shortened.entry.summary).toBe('Edited “Lunch talk” (agenda, current agenda item)');
  });
});

describe('cancelling and reinstating', () => {
  it('cancels, frees the slot, and refuses to reinstate into a slot taken since unless forced', async () => {
    const cancelled = await service.updateSession('cyber', { status: 'cancelled' }, staff);
    expect(cancelled.entry).toMatchObject({ operation: 'session.cancel', summary: 'Cancelled “Cybercrime”' });

    await service.updateSession('lunch', { start: '2024-10-14T11:00', end: '2024-10-14T12:00' }, staff);
    const error = await thrown(() => service.updateSession('cyber', { status: 'scheduled' }, staff));
    expect(error.status).toBe(409);
    expect(error.message).toContain('“Lunch talk”');

    const reinstated = await service.updateSession('cyber', { status: 'scheduled', force: true }, staff);
    expect(reinstated.entry).toMatchObject({ operation: 'session.reinstate', summary: 'Reinstated “Cybercrime”' });
    expect(reinstated.value.version).toBe(3);
  });
});

describe('creating and deleting sessions', () => {
  it('creates a session with a readable generated id, planned as created and version 1', async () => {
    const result = await service.createSession(
      { title: 'Human trafficking & AI', venueId: 'M7', start: '2024-10-14T13:00', end: '2024-10-14T14:30' },
      staff,
    );
    expect(result.value.id).toMatch(/^human-trafficking-ai-[0-9a-z]{6}$/);
    expect(result.value).toMatchObject({
      status: 'scheduled',
      version: 1,
      kind: 'other',
      start: '2024-10-14T13:00:00+02:00',
      end: '2024-10-14T14:30:00+02:00',
      planned: { start: '2024-10-14T13:00:00+02:00', end: '2024-10-14T14:30:00+02:00', venueId: 'M7' },
    });
    expect(result.entry).toMatchObject({
      operation: 'session.create',
      summary: 'Added “Human trafficking & AI” in M7, Monday 14 October 13:00–14:30',
    });
    expect(sessionOf(service, result.value.id)).toEqual(result.value);
  });

  it('refuses a taken id, an unknown venue and a clash on creation', async () => {
    const base = { title: 'New', venueId: 'CR3', start: '2024-10-14T15:00', end: '2024-10-14T16:00' };
    expect(await thrown(() => service.createSession({ ...base, id: 'lunch' }, staff))).toMatchObject({
      status: 409,
      field: 'id',
    });
    expect(await thrown(() => service.createSession({ ...base, venueId: 'X1' }, staff))).toMatchObject({
      status: 404,
      field: 'venueId',
    });
    const clash = await thrown(() => service.createSession({ ...base, start: '2024-10-14T13:30' }, staff));
    expect(clash.status).toBe(409);
    expect(clash.details).toMatchObject({ clash: { id: 'lunch' } });
    expect((await service.createSession({ ...base, id: 'custom-1' }, staff)).value.id).toBe('custom-1');
  });

  it('deletes a session, honouring expectedVersion', async () => {
    expect(await thrown(() => service.deleteSession('lunch', staff, 5))).toMatchObject({ status: 409 });
    const result = await service.deleteSession('lunch', staff, 1);
    expect(result.value).toEqual({ id: 'lunch' });
    expect(result.delta.ops).toEqual([{ type: 'session-removed', id: 'lunch' }]);
    expect(result.entry.summary).toBe('Deleted “Lunch talk” (CR3, Monday 14 October 13:00–14:00)');
    expect(sessionOf(service, 'lunch')).toBeUndefined();
    expect(await thrown(() => service.deleteSession('lunch', staff))).toMatchObject({ status: 404 });
  });
});
