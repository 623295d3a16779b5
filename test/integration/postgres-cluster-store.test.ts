/**
 * Two schedule services on one PostgreSQL database, as two nodes of a cluster see it: one linear
 * revision history, each learning the other's changes in order, a stale write refused naming the
 * colleague's change, and one leader at a time for the work that must happen once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Programme } from '../../shared/model.ts';
import { openScheduleService } from '../../server/schedule/service.ts';
import type { ChangeResult, ScheduleService } from '../../server/schedule/service-types.ts';
import { openPostgres, type PostgresPool } from '../../server/platform/postgres/database.ts';
import { openPostgresStore } from '../../server/schedule/store/postgres-store.ts';
import { electLeader } from '../../server/platform/postgres/leader.ts';
import { ServerClock } from '../../server/platform/server-clock.ts';
import { startExpiryTimer } from '../../server/schedule/expiry-timer.ts';
import { silentLogger } from '../../server/platform/logger.ts';
import type { Leadership } from '../../server/platform/leadership.ts';
import { postgresTests } from '../support/postgres.ts';
import { programme } from '../unit/domain-fixture.ts';

const postgres = postgresTests();

interface Node {
  service: ScheduleService;
  pool: PostgresPool;
  leadership: Leadership;
  changes: ChangeResult<unknown>[];
  close(): Promise<void>;
}

const now = () => Date.parse('2024-10-14T09:00:00+02:00');

async function startNode(url: string, seed: () => Programme = programme, retryMs = 100): Promise<Node> {
  const pool = await openPostgres(url);
  const leadership = electLeader(url, retryMs);
  const service = await openScheduleService({
    dataDir: '/nonexistent',
    store: openPostgresStore(pool, url),
    leadership,
    seed,
    now,
  });
  const changes: ChangeResult<unknown>[] = [];
  service.onChange((change) => changes.push(change));
  let closed = false;
  return {
    service,
    pool,
    leadership,
    changes,
    async close() {
      if (closed) return;
      closed = true;
      await service.close();
      await pool.end();
    },
  };
}

/** Resolves once the node has seen this revision (a change reaches it by NOTIFY or the gap fill). */
function reached(node: Node, revision: number): Promise<void> {
  if (node.service.revision() >= revision) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = node.service.onChange(() => {
      if (node.service.revision() < revision) return;
      stop();
      resolve();
    });
  });
}

function becomesLeader(leadership: Leadership): Promise<void> {
  if (leadership.isLeader()) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = leadership.onChange((leader) => {
      if (!leader) return;
      stop();
      resolve();
    });
  });
}

const alice = { name: 'alice' };
const bob = { name: 'bob' };

