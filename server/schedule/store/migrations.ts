/**
 * Schema migrations, tracked by SQLite's `PRAGMA user_version`: migration i brings a database
 * from version i to i + 1. Append new migrations; never edit one that has shipped, since
 * existing data directories have already run it.
 */
import type { Database } from 'better-sqlite3';
import { FEEDS_TABLE } from '../../interchange/feeds/feed-records.ts';
import { newScheduleId } from './schedule-id.ts';

type Migration = (db: Database) => void;

const migrations: Migration[] = [
  // 1: the live schedule and its journal.
  (db) => {
    db.exec(`
      CREATE TABLE meta (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        revision INTEGER NOT NULL,
        timezone TEXT NOT NULL
      );
      -- seq keeps insertion order (the order applyDelta gives), so a reload is identical.
      CREATE TABLE venues (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL
      );
      CREATE TABLE sessions (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        doc TEXT NOT NULL
      );
      CREATE TABLE announcements (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        doc TEXT NOT NULL
      );
      CREATE TABLE emergency (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        text TEXT NOT NULL,
        since TEXT NOT NULL
      );
      CREATE TABLE journal (
        revision INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        operation TEXT NOT NULL,
        summary TEXT NOT NULL,
        session_id TEXT,
        delta TEXT NOT NULL,
        inverse TEXT NOT NULL,
        undone_by INTEGER,
        undoes INTEGER
      );
      CREATE INDEX journal_session ON journal (session_id);
    `);
  },
  // 2: the display fleet (store/display-records.ts). Whether a display is connected is not kept:
  // after a start every display is offline until it reconnects.
  (db) => {
    db.exec(`
      CREATE TABLE displays (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        view TEXT NOT NULL CHECK (view IN ('room', 'lobby')),
        venue_id TEXT,
        -- SHA-256 of the display's secret token; NULL until a display presents one.
        token_hash TEXT,
        -- 1 once staff chose the assignment (pairing, reassign): it then wins over the page's URL.
        managed INTEGER NOT NULL DEFAULT 0,
        last_seen TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 0,
        user_agent TEXT,
        screen_width INTEGER,
        screen_height INTEGER,
        orientation TEXT,
        clock_skew_ms INTEGER
      );
    `);
  },
  // 3: the schedule's identity (Schedule.scheduleId). A directory seeded before this migration
  // gets its id now; an empty one gets it when it is seeded.
  (db) => {
    db.exec('ALTER TABLE meta ADD COLUMN schedule_id TEXT');
    db.prepare('UPDATE meta SET schedule_id = ? WHERE id = 1').run(newScheduleId());
  },
  // 4: live feeds (server/interchange/feeds/): their URL, validators, health, and what each said last.
  (db) => {
    db.exec(FEEDS_TABLE);
    // The conference a seeded file named (Schedule.conference), as JSON; NULL when none.
    db.exec('ALTER TABLE meta ADD COLUMN conference TEXT');
  },
];

/** Runs the migrations the database has not run yet, each in its own transaction. */
export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `the data directory was written by a newer version (schema ${current}, this one knows ${migrations.length})`,
    );
  }
  migrations.slice(current).forEach((migration, index) => {
    db.transaction(() => {
      migration(db);
      // PRAGMA takes no bound parameters; the value is our own integer.
      db.pragma(`user_version = ${current + index + 1}`);
    })();
  });
}

export const SCHEMA_VERSION = migrations.length;
