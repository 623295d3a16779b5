import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScheduleService } from '../../server/schedule/service-types.ts';
import { openService, removeDir, staff, tempDataDir, testClock, thrown } from './domain-fixture.ts';

let dir: string;
let clock: { now: number };
let service: ScheduleService;

beforeEach(async () => {
  dir = tempDataDir();
  clock = testClock('2024-10-14T09:00:00+02:00');
  service = await openService(dir, clock);
});
afterEach(async () => {
  await service.close();
  removeDir(dir);
});

describe('announcements', () => {
  it('creates one for some venues and the lobby, defaulting to info', async () => {
    const result = await service.createAnnouncement(
      { text: 'Coffee in the M foyer', venueIds: ['CR3', 'lobby'] },
      staff,
    );
    expect(result.value).toEqual({
      id: expect.stringMatching(/^ann-[0-9a-z]{6}$/),
      text: 'Coffee in the M foyer',
      severity: 'info',
      venueIds: ['CR3', 'lobby'],
    });
    expect(result.entry).toMatchObject({
      operation: 'announcement.create',
      summary: 'Announcement: Coffee in the M foyer (CR3, lobby)',
    });
    expect(result.entry).not.toHaveProperty('sessionId');
    expect(service.schedule().announcements).toEqual([result.value]);
  });

  it('computes expiresAt from expiresInMinutes and accepts a venue-local expiresAt', async () => {
    const inMinutes = await service.createAnnouncement(
      { text: 'Doors close', severity: 'urgent', expiresInMinutes: 45 },
      staff,
    );
    expect(inMinutes.value.expiresAt).toBe('2024-10-14T09:45:00+02:00');
    expect(inMinutes.entry.summary).toBe('Urgent announcement: Doors close until 09:45');
    const local = await service.createAnnouncement({ text: 'Lunch', expiresAt: '2024-10-14T14:00' }, staff);
    expect(local.value.expiresAt).toBe('2024-10-14T14:00:00+02:00');
  });

  it('refuses unknown venues and expiry times that are not in the future', async () => {
    expect(await thrown(() => service.createAnnouncement({ text: 'x', venueIds: ['CR3', 'Z9'] }, staff))).toMatchObject(
      {
        status: 404,
        field: 'venueIds',
      },
    );
    expect(
      await thrown(() => service.createAnnouncement({ text: 'x', expiresAt: '2024-10-14T09:00' }, staff)),
    ).toMatchObject({
      status: 400,
      field: 'expiresAt',
    });
    expect(service.revision()).toBe(0);
  });

  it('deletes one, and 404s an unknown id', async () => {
    const { value } = await service.createAnnouncement({ text: 'Temporary' }, staff);
    const result = await service.deleteAnnouncement(value.id, staff);
    expect(result.entry.summary).toBe('Removed announcement: Temporary');
    expect(service.schedule().announcements).toEqual([]);
    expect(await thrown(() => service.deleteAnnouncement(value.id, staff))).toMatchObject({ status: 404 });
  });
});

describe('expiry', () => {
  it('removes every expired announcement as one system change and reports the next expiry', async () => {
    expect(service.nextExpiry()).toBeNull();
    expect(await service.expireAnnouncements()).toBeNull();
    const first = (await service.createAnnouncement({ text: 'First', expiresInMinutes: 10 }, staff)).value;
    const second = (await service.createAnnouncement({ text: 'Second', expiresInMinutes: 20 }, staff)).value;
    const lasting = (await service.createAnnouncement({ text: 'Lasting' }, staff)).value;
    const later = (await service.createAnnouncement({ text: 'Later', expiresInMinutes: 60 }, staff)).value;
    expect(service.nextExpiry()).toBe(Date.parse('2024-10-14T09:10:00+02:00'));

    clock.now = Date.parse('2024-10-14T09:20:00+02:00');
    const result = (await service.expireAnnouncements())!;
    expect(result.revision).toBe(5);
    expect(result.value).toEqual([first.id, second.id]);
    expect(result.entry).toMatchObject({
      actor: 'system',
      operation: 'announcement.expire',
      summary: '2 announcements expired: First; Second',
      at: '2024-10-14T09:20:00+02:00',
    });
    expect(service.schedule().announcements).toEqual([lasting, later]);
    expect(service.nextExpiry()).toBe(Date.parse('2024-10-14T10:00:00+02:00'));
    expect(await service.expireAnnouncements()).toBeNull();
    expect(service.revision()).toBe(5);
  });
});

describe('emergency message', () => {
  it('sets, replaces and clears the message', async () => {
    const on = await service.setEmergency('Evacuate the building', staff);
    expect(on.value).toEqual({ text: 'Evacuate the building', since: '2024-10-14T09:00:00+02:00' });
    expect(on.entry).toMatchObject({
      operation: 'emergency.set',
      summary: 'Emergency message on: Evacuate the building',
    });
    expect(service.schedule().emergency).toEqual(on.value);

    clock.now += 60_000;
    const changed = await service.setEmergency('Use the west exits', staff);
    expect(changed.entry.summary).toBe('Emergency message changed: Use the west exits');
    expect(changed.value.since).toBe('2024-10-14T09:01:00+02:00');

    const off = await service.clearEmergency(staff);
    expect(off.entry.summary).toBe('Emergency message off');
    expect(off.delta.ops).toEqual([{ type: 'emergency', emergency: null }]);
    expect(service.schedule().emergency).toBeNull();
  });

  it('stamps times in whole seconds, cutting the milliseconds off the clock', async () => {
    clock.now = Date.parse('2024-10-14T12:55:24.720+02:00');
    const on = await service.setEmergency('Evacuate the building', staff);
    expect(on.value.since).toBe('2024-10-14T12:55:24+02:00');
    expect(on.entry.at).toBe('2024-10-14T12:55:24+02:00');
    const timed = await service.createAnnouncement({ text: 'Doors close', expiresInMinutes: 5 }, staff);
    expect(timed.value.expiresAt).toBe('2024-10-14T13:00:24+02:00');
  });

  it('refuses an empty message and clearing when none is active', async () => {
    expect(await thrown(() => service.setEmergency('   ', staff))).toMatchObject({ status: 400, field: 'text' });
    const error = await thrown(() => service.clearEmergency(staff));
    expect(error).toMatchObject({ status: 409, message: 'no emergency message is active' });
  });
});
