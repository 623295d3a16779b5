import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyDelta } from '../../shared/apply.ts';
import type { Schedule } from '../../shared/model.ts';
import { openScheduleService } from '../../server/schedule/service.ts';
import { openSqliteStore } from '../../server/schedule/store/sqlite-store.ts';
import type { ChangeResult, ScheduleService } from '../../server/schedule/service-types.ts';
import { openService, programme, removeDir, staff, tempDataDir, testClock } from './domain-fixture.ts';
import { sessionOf } from '../support/session-of.ts';

let dir: string;
let service: ScheduleService;

beforeEach(() => {
  dir = tempDataDir();
  service = openService(dir);
});
afterEach(() => {
  service.close();
  removeDir(dir);
});

/** A handful of changes of every kind, leaving one of them undone. */
function makeChanges(): void {
  service.updateSession('lunch', { venueId: 'M7' }, staff);
  service.delaySession('opening', { minutes: 30, shiftFollowing: true }, staff);
  const created = service.createSession(
    { title: 'Pop-up', venueId: 'ONLINE', start: '2024-10-14T16:00', end: '2024-10-14T17:00' },
    staff,
  );
  service.createAnnouncement({ text: 'Welcome', venueIds: ['lobby'], expiresInMinutes: 600 }, staff);
  service.setEmergency('Test alarm', staff);
  service.updateSession('cyber', { status: 'cancelled' }, staff);
  service.undo(created.revision, staff);
}

describe('seeding', () => {
  it('starts from the programme at revision 0 with an empty journal', () => {
    const schedule = service.schedule();
    expect(schedule).toMatchObject({ revision: 0, timezone: 'Europe/Vienna', announcements: [], emergency: null });
    expect(schedule.sessions).toEqual(programme().sessions);
    expect(schedule.venues).toEqual(programme().venues);
    expect(service.journalSince(0)).toEqual([]);
    expect(service.deltasSince(0)).toEqual([]);
  });

  it('gives each seeded schedule its own random id, kept across restarts', () => {
    const id = service.schedule().scheduleId;
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    service.updateSession('lunch', { title: 'Changed' }, staff);
    expect(service.schedule().scheduleId).toBe(id);
    service.close();
    service = openService(dir);
    expect(service.schedule().scheduleId).toBe(id);

    // Same programme, fresh directory (a wiped demo): another schedule, whatever its revisions.
    const other = tempDataDir();
    const wiped = openService(other);
    expect(wiped.schedule().scheduleId).not.toBe(id);
    wiped.close();
    removeDir(other);
  });

  it('does not call the seed again once the store holds a schedule', () => {
    service.close();
    service = openScheduleService({
      dataDir: dir,
      seed: () => {
        throw new Error('seed must not be called');
      },
      now: () => 0,
    });
    expect(service.schedule().sessions).toHaveLength(programme().sessions.length);
  });

  it('refuses a seed whose sessions name unknown venues', () => {
    const other = tempDataDir();
    const broken = programme();
    broken.sessions[0]!.venueId = 'NOWHERE';
    expect(() => openScheduleService({ dataDir: other, seed: () => broken, now: () => 0 })).toThrow(
      /unknown venue NOWHERE/,
    );
    removeDir(other);
  });
});

describe('revisions and journal', () => {
  it('increments the revision by exactly one per change and journals each', () => {
    makeChanges();
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

  it('gives deltas that rebuild the live schedule from the seed, as screens do', () => {
    const seed = service.schedule();
    makeChanges();
    const deltas = service.deltasSince(0)!;
    expect(deltas.map((d) => d.revision)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(deltas.reduce(applyDelta, seed)).toEqual(service.schedule());
    expect(service.deltasSince(5)!.map((d) => d.revision)).toEqual([6, 7]);
    expect(service.deltasSince(7)).toEqual([]);
    expect(service.deltasSince(8)).toBeNull();
    expect(service.deltasSince(-1)).toBeNull();
  });

  it('gives no deltas beyond a limit, reading at most that many journal entries', () => {
    service.close();
    const store = openSqliteStore(dir);
    const asked: number[] = [];
    const counting = {
      ...store,
      deltasSince: (revision: number, limit: number) => (asked.push(limit), store.deltasSince(revision, limit)),
    };
    service = openScheduleService({ dataDir: dir, store: counting, seed: programme, now: () => 0 });
    makeChanges();
    expect(service.deltasSince(0, 3)).toBeNull();
    expect(asked).toEqual([]);
    expect(service.deltasSince(4, 3)!.map((d) => d.revision)).toEqual([5, 6, 7]);
    expect(asked).toEqual([3]);
  });

  it('notifies listeners after each commit, in order, and survives a failing listener', () => {
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
      service.updateSession('lunch', { title: 'A' }, staff);
      service.updateSession('lunch', { title: 'B' }, staff);
      stop();
      service.updateSession('lunch', { title: 'C' }, staff);
    } finally {
      console.error = originalError;
    }
    expect(seen).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(sessionOf(service, 'lunch')!.title).toBe('C');
  });

  it('delivers changes in revision order even when a listener makes a change', () => {
    const first: number[] = [];
    const second: number[] = [];
    service.onChange((change: ChangeResult<unknown>) => {
      first.push(change.revision);
      if (change.revision === 1) service.setEmergency('Follow-up', staff);
    });
    service.onChange((change) => second.push(change.revision));
    service.updateSession('lunch', { title: 'A' }, staff);
    expect(first).toEqual([1, 2]);
    expect(second).toEqual([1, 2]);
  });
});

describe('durability', () => {
  it('restores exactly the same schedule, revision and journal after a restart', () => {
    makeChanges();
    const before: Schedule = service.schedule();
    const journal = service.journalSince(0);
    service.close();
    service = openService(dir, testClock('2024-10-14T18:00:00+02:00'));
    expect(service.schedule()).toEqual(before);
    expect(service.journalSince(0)).toEqual(journal);
    expect(service.updateSession('lunch', { title: 'After restart' }, staff).revision).toBe(8);
  });

  it('leaves memory and disk unchanged when the commit fails, and carries on afterwards', () => {
    const before = service.schedule();
    // A second connection makes the journal insert fail inside the service's transaction,
    // after the session row has been written: the whole transaction must roll back.
    const saboteur = new Database(path.join(dir, 'signage.db'));
    saboteur.exec(`CREATE TRIGGER no_journal BEFORE INSERT ON journal BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    expect(() => service.updateSession('lunch', { venueId: 'M7' }, staff)).toThrow(/disk trouble/);
    expect(service.schedule()).toBe(before);
    expect(service.revision()).toBe(0);
    saboteur.exec('DROP TRIGGER no_journal');
    saboteur.close();

    service.close();
    service = openService(dir);
    expect(service.schedule()).toEqual(before);
    const retry = service.updateSession('lunch', { venueId: 'M7' }, staff);
    expect(retry.revision).toBe(1);
    expect(retry.value.version).toBe(2);
  });

  it('refuses to work after close', () => {
    service.close();
    expect(() => service.updateSession('lunch', { title: 'x' }, staff)).toThrow(/closed/);
  });
});
