/**
 * The embedded store: one SQLite file, <dataDir>/signage.db, through better-sqlite3.
 * WAL keeps readers off the writer's back; synchronous = FULL makes each commit durable before it
 * returns, which is what lets the service acknowledge a change as "never lost".
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Schedule } from '../../../shared/model.ts';
import type { Delta, DeltaOp } from '../../../shared/protocol.ts';
import { openEmergencyTemplates } from './emergency-templates.ts';
import { migrate } from './migrations.ts';
import { openIdempotencyKeys } from './idempotency-keys.ts';
import { openFeedRecords } from '../../interchange/feeds/feed-records.ts';
import { emergencyRow, entryFromRow, readSchedule, type JournalRow } from './rows.ts';
import { newScheduleId } from './schedule-id.ts';
import {
  RevisionTakenError,
  type ScheduleStore,
  type StoredChange,
  type StoredJournalEntry,
} from './store-interface.ts';

export const DATABASE_FILE = 'signage.db';

/** The database holds meeting passcodes and staff names: only the server's user may read it. */
const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/** Opens (creating when missing) the database file with the settings every connection needs. */
export function openDatabase(file: string): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR });
  // Made private before SQLite opens it: SQLite gives the -wal and -shm files the database's mode.
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE));
  // Files an older version left readable (created under the default umask) are tightened too.
  for (const existing of [file, `${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(existing)) fs.chmodSync(existing, PRIVATE_FILE);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // A second process (a backup, a CLI) may hold the lock briefly; wait rather than fail.
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * An existing database that is empty, damaged or has lost its meta row is refused, never seeded
 * over: re-seeding would silently replace a venue's edited schedule with the bundled programme.
 */
function refuseEmptyDatabase(file: string): void {
  const size = fs.statSync(file, { throwIfNoEntry: false })?.size;
  const walSize = fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  if (size === 0 && walSize === 0) {
    throw new Error(
      `${file} is empty (zero bytes); restore it from a backup, or delete it to start from the programme`,
    );
  }
}

function refuseHeadlessDatabase(db: Database.Database, file: string): void {
  const meta = db.prepare('SELECT 1 FROM meta WHERE id = 1').get();
  if (meta) return;
  const holdsData = db
    .prepare('SELECT (SELECT count(*) FROM venues) + (SELECT count(*) FROM journal) AS rows')
    .get() as {
    rows: number;
  };
  if (holdsData.rows > 0) {
    throw new Error(`${file} holds a schedule but its meta row is missing (damaged); restore it from a backup`);
  }
}

function damaged(file: string, error: unknown): Error {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new Error(`${file} is not a readable signage database (damaged); restore it from a backup`);
  }
  return error as Error;
}

export type SignageDatabase = Database.Database;

/**
 * The data directory's database, migrated and checked. The composition root opens it once and
 * hands it to each store that keeps its rows there (schedule, fleet records).
 */
export function openSignageDatabase(dataDir: string): SignageDatabase {
  const file = path.join(dataDir, DATABASE_FILE);
  refuseEmptyDatabase(file);
  let db: Database.Database;
  try {
    db = openDatabase(file);
  } catch (error) {
    throw damaged(file, error);
  }
  try {
    migrate(db);
    refuseHeadlessDatabase(db, file);
  } catch (error) {
    db.close();
    throw damaged(file, error);
  }
  return db;
}

/** The schedule's store on a database from openSignageDatabase (or the data directory's own). */
export function openSqliteStore(source: string | Database.Database): ScheduleStore {
  const db = typeof source === 'string' ? openSignageDatabase(source) : source;
  const statements = {
    revision: db.prepare<[], { revision: number }>('SELECT revision FROM meta WHERE id = 1'),
    setRevision: db.prepare('UPDATE meta SET revision = ? WHERE id = 1'),
    insertMeta: db.prepare('INSERT INTO meta (id, revision, timezone, schedule_id, conference) VALUES (1, ?, ?, ?, ?)'),
    upsertVenue: db.prepare(
      `INSERT INTO venues (id, name, kind, building, floor, directions)
       VALUES (@id, @name, @kind, @building, @floor, @directions)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
         building = excluded.building, floor = excluded.floor, directions = excluded.directions`,
    ),
    upsertSession: db.prepare(
      'INSERT INTO sessions (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc',
    ),
    deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
    upsertAnnouncement: db.prepare(
      'INSERT INTO announcements (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc',
    ),
    deleteAnnouncement: db.prepare('DELETE FROM announcements WHERE id = ?'),
    setEmergency: db.prepare(
      `INSERT INTO emergency (id, text, since, translations) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET text = excluded.text, since = excluded.since, translations = excluded.translations`,
    ),
    clearEmergency: db.prepare('DELETE FROM emergency'),
    setConference: db.prepare('UPDATE meta SET conference = ? WHERE id = 1'),
    setSettings: db.prepare('UPDATE meta SET settings = ? WHERE id = 1'),
    insertEntry: db.prepare(
      `INSERT INTO journal (revision, at, actor, actor_name, operation, summary, params, session_id, delta, inverse, undoes)
       VALUES (@revision, @at, @actor, @actorName, @operation, @summary, @params, @sessionId, @delta, @inverse, @undoes)`,
    ),
    markUndone: db.prepare('UPDATE journal SET undone_by = ? WHERE revision = ? AND undone_by IS NULL'),
    entry: db.prepare<[number], JournalRow>('SELECT * FROM journal WHERE revision = ?'),
    journalSince: db.prepare<[number, number], JournalRow>(
      'SELECT * FROM journal WHERE revision > ? ORDER BY revision LIMIT ?',
    ),
    deltasSince: db.prepare<[number, number], { delta: string }>(
      'SELECT delta FROM journal WHERE revision > ? ORDER BY revision LIMIT ?',
    ),
  };

  const idempotency = openIdempotencyKeys(db);

  function writeOp(op: DeltaOp): void {
    switch (op.type) {
      case 'session':
        statements.upsertSession.run(op.session.id, JSON.stringify(op.session));
        return;
      case 'session-removed':
        statements.deleteSession.run(op.id);
        return;
      case 'venue':
        statements.upsertVenue.run({ building: null, floor: null, directions: null, ...op.venue });
        return;
      case 'announcement':
        statements.upsertAnnouncement.run(op.announcement.id, JSON.stringify(op.announcement));
        return;
      case 'announcement-removed':
        statements.deleteAnnouncement.run(op.id);
        return;
      case 'emergency':
        if (op.emergency) statements.setEmergency.run(...emergencyRow(op.emergency));
        else statements.clearEmergency.run();
        return;
      case 'conference':
        statements.setConference.run(op.conference ? JSON.stringify(op.conference) : null);
        return;
      case 'settings':
        statements.setSettings.run(JSON.stringify(op.settings));
        return;
    }
  }

  const seed = db.transaction((schedule: Schedule) => {
    if (statements.revision.get()) throw new Error('the store already holds a schedule');
    statements.insertMeta.run(
      schedule.revision,
      schedule.timezone,
      schedule.scheduleId ?? newScheduleId(),
      schedule.conference ? JSON.stringify(schedule.conference) : null,
    );
    schedule.venues.forEach((venue) => writeOp({ type: 'venue', venue }));
    schedule.sessions.forEach((session) => writeOp({ type: 'session', session }));
    schedule.announcements.forEach((announcement) => writeOp({ type: 'announcement', announcement }));
    writeOp({ type: 'emergency', emergency: schedule.emergency });
    if (schedule.settings) writeOp({ type: 'settings', settings: schedule.settings });
  });

  const commit = db.transaction(({ delta, entry, inverse, idempotency: claim }: StoredChange) => {
    const stored = statements.revision.get()?.revision;
    // Guards against a second writer on the same file: revisions must stay a gapless sequence.
    if (stored === undefined || delta.revision !== stored + 1 || entry.revision !== delta.revision) {
      throw new RevisionTakenError(delta.revision, stored);
    }
    delta.ops.forEach(writeOp);
    statements.insertEntry.run({
      revision: entry.revision,
      at: entry.at,
      actor: entry.actor,
      actorName: entry.actorName ?? null,
      operation: entry.operation,
      summary: entry.summary,
      params: entry.params === undefined ? null : JSON.stringify(entry.params),
      sessionId: entry.sessionId ?? null,
      delta: JSON.stringify(delta),
      inverse: JSON.stringify(inverse),
      undoes: entry.undoes ?? null,
    });
    if (entry.undoes !== undefined) {
      const marked = statements.markUndone.run(entry.revision, entry.undoes);
      if (marked.changes !== 1) throw new Error(`revision ${entry.undoes} cannot be marked as undone`);
    }
    statements.setRevision.run(delta.revision);
    if (claim) idempotency.claim(claim, delta.revision);
  });

  let closed = false;
  // better-sqlite3 is synchronous: each promise settles with the work already durable on disk.
  return {
    load: async () => readSchedule(db),
    seed: async (schedule) => seed.immediate(schedule),
    // IMMEDIATE takes the write lock up front, so the revision check cannot race another writer.
    commit: async (change) => commit.immediate(change),
    async entry(revision): Promise<StoredJournalEntry | undefined> {
      const row = statements.entry.get(revision);
      return row && entryFromRow(row);
    },
    async journalSince(revision, limit = -1) {
      // LIMIT -1 means no limit in SQLite.
      return statements.journalSince.all(revision, limit).map(entryFromRow);
    },
    async deltasSince(revision, limit) {
      return statements.deltasSince.all(revision, limit).map((row) => JSON.parse(row.delta) as Delta);
    },
    emergencyTemplates: openEmergencyTemplates(db),
    idempotency,
    feeds: openFeedRecords(db),
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
