import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScheduleService } from '../../server/schedule/service-types.ts';
import { openService, removeDir, staff, tempDataDir, testClock, thrown } from './domain-fixture.ts';
import { sessionOf } from '../support/session-of.ts';

let dir: string;
let clock: { now: number };
let service: ScheduleService;

beforeEach(async () => {
  dir = tempDataDir();
  clock = testClock();
  service = await openService(dir, clock);
});
afterEach(async () => {
  await service.close();
  removeDir(dir);
});

const bob = { name: 'bob' };
/** The session without its version, to compare content before and after an undo. */
const content = (id: string) => {
  const { version: _version, ...rest } = sessionOf(service, id)!;
  return rest;
};

describe('undo', () => {
  it('reverts a move as a new change with a higher version, and marks the original undone', async () => {
    const before = content('lunch');
    const move = await service.updateSession(
      'lunch',
      { venueId: 'M7', start: '2024-10-14T15:00', end: '2024-10-14T16:00' },
      staff,
    );
    const undo = await service.undo(move.revision, bob);
    expect(undo.revision).toBe(2);
    expect(undo.value).toEqual({ undone: 1 });
    expect(content('lunch')).toEqual(before);
    expect(sessionOf(service, 'lunch')!.version).toBe(3);
    expect(undo.entry).toMatchObject({
      operation: 'undo',
      actor: 'bob',
      undoes: 1,
      sessionId: 'lunch',
      summary: `Undid: ${move.entry.summary}`,
    });
    expect(service.journalSince(0)[0]).toMatchObject({ revision: 1, undoneBy: 2 });
  });

  it('refuses to undo twice, or after the session changed again', async () => {
    const move = await service.updateSession('lunch', { venueId: 'M7' }, staff);
    await service.undo(move.revision, staff);
    expect(await thrown(() => service.undo(move.revision, staff))).toMatchObject({
      status: 409,
      details: { undoneBy: 2 },
    });

    const rename = await service.updateSession('cyber', { title: 'Cybercrime today' }, staff);
    await service.updateSession('cyber', { venueId: 'M7', force: true }, staff);
    const error = await thrown(() => service.undo(rename.revision, staff));
    expect(error.status).toBe(409);
    expect(error.message).toContain('“Cybercrime today” has been changed again since');
    expect(sessionOf(service, 'cyber')!.venueId).toBe('M7');
  });

  it('undoes several steps back, one after the other, while each state still holds', async () => {
    const original = content('lunch');
    const first = await service.updateSession('lunch', { title: 'Lunch talk (1)' }, staff);
    const second = await service.updateSession('lunch', { title: 'Lunch talk (2)' }, staff);
    const third = await service.updateSession('lunch', { venueId: 'M7' }, staff);
    expect([first.revision, second.revision, third.revision]).toEqual([1, 2, 3]);

    // Undoing a middle step while a later one still stands is refused, naming what changed.
    const early = await thrown(() => service.undo(second.revision, staff));
    expect(early.status).toBe(409);
    expect(early.message).toContain('“Lunch talk (2)” has been changed again since (room)');

    expect((await service.undo(third.revision, staff)).revision).toBe(4);
    expect((await service.undo(second.revision, staff)).revision).toBe(5);
    expect(sessionOf(service, 'lunch')).toMatchObject({ title: 'Lunch talk (1)', venueId: 'CR3', version: 6 });
    await service.undo(first.revision, staff);
    expect(content('lunch')).toEqual(original);

    // And forward again: each undo can itself be undone, newest first.
    await service.undo(6, staff);
    await service.undo(5, staff);
    expect(sessionOf(service, 'lunch')).toMatchObject({ title: 'Lunch talk (2)', venueId: 'CR3' });
  });

  it('walks the emergency message back several steps, and forward again', async () => {
    const first = await service.setEmergency('Fire drill', staff);
    const second = await service.setEmergency('Fire drill over', staff);
    await service.undo(second.revision, staff);
    const cleared = await service.undo(first.revision, staff);
    expect(service.schedule().emergency).toBeNull();
    await service.undo(cleared.revision, staff);
    expect(service.schedule().emergency).toEqual(first.value);
  });

  it('recreates a deleted session and refuses an undo that touches a deleted one', async () => {
    const original = content('lunch');
    const rename = await service.updateSession('lunch', { title: 'Lunch' }, staff);
    const deletion = await service.deleteSession('lunch', staff);
    expect((await thrown(() => service.undo(rename.revision, staff))).message).toContain('has been deleted since');

    await service.undo(deletion.revision, staff);
    expect(content('lunch')).toEqual({ ...original, title: 'Lunch' });
    expect(sessionOf(service, 'lunch')!.version).toBe(3);
  });

  it('deletes a created session, unless it changed since', async () => {
    const input = { title: 'Pop-up', venueId: 'M7', start: '2024-10-14T15:00', end: '2024-10-14T16:00' };
    const created = await service.createSession(input, staff);
    const undo = await service.undo(created.revision, staff);
    expect(undo.delta.ops).toEqual([{ type: 'session-removed', id: created.value.id }]);
    expect(sessionOf(service, created.value.id)).toBeUndefined();

    const again = await service.createSession(input, staff);
    await service.updateSession(again.value.id, { title: 'Pop-up talk' }, staff);
    expect(await thrown(() => service.undo(again.revision, staff))).toMatchObject({ status: 409 });
  });

  it('refuses an undo that would double-book a room', async () => {
    const move = await service.updateSession('lunch', { venueId: 'M7' }, staff);
    await service.createSession(
      { title: 'Taker', venueId: 'CR3', start: '2024-10-14T13:30', end: '2024-10-14T14:30' },
      staff,
    );
    const error = await thrown(() => service.undo(move.revision, staff));
    expect(error.status).toBe(409);
    expect(error.message).toContain('CR3 is already taken by “Taker”');
    expect(error.details).toMatchObject({ clash: { title: 'Taker' }, forceable: true });
    expect(sessionOf(service, 'lunch')!.venueId).toBe('M7');
  });

  it('force lifts the clash only, and the journal says the room is shared', async () => {
    const move = await service.updateSession('lunch', { venueId: 'M7' }, staff);
    await service.createSession(
      { title: 'Taker', venueId: 'CR3', start: '2024-10-14T13:30', end: '2024-10-14T14:30' },
      staff,
    );
    const forced = await service.undo(move.revision, bob, { force: true });
    expect(sessionOf(service, 'lunch')!.venueId).toBe('CR3');
    expect(forced.entry).toMatchObject({ operation: 'undo', undoes: move.revision, actor: 'bob' });
    expect(forced.entry.summary).toMatch(/\(kept both in CR3 with “Taker”\)$/);

    const rename = await service.updateSession('cyber', { title: 'Cybercrime today' }, staff);
    await service.updateSession('cyber', { title: 'Cybercrime tomorrow' }, staff);
    const error = await thrown(() => service.undo(rename.revision, staff, { force: true }));
    expect(error.status).toBe(409);
    expect(error.message).toContain('undo anyway cannot override this');
    expect(error.details).not.toHaveProperty('forceable');
    expect(sessionOf(service, 'cyber')!.title).toBe('Cybercrime tomorrow');
  });

  it('reverts a delay of several sessions at once', async () => {
    const delay = await service.delaySession('opening', { minutes: 30, shiftFollowing: true }, staff);
    await service.undo(delay.revision, staff);
    expect(['opening', 'cyber', 'lunch'].map((id) => sessionOf(service, id)!.start)).toEqual([
      '2024-10-14T10:00:00+02:00',
      '2024-10-14T11:00:00+02:00',
      '2024-10-14T13:00:00+02:00',
    ]);
  });

  it('reverts cancel, announcements and the emergency message', async () => {
    const cancel = await service.updateSession('cyber', { status: 'cancelled' }, staff);
    await service.undo(cancel.revision, staff);
    expect(sessionOf(service, 'cyber')!.status).toBe('scheduled');

    const created = await service.createAnnouncement({ text: 'Hello' }, staff);
    const removed = await service.deleteAnnouncement(created.value.id, staff);
    expect((await thrown(() => service.undo(created.revision, staff))).message).toContain('already gone');
    await service.undo(removed.revision, staff);
    expect(service.schedule().announcements).toEqual([created.value]);
    await service.undo(created.revision, staff);
    expect(service.schedule().announcements).toEqual([]);

    const first = await service.setEmergency('Fire drill', staff);
    const second = await service.setEmergency('Fire drill over at 10:00', staff);
    expect((await thrown(() => service.undo(first.revision, staff))).message).toContain(
      'emergency message has changed',
    );
    await service.undo(second.revision, staff);
    expect(service.schedule().emergency).toEqual(first.value);
    const cleared = await service.clearEmergency(staff);
    await service.undo(cleared.revision, staff);
    expect(service.schedule().emergency).toEqual(first.value);
  });

  it('refuses to bring back an announcement that has expired since', async () => {
    const created = await service.createAnnouncement({ text: 'Short', expiresInMinutes: 5 }, staff);
    const removed = await service.deleteAnnouncement(created.value.id, staff);
    clock.now += 10 * 60_000;
    expect((await thrown(() => service.undo(removed.revision, staff))).message).toContain('has expired');
  });

  it('can undo an undo (redo)', async () => {
    const move = await service.updateSession('lunch', { venueId: 'M7' }, staff);
    const undo = await service.undo(move.revision, staff);
    const redo = await service.undo(undo.revision, staff);
    expect(redo.entry.summary).toBe('Undid: Undid: Moved “Lunch talk” from CR3 to M7');
    expect(sessionOf(service, 'lunch')).toMatchObject({ venueId: 'M7', version: 4 });
  });

  it('404s revisions that are not journal entries', async () => {
    expect(await thrown(() => service.undo(0, staff))).toMatchObject({ status: 404 });
    expect(await thrown(() => service.undo(7, staff))).toMatchObject({ status: 404 });
  });
});
