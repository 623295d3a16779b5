import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyDelta } from '../../shared/apply.ts';
import type { Schedule } from '../../shared/model.ts';
import { openScheduleService, RECENT_CHANGES } from '../../server/schedule/service.ts';
import { openSqliteStore } from '../../server/schedule/store/sqlite-store.ts';
import type { ChangeResult, ScheduleService } from '../../server/schedule/service-types.ts';
import { openService, programme, removeDir, staff, tempDataDir, testClock } from './domain-fixture.ts';
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

/** A handful of changes of every kind, leaving one of them undone. */
async function makeChanges(): Promise<void> {
  await service.updateSession('lunch', { venueId: 'M7' }, staff);
  await service.delaySession('opening', { minutes: 30, shiftFollowing: true }, staff);
  const created = await service.createSession(
    { title: 'Pop-up', venueId: 'ONLINE', start: '2024-10-14T16:00', end: '2024-10-14T17:00' },
    staff,
  );
  await service.createAnnouncement({ text: 'Welcome', venueIds: ['lobby'], expiresInMinutes: 600 }, staff);
  await service.setEmergency('Test alarm', staff);
  await service.updateSession('cyber', { status: 'cancelled' }, staff);
  await service.undo(created.revision, staff);
}

describe('seeding', () => {
  it('starts from the programme at revision 0 with an empty journal', async () => {
    const schedule = service.schedule();
    expect(schedule).toMatchObject({ revision: 0, timezone: 'Europe/Vienna', announcements: [], emergency: null });
    expect(schedule.sessions).toEqual(programme().sessions);
    expect(schedule.venues).toEqual(programme().venues);
    expect(service.journalSince(0)).toEqual([]);
    expect(service.deltasSince(0)).toEqual([]);
  });

  it('gives each seeded schedule its own random id, kept across restarts', async () => {
    const id = service.schedule().scheduleId;
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    await service.updateSession('lunch', { title: 'Changed' }, staff);
    expect(service.schedule().scheduleId).toBe(id);
    await service.close();
    service = await openService(dir);
    expect(service.schedule().scheduleId).toBe(id);

    // Same programme, fresh directory (a wiped demo): another schedule, whatever its revisions.
    const other = tempDataDir();
    const wiped = await openService(other);
    expect(wiped.schedule().scheduleId).not.toBe(id);
    await wiped.close();
    removeDir(other);
  });

  it('does not call the seed again once the store holds a schedule', async () => {
    await service.close();
    service = await openScheduleService({
      dataDir: dir,
      seed: () => {
        throw new Error('seed must not be called');
      },
      now: () => 0,
    });
    expect(service.schedule().sessions).toHaveLength(programme().sessions.length);
  });

  it('refuses a seed whose sessions name unknown venues', async () => {
    const other = tempDataDir();
    const broken = programme();
    broken.sessions[0]!.venueId = 'NOWHERE';
    await expect(openScheduleService({ dataDir: other, seed: () => broken, now: () => 0 })).rejects.toThrow(
      /unknown venue NOWHERE/,
    );
    removeDir(other);
  });
});

