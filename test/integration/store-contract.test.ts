/**
 * The store contract: one suite, run against both stores (the embedded SQLite file and
 * PostgreSQL), so the service can rely on the same behaviour whichever a node is started with.
 * The PostgreSQL half needs a PostgreSQL installation (test/support/postgres.ts); without one it
 * is skipped with one line saying so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Schedule, Session } from '../../shared/model.ts';
import type { JournalEntry } from '../../shared/protocol.ts';
import { openSignageDatabase, openSqliteStore } from '../../server/schedule/store/sqlite-store.ts';
import { openPostgresStore } from '../../server/schedule/store/postgres-store.ts';
import { openPostgres } from '../../server/platform/postgres/database.ts';
import {
  openDisplayRecords,
  openPostgresDisplayRecords,
  type DisplayRecord,
  type DisplayRecordStore,
} from '../../server/fleet/display-records.ts';
import { RevisionTakenError, type ScheduleStore } from '../../server/schedule/store/store-interface.ts';
import { postgresTests } from '../support/postgres.ts';

/** One open store and the fleet records beside it; reopen() is a node restart on the same data. */
interface Opened {
  store: ScheduleStore;
  displays: DisplayRecordStore;
  close(): Promise<void>;
}
interface StoreKind {
  name: string;
  available: boolean;
  /** A fresh, empty place to keep data (a data directory, a database). */
  create(): Promise<string>;
  open(where: string): Promise<Opened>;
  remove(where: string): void;
}

const postgres = postgresTests();

const kinds: StoreKind[] = [
  {
    name: 'sqlite',
    available: true,
    create: async () => fs.mkdtempSync(path.join(os.tmpdir(), 'signage-contract-')),
    async open(dir) {
      const db = openSignageDatabase(dir);
      return {
        store: openSqliteStore(db),
        displays: openDisplayRecords(db),
        close: async () => void db.close(),
      };
    },
    remove: (dir) => fs.rmSync(dir, { recursive: true, force: true }),
  },
  {
    name: 'postgres',
    available: postgres.available,
    create: () => postgres.freshDatabase(),
    async open(url) {
      const pool = await openPostgres(url);
      const displays = await openPostgresDisplayRecords(pool);
      const store = openPostgresStore(pool, url);
      return {
        store,
        displays,
        async close() {
          await displays.drain();
          await store.close();
          await pool.end();
        },
      };
    },
    remove: () => undefined,
  },
];

function session(id: string, title: string): Session {
  const start = '2024-10-14T10:00:00+02:00';
  const end = '2024-10-14T11:00:00+02:00';
  return {
    id,
    kind: 'other',
    title,
    start,
    end,
    venueId: 'CR3',
    organizers: { lead: '', partners: [] },
    status: 'scheduled',
    planned: { start, end, venueId: 'CR3' },
    version: 1,
  };
}

const initial: Schedule = {
  revision: 0,
  scheduleId: 'store-test',
  timezone: 'Europe/Vienna',
  venues: [{ id: 'CR3', name: 'Conference Room 3', kind: 'room', floor: 'C 2' }],
  sessions: [session('a', 'Alpha'), session('b', 'Beta')],
  announcements: [{ id: 'welcome', text: 'Welcome', severity: 'info' }],
  emergency: null,
  conference: { title: 'CrimeCOP12' },
  settings: { titleStyle: 'title-case' },
};

function entry(revision: number, extra: Partial<JournalEntry> = {}): JournalEntry {
  return { revision, at: '2024-10-14T09:00:00+02:00', actor: 'alice', operation: 'test', summary: 'Test', ...extra };
}

const rename = (revision: number, title: string) => ({
  delta: { revision, ops: [{ type: 'session' as const, session: { ...session('a', title), version: revision + 1 } }] },
  entry: entry(revision, { sessionId: 'a' }),
  inverse: [{ type: 'session' as const, session: session('a', 'Alpha') }],
});

/** How many connections to this database wait for a lock another transaction holds. */
async function waitingOnLocks(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ waiting: number }>(
      "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    return rows[0]!.waiting;
  } finally {
    await client.end();
  }
}

