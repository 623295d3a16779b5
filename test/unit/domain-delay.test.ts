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

const startOf = (id: string) => sessionOf(service, id)!.start;
const endOf = (id: string) => sessionOf(service, id)!.end;

describe('delaying a session', () => {
  it('shifts start and end, and says by how much and the new time', async () => {
    const result = await service.delaySession('lunch', { minutes: 15 }, staff);
    expect(result.revision).toBe(1);
    expect(result.value).toHaveLength(1);
    expect(startOf('lunch')).toBe('2024-10-14T13:15:00+02:00');
    expect(endOf('lunch')).toBe('2024-10-14T14:15:00+02:00');
    expect(sessionOf(service, 'lunch')!.planned.start).toBe('2024-10-14T13:00:00+02:00');
    expect(result.entry).toMatchObject({
      operation: 'session.delay',
      sessionId: 'lunch',
      summary: 'Delayed “Lunch talk” by 15 min (now 13:15)',
    });
  });

  it('refuses a delay that runs into the next session of the room unless forced', async () => {
    const error = await thrown(() => service.delaySession('opening', { minutes: 15 }, staff));
    expect(error.status).toBe(409);
    expect(error.details).toMatchObject({ clash: { id: 'cyber' } });
    expect(startOf('opening')).toBe('2024-10-14T10:00:00+02:00');
    expect((await service.delaySession('opening', { minutes: 15, force: true }, staff)).value[0]!.start).toBe(
      '2024-10-14T10:15:00+02:00',
    );
  });

  it('with shiftFollowing moves the rest of the room’s day in one change, not the next day or other rooms', async () => {
    const result = await service.delaySession('opening', { minutes: 30, shiftFollowing: true }, staff);
    expect(result.revision).toBe(1);
    expect(result.value.map((s) => s.id)).toEqual(['opening', 'cyber', 'lunch']);
    expect(result.delta.ops).toHaveLength(3);
    expect(result.entry.summary).toBe('Delayed “Opening” by 30 min (now 10:30) and 2 following in CR3');
    expect([startOf('opening'), startOf('cyber'), startOf('lunch')]).toEqual([
      '2024-10-14T10:30:00+02:00',
      '2024-10-14T11:30:00+02:00',
      '2024-10-14T13:30:00+02:00',
    ]);
    expect(sessionOf(service, 'cyber')!.version).toBe(2);
    expect(startOf('tuesday')).toBe('2024-10-15T09:00:00+02:00');
    expect(startOf('firearms')).toBe('2024-10-14T10:00:00+02:00');
  });

  it('leaves earlier and cancelled sessions of the room where they are', async () => {
    await service.delaySession('cyber', { minutes: 20, shiftFollowing: true }, staff);
    expect(startOf('opening')).toBe('2024-10-14T10:00:00+02:00');
    expect(startOf('lunch')).toBe('2024-10-14T13:20:00+02:00');

    await service.delaySession('firearms', { minutes: 30, shiftFollowing: true }, staff);
    expect(startOf('firearms')).toBe('2024-10-14T10:30:00+02:00');
    expect(startOf('dropped')).toBe('2024-10-14T11:00:00+02:00');
  });

  it('brings a session forward, refusing to run into the one before', async () => {
    const result = await service.delaySession('lunch', { minutes: -30 }, staff);
    expect(result.entry.summary).toBe('Brought forward “Lunch talk” by 30 min (now 12:30)');
    const error = await thrown(() => service.delaySession('cyber', { minutes: -10, shiftFollowing: true }, staff));
    expect(error.status).toBe(409);
    expect(error.details).toMatchObject({ clash: { id: 'opening' } });
  });

  it('keeps absolute durations across the autumn daylight-saving change', async () => {
    const created = await service.createSession(
      { id: 'night', title: 'Night owls', venueId: 'M7', start: '2024-10-27T01:30', end: '2024-10-27T02:30+02:00' },
      staff,
    );
    expect(created.value.end).toBe('2024-10-27T02:30:00+02:00');
    await service.delaySession('night', { minutes: 60 }, staff);
    // 02:30 CEST + 1 h is 02:30 CET: the wall clock repeats the hour.
    expect(startOf('night')).toBe('2024-10-27T02:30:00+02:00');
    expect(endOf('night')).toBe('2024-10-27T02:30:00+01:00');
  });

  it('refuses cancelled sessions, stale versions, unknown sessions and bad minutes', async () => {
    expect(await thrown(() => service.delaySession('dropped', { minutes: 10 }, staff))).toMatchObject({ status: 409 });
    expect(await thrown(() => service.delaySession('lunch', { minutes: 10, expectedVersion: 4 }, staff))).toMatchObject(
      {
        status: 409,
        details: { reason: 'stale', currentVersion: 1 },
      },
    );
    expect(await thrown(() => service.delaySession('nope', { minutes: 10 }, staff))).toMatchObject({ status: 404 });
    expect(await thrown(() => service.delaySession('lunch', { minutes: 0 }, staff))).toMatchObject({
      status: 400,
      field: 'minutes',
    });
    expect(service.revision()).toBe(0);
  });
});
