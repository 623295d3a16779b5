import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Schedule, Session } from '../../shared/model.ts';
import type { JournalEntry } from '../../shared/protocol.ts';
import { SCHEMA_VERSION, migrate } from '../../server/schedule/store/migrations.ts';
import { openDatabase, openSqliteStore } from '../../server/schedule/store/sqlite-store.ts';
import type { ScheduleStore } from '../../server/schedule/store/store-interface.ts';

let dir: string;
let store: ScheduleStore;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signage-store-'));
  store = openSqliteStore(path.join(dir, 'data'));
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

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
  venues: [{ id: 'CR3', name: 'Conference Room 3', kind: 'room' }],
  sessions: [session('a', 'Alpha'), session('b', 'Beta')],
  announcements: [],
  emergency: null,
};

function entry(revision: number, extra: Partial<JournalEntry> = {}): JournalEntry {
  return { revision, at: '2024-10-14T09:00:00+02:00', actor: 'alice', operation: 'test', summary: 'Test', ...extra };
}

describe('sqlite store', () => {
  it('creates the database in the data directory with WAL, durable commits and the schema version', async () => {
    const db = openDatabase(path.join(dir, 'data', 'signage.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // 2 = FULL: each commit is synced to disk before it returns.
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('gives a data directory seeded before schedule ids one on upgrade', async () => {
    await store.seed(initial);
    await store.close();
    // The database as the schema before schedule ids left it.
    const db = new Database(path.join(dir, 'data', 'signage.db'));
    // Schema 2: before schedule ids (migration 3), accounts (4), emergency templates (5) and venue directions (6).
    db.exec(
      'DROP TABLE accounts; DROP TABLE revoked_sessions; DROP TABLE account_audit; ALTER TABLE journal DROP COLUMN actor_name',
    );
    db.exec('ALTER TABLE meta DROP COLUMN schedule_id; DROP TABLE emergency_templates');
    for (const column of ['building', 'floor', 'directions']) db.exec(`ALTER TABLE venues DROP COLUMN ${column}`);
    db.exec('DROP TABLE idempotency_keys; ALTER TABLE displays DROP COLUMN staff_touched');
    db.exec('DROP TABLE feeds; ALTER TABLE meta DROP COLUMN conference');
    // ...and the display settings (10), screens' own directions (11), their language (12) and rotation (14).
    db.exec('ALTER TABLE meta DROP COLUMN settings; ALTER TABLE displays DROP COLUMN directions');
    db.exec('ALTER TABLE displays DROP COLUMN language');
    db.exec('ALTER TABLE displays DROP COLUMN rotation_language; ALTER TABLE displays DROP COLUMN rotation_seconds');
    // ...and the journal's sentence parameters (15; the templates' translations went with their table).
    db.exec('ALTER TABLE journal DROP COLUMN params');
    // ...and the emergency message's translations (16).
    db.exec('ALTER TABLE emergency DROP COLUMN translations');
    // ...and the session key's table (17).
    db.exec('DROP TABLE session_keys');
    db.pragma('user_version = 2');
    db.close();
    store = openSqliteStore(path.join(dir, 'data'));
    const upgraded = (await store.load())!;
    expect(upgraded.scheduleId).toMatch(/^[0-9a-f]{16}$/);
    expect(upgraded.scheduleId).not.toBe(initial.scheduleId);
    expect({ ...upgraded, scheduleId: initial.scheduleId }).toEqual(initial);
  });

  it('keeps where a venue is (building, floor, directions) and leaves unset ones absent', async () => {
    const placed = {
      ...initial,
      venues: [
        {
          id: 'M7',
          name: 'M7',
          kind: 'room' as const,
          building: 'M-Building',
          floor: '1st floor',
          directions: '1st floor, turn left',
        },
        { id: 'X', name: 'X', kind: 'room' as const },
      ],
      sessions: [],
    };
    await store.seed(placed);
    await store.close();
    store = openSqliteStore(path.join(dir, 'data'));
    expect((await store.load())!.venues).toEqual(placed.venues);
  });

  it('reads no more deltas than asked for', async () => {
    await store.seed(initial);
    for (let revision = 1; revision <= 5; revision++) {
      await store.commit({
        delta: {
          revision,
          ops: [{ type: 'session', session: { ...session('a', `Alpha ${revision}`), version: revision + 1 } }],
        },
        entry: entry(revision),
        inverse: [],
      });
    }
    expect((await store.deltasSince(1, 2)).map((d) => d.revision)).toEqual([2, 3]);
    expect((await store.deltasSince(3, 100)).map((d) => d.revision)).toEqual([4, 5]);
    expect(await store.deltasSince(5, 100)).toEqual([]);
  });

  it('keeps the data directory and the database files private to the server user', async () => {
    await store.seed(initial);
    // A commit while open: the -wal and -shm files exist now.
    await store.commit({ delta: { revision: 1, ops: [] }, entry: entry(1), inverse: [] });
    const mode = (file: string) => fs.statSync(path.join(dir, 'data', file)).mode & 0o777;
    expect(mode('.')).toBe(0o700);
    for (const file of ['signage.db', 'signage.db-wal', 'signage.db-shm'])
      expect([file, mode(file)]).toEqual([file, 0o600]);
  });

  it('makes a database an older version left world-readable private', async () => {
    await store.close();
    const file = path.join(dir, 'data', 'signage.db');
    fs.chmodSync(file, 0o644);
    store = openSqliteStore(path.join(dir, 'data'));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a data directory written by a newer schema', async () => {
    await store.close();
    const db = new Database(path.join(dir, 'data', 'signage.db'));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openSqliteStore(path.join(dir, 'data'))).toThrow(/newer version/);
  });

  it('an upgrade that fails part way leaves the schema as it was (all steps are one transaction)', () => {
    const db = new Database(':memory:');
    migrate(db, 3);
    // A table step 17 creates is already there: that step fails, after steps 4-16 ran.
    db.exec('CREATE TABLE session_keys (id INTEGER PRIMARY KEY)');
    expect(() => migrate(db)).toThrow(/session_keys already exists/);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    // Step 4's accounts table went with the rest.
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'accounts'").get()).toBeUndefined();
    db.exec('DROP TABLE session_keys');
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('fails loudly on a damaged session row', async () => {
    await store.seed(initial);
    const db = new Database(path.join(dir, 'data', 'signage.db'));
    db.prepare('UPDATE sessions SET doc = \'{"id":"a"}\' WHERE id = \'a\'').run();
    db.close();
    await expect(store.load()).rejects.toThrow(/damaged database: sessions row a: kind: /);
  });
});