describe.each(kinds)('the $name store', (kind) => {
  let where: string;
  let opened: Opened;
  let store: ScheduleStore;

  beforeEach(async () => {
    if (!kind.available) return;
    where = await kind.create();
    opened = await kind.open(where);
    store = opened.store;
  });
  afterEach(async () => {
    if (!kind.available) return;
    await opened.close();
    kind.remove(where);
  });

  async function reopen(): Promise<void> {
    await opened.close();
    opened = await kind.open(where);
    store = opened.store;
  }

  it.skipIf(!kind.available)(
    'loads nothing before the seed, the seed afterwards, and refuses a second seed',
    async () => {
      expect(await store.load()).toBeNull();
      await store.seed(initial);
      expect(await store.load()).toEqual(initial);
      await expect(store.seed(initial)).rejects.toThrow(/already holds a schedule/);
      await reopen();
      expect(await store.load()).toEqual(initial);
    },
  );

  it.skipIf(!kind.available)('gives a schedule seeded without an id a random one, kept across reopening', async () => {
    const { scheduleId: _none, ...unlabelled } = initial;
    await store.seed(unlabelled);
    const id = (await store.load())!.scheduleId;
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    await reopen();
    expect((await store.load())!.scheduleId).toBe(id);
  });

  it.skipIf(!kind.available)('commits state, journal and revision together and keeps insertion order', async () => {
    await store.seed(initial);
    await store.commit({
      delta: {
        revision: 1,
        ops: [
          { type: 'session', session: { ...session('a', 'Alpha two'), version: 2 } },
          { type: 'session', session: session('c', 'Gamma') },
          { type: 'venue', venue: { id: 'M7', name: 'Room M7', kind: 'room' } },
          { type: 'announcement-removed', id: 'welcome' },
        ],
      },
      entry: entry(1, { sessionId: 'a', actorName: 'Alice A.' }),
      inverse: [{ type: 'session-removed', id: 'c' }],
    });
    await store.commit({
      delta: {
        revision: 2,
        ops: [
          {
            type: 'emergency',
            emergency: { text: 'Go', translations: { fr: { text: 'Partez' } }, since: '2024-10-14T09:05:00+02:00' },
          },
          { type: 'session-removed', id: 'b' },
          { type: 'settings', settings: { titleStyle: 'as-written' } },
        ],
      },
      entry: entry(2, { undoes: 1 }),
      inverse: [{ type: 'emergency', emergency: null }],
    });
    await reopen();
    const loaded = (await store.load())!;
    expect(loaded.revision).toBe(2);
    expect(loaded.sessions.map((s) => s.title)).toEqual(['Alpha two', 'Gamma']);
    expect(loaded.venues.map((v) => v.id)).toEqual(['CR3', 'M7']);
    expect(loaded.announcements).toEqual([]);
    // Its translations too (migration 16's column), so a restart keeps every screen's language.
    expect(loaded.emergency).toEqual({
      text: 'Go',
      translations: { fr: { text: 'Partez' } },
      since: '2024-10-14T09:05:00+02:00',
    });
    expect(loaded.settings).toEqual({ titleStyle: 'as-written' });
    expect(await store.entry(1)).toMatchObject({ revision: 1, sessionId: 'a', actorName: 'Alice A.', undoneBy: 2 });
    expect((await store.entry(1))!.inverse).toEqual([{ type: 'session-removed', id: 'c' }]);
    expect(await store.entry(3)).toBeUndefined();
    expect((await store.journalSince(0)).map((e) => e.revision)).toEqual([1, 2]);
    expect((await store.journalSince(0, 1)).map((e) => e.revision)).toEqual([1]);
    expect((await store.journalSince(1)).map((e) => e.revision)).toEqual([2]);
    expect((await store.deltasSince(0, 5)).map((d) => d.revision)).toEqual([1, 2]);
    expect((await store.deltasSince(1, 5))[0]!.ops[0]).toMatchObject({ type: 'emergency' });
    expect(await store.deltasSince(2, 5)).toEqual([]);
  });

  it.skipIf(!kind.available)('refuses a revision that does not follow the stored one, writing nothing', async () => {
    await store.seed(initial);
    await store.commit(rename(1, 'One'));
    // Another writer took revision 1 first: a second commit of revision 1 is told so.
    const taken = store.commit(rename(1, 'Also one'));
    await expect(taken).rejects.toBeInstanceOf(RevisionTakenError);
    await expect(store.commit(rename(3, 'Three'))).rejects.toThrow(/does not follow the stored revision 1/);
    expect((await store.load())!.sessions[0]!.title).toBe('One');
    expect((await store.journalSince(0)).map((e) => e.revision)).toEqual([1]);
  });

  it.skipIf(!kind.available)('rolls the whole change back when marking the undone entry fails', async () => {
    await store.seed(initial);
    await expect(store.commit({ ...rename(1, 'Changed'), entry: entry(1, { undoes: 99 }) })).rejects.toThrow(
      /cannot be marked as undone/,
    );
    expect(await store.load()).toEqual(initial);
  });

  it.skipIf(!kind.available)(
    'claims an Idempotency-Key in the change, replays its answer, and refuses a second claim',
    async () => {
      await store.seed(initial);
      const keys = store.idempotency!;
      const claim = { key: 'k1', request: 'PATCH /api/sessions/a', at: 1_000_000 };
      await store.commit({ ...rename(1, 'Once'), idempotency: claim });
      expect(await keys.find('k1', 1_000_500)).toEqual({ request: claim.request, at: claim.at, revision: 1 });
      await keys.answer(claim, 200, { revision: 1 });
      await reopen();
      expect(await store.idempotency!.find('k1', 1_000_500)).toMatchObject({ status: 200, body: { revision: 1 } });
      // The same key again rolls the second change back.
      await expect(store.commit({ ...rename(2, 'Twice'), idempotency: claim })).rejects.toThrow();
      expect((await store.load())!.revision).toBe(1);
      // A day later the key is forgotten.
      expect(await store.idempotency!.find('k1', 1_000_000 + 25 * 60 * 60 * 1000)).toBeUndefined();
      expect(await store.idempotency!.find('unknown', 1_000_500)).toBeUndefined();
    },
  );

  it.skipIf(!kind.available)('keeps the prepared emergency messages, editable per language', async () => {
    const templates = store.emergencyTemplates!;
    expect((await templates.list()).map((t) => t.id)).toEqual(['evacuation', 'shelter', 'all-clear', 'suspended']);
    expect(await templates.update('shelter', { label: 'Stay in', text: 'Stay inside.' })).toBe(true);
    expect(await templates.update('shelter', { label: 'Abri', text: 'Restez à l’intérieur.', language: 'fr' })).toBe(
      true,
    );
    // A built-in template the database has no row for yet is stored on its first edit.
    expect(await templates.update('suspended', { label: 'تعليق', text: 'عُلِّقت الجلسات.', language: 'ar' })).toBe(true);
    expect(await templates.update('nope', { label: 'x', text: 'y' })).toBe(false);
    await reopen();
    const [, shelter, , suspended] = await store.emergencyTemplates!.list();
    expect(shelter).toMatchObject({ id: 'shelter', label: 'Stay in', text: 'Stay inside.' });
    expect(shelter!.wording.en).toEqual({ label: 'Stay in', text: 'Stay inside.' });
    expect(shelter!.wording.fr).toEqual({ label: 'Abri', text: 'Restez à l’intérieur.' });
    expect(suspended!.wording.ar).toEqual({ label: 'تعليق', text: 'عُلِّقت الجلسات.' });
    expect(suspended!.label).toBe('Meetings suspended');
  });

  it.skipIf(!kind.available)('keeps the live feeds in the order they were added', async () => {
    const feeds = store.feeds!;
    const record = (id: string) => ({
      id,
      url: `https://example.org/${id}.ics`,
      etag: null,
      lastModified: null,
      lastSyncAt: null,
      lastError: null,
      lastErrorCode: null,
      lastErrorParams: {},
      failingSince: null,
      synced: {},
      kept: [],
    });
    await feeds.put(record('z'));
    await feeds.put(record('a'));
    await feeds.put({
      ...record('z'),
      etag: '"v2"',
      synced: { s1: { title: 'T', start: 's', end: 'e', venueId: 'CR3', status: 'scheduled' } },
    });
    // A failure keeps its English, its code and the code's params (what the panel words).
    await feeds.put({
      ...record('a'),
      lastError: 'HTTP 500 Internal Server Error',
      lastErrorCode: 'feed.http-status',
      lastErrorParams: { status: 500 },
      failingSince: '2024-10-14T13:00:00+02:00',
    });
    await reopen();
    const all = await store.feeds!.all();
    expect(all.map((f) => f.id)).toEqual(['z', 'a']);
    expect(all[0]).toMatchObject({ etag: '"v2"', synced: { s1: { title: 'T' } }, lastErrorCode: null });
    expect(all[0]!.lastErrorParams).toEqual({});
    expect(all[1]).toMatchObject({
      lastError: 'HTTP 500 Internal Server Error',
      lastErrorCode: 'feed.http-status',
      lastErrorParams: { status: 500 },
    });
    expect(await store.feeds!.remove('a')).toBe(true);
    expect(await store.feeds!.remove('a')).toBe(false);
    expect((await store.feeds!.all()).map((f) => f.id)).toEqual(['z']);
  });

  it.skipIf(!kind.available)('keeps the screen fleet across a restart, replacing and removing records', async () => {
    const screen: DisplayRecord = {
      id: 'd1',
      name: 'Door CR3',
      view: 'room',
      venueId: 'CR3',
      tokenHash: 'ab'.repeat(32),
      managed: true,
      touched: true,
      lastSeen: Date.parse('2024-10-14T08:00:00Z'),
      revision: 4,
      screen: { width: 1080, height: 1920, orientation: 'portrait' },
      clockSkewMs: 12,
      directions: { M7: 'Up the stairs' },
      language: 'fr',
    };
    await opened.displays.save([screen, { ...screen, id: 'd2', name: 'Lobby', view: 'lobby', venueId: undefined }]);
    await opened.displays.save([{ ...screen, revision: 5 }]);
    await opened.displays.remove(['d2']);
    await reopen();
    expect(opened.displays.load()).toEqual([
      {
        ...screen,
        revision: 5,
        userAgent: undefined,
      },
    ]);
  });

  it.skipIf(!kind.available)('saves more screens than one statement takes all or none', async () => {
    const screen = (index: number): DisplayRecord => ({
      id: `bulk-${index}`,
      name: `Screen ${index}`,
      view: 'lobby',
      managed: false,
      lastSeen: 0,
      revision: 0,
    });
    const many = Array.from({ length: 1_500 }, (_, index) => screen(index));
    // The last one breaks the table's CHECK on view: the database refuses it, after a thousand others.
    const broken = { ...screen(1_500), view: 'nowhere' as DisplayRecord['view'] };
    await expect(opened.displays.save([...many, broken])).rejects.toThrow();
    await reopen();
    expect(opened.displays.load().filter((record) => record.id.startsWith('bulk-'))).toEqual([]);
  });
});