describe.skipIf(!postgres.available)('two nodes on one PostgreSQL database', () => {
  let url: string;
  let a: Node;
  let b: Node;

  beforeEach(async () => {
    url = await postgres.freshDatabase();
    // Both start on the empty database at once: one seeds, the other loads that seed.
    [a, b] = await Promise.all([startNode(url), startNode(url)]);
  });
  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('share one seed, whichever node seeded it', () => {
    expect(b.service.schedule()).toEqual(a.service.schedule());
    expect(a.service.revision()).toBe(0);
  });

  it('give concurrent commits R and R+1, never the same revision, and each learns the other', async () => {
    const [fromA, fromB] = await Promise.all([
      a.service.updateSession('lunch', { title: 'Lunch by A' }, alice),
      b.service.updateSession('firearms', { title: 'Firearms by B' }, bob),
    ]);
    expect([fromA.revision, fromB.revision].sort()).toEqual([1, 2]);
    await Promise.all([reached(a, 2), reached(b, 2)]);
    expect(b.service.schedule()).toEqual(a.service.schedule());
    // Each node told its listeners about both, in order, and which one was its own.
    expect(a.changes.map((change) => [change.revision, change.local])).toEqual(
      [1, 2].map((revision) => [revision, revision === fromA.revision]),
    );
    expect(b.changes.map((change) => change.revision)).toEqual([1, 2]);
    const journal = await a.service.readJournal(0);
    expect(journal.map((entry) => entry.revision)).toEqual([1, 2]);
  });

  it('refuse a stale write made on the other node with 409, naming the colleague', async () => {
    const first = await a.service.updateSession('lunch', { title: 'Renamed by Alice' }, alice);
    // B has not necessarily heard of it yet: the operation catches up before it decides.
    const stale = b.service.updateSession('lunch', { venueId: 'M7', expectedVersion: 1 }, bob);
    await expect(stale).rejects.toMatchObject({ status: 409, details: { reason: 'stale', changedBy: 'alice' } });
    expect(first.value.version).toBe(2);
    const fresh = await b.service.updateSession('lunch', { venueId: 'M7', expectedVersion: 2 }, bob);
    expect(fresh.revision).toBe(2);
  });

  it('keep both in-memory schedules equal after a burst of writes alternating between them', async () => {
    const writes = Array.from({ length: 40 }, (_, i) =>
      (i % 2 === 0 ? a : b).service.updateSession(i % 4 < 2 ? 'lunch' : 'cyber', { title: `Title ${i}` }, alice),
    );
    const results = await Promise.all(writes);
    const revisions = results.map((result) => result.revision).sort((x, y) => x - y);
    expect(revisions).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    await Promise.all([reached(a, 40), reached(b, 40)]);
    expect(b.service.schedule()).toEqual(a.service.schedule());
    expect(b.service.deltasSince(0)!.map((delta) => delta.revision)).toEqual(revisions);
  });

  it('let a late node catch up from the journal, and undo a change made on the other node', async () => {
    const created = await a.service.createSession(
      { title: 'Pop-up', venueId: 'ONLINE', start: '2024-10-14T16:00', end: '2024-10-14T17:00' },
      alice,
    );
    const c = await startNode(url);
    try {
      expect(c.service.schedule()).toEqual(a.service.schedule());
      const undo = await c.service.undo(created.revision, bob);
      await reached(a, undo.revision);
      expect(a.service.schedule().sessions.some((s) => s.title === 'Pop-up')).toBe(false);
      expect(a.service.journalSince(0)[0]).toMatchObject({ revision: 1, undoneBy: 2 });
    } finally {
      await c.close();
    }
  });

  it('elect one leader, and another when the leader dies', async () => {
    await Promise.race([becomesLeader(a.leadership), becomesLeader(b.leadership)]);
    const leader = a.leadership.isLeader() ? a : b;
    const follower = leader === a ? b : a;
    expect(follower.leadership.isLeader()).toBe(false);
    // The leader's connection goes away (its process died): the other takes over.
    await leader.close();
    await becomesLeader(follower.leadership);
    expect(follower.leadership.isLeader()).toBe(true);
  });

  it('expire an announcement once for the whole cluster', async () => {
    const clock = new ServerClock();
    clock.set({ time: now(), speed: 0 });
    const timers = [a, b].map((node) => startExpiryTimer(node.service, clock, silentLogger));
    try {
      await Promise.race([becomesLeader(a.leadership), becomesLeader(b.leadership)]);
      await a.service.createAnnouncement({ text: 'Short', expiresInMinutes: 1 }, alice);
      await reached(b, 1);
      clock.set({ time: now() + 2 * 60_000, speed: 0 });
      await Promise.all([reached(a, 2), reached(b, 2)]);
      expect(a.service.schedule().announcements).toEqual([]);
      // Give a second expiry every chance to happen: a further change would follow revision 2.
      const more = await b.service.updateSession('lunch', { title: 'After expiry' }, bob);
      expect(more.revision).toBe(3);
      const journal = await a.service.readJournal(0);
      expect(journal.filter((entry) => entry.operation === 'announcement.expire')).toHaveLength(1);
    } finally {
      timers.forEach((timer) => timer.stop());
    }
  });
});