describe('revisions and journal', () => {
  it('increments the revision by exactly one per change and journals each', async () => {
    await makeChanges();
    const journal = service.journalSince(0);
    expect(journal.map((e) => e.revision)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(service.revision()).toBe(7);
    expect(journal.map((e) => e.operation)).toEqual([
      'session.move',
      'session.delay',
      'session.create',
      'announcement.create',
      'emergency.set',
      'session.cancel',
      'undo',
    ]);
    expect(journal[2]).toMatchObject({ undoneBy: 7 });
    expect(service.journalSince(4, 2).map((e) => e.revision)).toEqual([5, 6]);
    expect(journal[0]).not.toHaveProperty('delta');
  });

  it('gives deltas that rebuild the live schedule from the seed, as screens do', async () => {
    const seed = service.schedule();
    await makeChanges();
    const deltas = service.deltasSince(0)!;
    expect(deltas.map((d) => d.revision)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(deltas.reduce(applyDelta, seed)).toEqual(service.schedule());
    expect(service.deltasSince(5)!.map((d) => d.revision)).toEqual([6, 7]);
    expect(service.deltasSince(7)).toEqual([]);
    expect(service.deltasSince(8)).toBeNull();
    expect(service.deltasSince(-1)).toBeNull();
  });

  it('gives no deltas beyond a limit, and replays recent ones from memory without reading the store', async () => {
    await service.close();
    const store = openSqliteStore(dir);
    const asked: number[] = [];
    const counting = {
      ...store,
      deltasSince: (revision: number, limit: number) => (asked.push(limit), store.deltasSince(revision, limit)),
      journalSince: (revision: number, limit?: number) => (
        asked.push(limit ?? -1),
        store.journalSince(revision, limit)
      ),
    };
    service = await openScheduleService({ dataDir: dir, store: counting, seed: programme, now: () => 0 });
    asked.length = 0;
    await makeChanges();
    expect(service.deltasSince(0, 3)).toBeNull();
    expect(service.deltasSince(4, 3)!.map((d) => d.revision)).toEqual([5, 6, 7]);
    expect(service.journalSince(5).map((e) => e.revision)).toEqual([6, 7]);
    expect(asked).toEqual([]);
  });

  // 255 durable commits (one fsync each): about a second when idle, past vitest's 5 s default at
  // load 4-20. Fewer would not pass the in-memory limit, so it gets a budget that holds instead.
  it(
    'keeps only the last RECENT_CHANGES changes in memory; older ones come from the store',
    { timeout: 60_000 },
    async () => {
      for (let i = 0; i < RECENT_CHANGES + 5; i++) await service.updateSession('lunch', { title: `T${i}` }, staff);
      expect(service.deltasSince(0)).toBeNull();
      expect(service.deltasSince(5)).toHaveLength(RECENT_CHANGES);
      expect(service.journalSince(0)[0]!.revision).toBe(6);
      expect((await service.readJournal(0)).map((e) => e.revision)).toEqual(
        Array.from({ length: RECENT_CHANGES + 5 }, (_, i) => i + 1),
      );
    },
  );

  it('notifies listeners after each commit, in order, and survives a failing listener', async () => {
    const seen: [number, number][] = [];
    service.onChange(() => {
      throw new Error('listener bug');
    });
    const stop = service.onChange((change) => {
      // The live schedule already reflects the change when listeners hear of it.
      seen.push([change.revision, service.revision()]);
    });
    const originalError = console.error;
    console.error = () => {};
    try {
      await service.updateSession('lunch', { title: 'A' }, staff);
      await service.updateSession('lunch', { title: 'B' }, staff);
      stop();
      await service.updateSession('lunch', { title: 'C' }, staff);
    } finally {
      console.error = originalError;
    }
    expect(seen).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(sessionOf(service, 'lunch')!.title).toBe('C');
  });

  it('delivers changes in revision order even when a listener makes a change', async () => {
    const first: number[] = [];
    const second: number[] = [];
    let followUp: Promise<unknown> | undefined;
    service.onChange((change: ChangeResult<unknown>) => {
      first.push(change.revision);
      if (change.revision === 1) followUp = service.setEmergency('Follow-up', staff);
    });
    service.onChange((change) => second.push(change.revision));
    await service.updateSession('lunch', { title: 'A' }, staff);
    await followUp;
    expect(first).toEqual([1, 2]);
    expect(second).toEqual([1, 2]);
  });
});

describe('durability', () => {
  it('restores exactly the same schedule, revision and journal after a restart', async () => {
    await makeChanges();
    const before: Schedule = service.schedule();
    const journal = service.journalSince(0);
    await service.close();
    service = await openService(dir, testClock('2024-10-14T18:00:00+02:00'));
    expect(service.schedule()).toEqual(before);
    expect(service.journalSince(0)).toEqual(journal);
    expect((await service.updateSession('lunch', { title: 'After restart' }, staff)).revision).toBe(8);
  });

  it('leaves memory and disk unchanged when the commit fails, and carries on afterwards', async () => {
    const before = service.schedule();
    // A second connection makes the journal insert fail inside the service's transaction,
    // after the session row has been written: the whole transaction must roll back.
    const saboteur = new Database(path.join(dir, 'signage.db'));
    saboteur.exec(`CREATE TRIGGER no_journal BEFORE INSERT ON journal BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    await expect(service.updateSession('lunch', { venueId: 'M7' }, staff)).rejects.toThrow(/disk trouble/);
    expect(service.schedule()).toBe(before);
    expect(service.revision()).toBe(0);
    saboteur.exec('DROP TRIGGER no_journal');
    saboteur.close();

    await service.close();
    service = await openService(dir);
    expect(service.schedule()).toEqual(before);
    const retry = await service.updateSession('lunch', { venueId: 'M7' }, staff);
    expect(retry.revision).toBe(1);
    expect(retry.value.version).toBe(2);
  });

  it('refuses to work after close', async () => {
    await service.close();
    await expect(service.updateSession('lunch', { title: 'x' }, staff)).rejects.toThrow(/closed/);
  });
});