// A store several processes write decides each change under its write lock (PostgreSQL only).
const shared = kinds.find((kind) => kind.name === 'postgres')!;
describe.skipIf(!shared.available)('the postgres store, written by two processes at once', () => {
  let where: string;
  let opened: Opened;
  let store: ScheduleStore;
  let other: Opened;

  beforeEach(async () => {
    where = await shared.create();
    opened = await shared.open(where);
    store = opened.store;
    other = await shared.open(where);
  });
  afterEach(async () => {
    await other.close();
    await opened.close();
  });

  it('queues a second writer behind the lock: it decides on the revision the first one left, and never retries', async () => {
    await store.seed(initial);
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstDeciding!: () => void;
    const firstHasLock = new Promise<void>((resolve) => (firstDeciding = resolve));
    const decided: Array<[string, number]> = [];
    const first = store.commitLocked!(async (stored) => {
      decided.push(['first', stored]);
      firstDeciding();
      await firstHolds;
      return rename(stored + 1, 'First');
    });
    await firstHasLock;
    const second = other.store.commitLocked!(async (stored) => {
      decided.push(['second', stored]);
      return rename(stored + 1, 'Second');
    });
    // The second writer waits in the database (on the meta row's lock) while the first holds it.
    await vi.waitFor(async () => expect(await waitingOnLocks(where)).toBe(1), { timeout: 5_000 });
    releaseFirst();
    await expect(first).resolves.toMatchObject({ delta: { revision: 1 } });
    await expect(second).resolves.toMatchObject({ delta: { revision: 2 } });
    expect(decided).toEqual([
      ['first', 0],
      ['second', 1],
    ]);
    expect((await store.journalSince(0)).map((e) => [e.revision, e.delta.ops[0]])).toEqual([
      [1, expect.objectContaining({ session: expect.objectContaining({ title: 'First' }) })],
      [2, expect.objectContaining({ session: expect.objectContaining({ title: 'Second' }) })],
    ]);

    // Deciding on nothing, or failing to decide, writes nothing and lets the next writer in.
    await expect(store.commitLocked!(async () => null)).resolves.toBeNull();
    await expect(
      store.commitLocked!(async () => {
        throw new Error('refused by the rules');
      }),
    ).rejects.toThrow('refused by the rules');
    await expect(other.store.commitLocked!(async (stored) => rename(stored + 1, 'Third'))).resolves.toMatchObject({
      delta: { revision: 3 },
    });
    expect((await store.load())!.revision).toBe(3);
  });
});
