/**
 * Schema migrations, tracked by SQLite's `PRAGMA user_version` (PostgreSQL: the schema_version
 * table): migration i brings a database from version i to i + 1. Append new migrations; never edit one that has shipped, since
 * existing data directories have already run it.
 */
import type { Database } from 'better-sqlite3';
import { FEEDS_TABLE } from '../../interchange/feeds/feed-records.ts';
import { newScheduleId } from './schedule-id.ts';
import { IDEMPOTENCY_TABLE } from './idempotency-keys.ts';

/**
 * One schema change, written for both databases side by side: the SQLite step and its PostgreSQL
 * twin (plain SQL, run in the migration's transaction by platform/postgres/database.ts). A new
 * `ALTER TABLE … ADD COLUMN` gets its twin in the same entry, so the two schemas never drift.
 */
interface Migration {
  sqlite: (db: Database) => void;
  postgres: string;
}

/**
 * A migration that only adds columns, the same SQL for both databases: `addColumns('displays
 * language TEXT')` is `ALTER TABLE displays ADD COLUMN language TEXT` on each.
 */
function addColumns(...columns: string[]): Migration {
  const statements = columns.map((column) => {
    const [table, ...definition] = column.split(' ');
    return `ALTER TABLE ${table} ADD COLUMN ${definition.join(' ')}`;
  });
  return {
    sqlite: (db) => statements.forEach((statement) => db.exec(statement)),
    postgres: statements.map((statement) => `${statement};`).join('\n'),
  };
}

/** A migration whose SQL both databases understand as written. */
function sameForBoth(sql: string): Migration {
  return { sqlite: (db) => db.exec(sql), postgres: `${sql};` };
}

const migrations: Migration[] = [
  // 1: the live schedule and its journal.
  {
    sqlite: (db) => {
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
    postgres: `
    CREATE TABLE meta (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      revision INTEGER NOT NULL,
      timezone TEXT NOT NULL
    );
    CREATE TABLE venues (
      seq INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      kind TEXT NOT NULL
    );
    CREATE TABLE sessions (
      seq INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      doc TEXT NOT NULL
    );
    CREATE TABLE announcements (
      seq INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
    `,
  },
  // 2: the display fleet (store/display-records.ts). Whether a display is connected is not kept:
  // after a start every display is offline until it reconnects.
  {
    sqlite: (db) => {
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
    postgres: `
    CREATE TABLE displays (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      view TEXT NOT NULL CHECK (view IN ('room', 'lobby')),
      venue_id TEXT,
      token_hash TEXT,
      managed INTEGER NOT NULL DEFAULT 0,
      last_seen TEXT NOT NULL,
      revision INTEGER NOT NULL DEFAULT 0,
      user_agent TEXT,
      screen_width INTEGER,
      screen_height INTEGER,
      orientation TEXT,
      clock_skew_ms INTEGER
    );
    `,
  },
  // 3: the schedule's identity (Schedule.scheduleId). A directory seeded before this migration
  // gets its id now; an empty one gets it when it is seeded.
  {
    sqlite: (db) => {
      db.exec('ALTER TABLE meta ADD COLUMN schedule_id TEXT');
      db.prepare('UPDATE meta SET schedule_id = ? WHERE id = 1').run(newScheduleId());
    },
    postgres: `
    ALTER TABLE meta ADD COLUMN schedule_id TEXT;
    `,
  },
  // 4: named staff accounts (server/staff/), the logout list (was revoked-sessions.json beside the
  // database), and the display name of the person behind each journal entry. Entries written
  // before keep their actor ("staff") and no display name.
  {
    sqlite: (db) => {
      db.exec(`
        CREATE TABLE accounts (
          username TEXT PRIMARY KEY,
          display_name TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
          emergency INTEGER NOT NULL DEFAULT 0,
          -- JSON scrypt record (salt, cost, hash); NULL for an account that signs in only by SSO.
          password TEXT,
          must_change_password INTEGER NOT NULL DEFAULT 0,
          disabled INTEGER NOT NULL DEFAULT 0,
          -- Raised whenever the account's sessions must end (disabled, new role, new password).
          session_epoch INTEGER NOT NULL DEFAULT 0,
          -- The OpenID subject (issuer + sub) of an account made or linked by single sign-on.
          sso_subject TEXT UNIQUE,
          created_at TEXT NOT NULL,
          last_login_at TEXT
        );
        CREATE TABLE revoked_sessions (
          sid TEXT PRIMARY KEY,
          expires_at INTEGER NOT NULL
        );
        -- Account changes made by the users CLI (another process, which must not write the journal
        -- under a running server): the server turns them into journal entries and deletes them.
        CREATE TABLE account_audit (
          id INTEGER PRIMARY KEY,
          actor TEXT NOT NULL,
          actor_name TEXT NOT NULL,
          operation TEXT NOT NULL,
          summary TEXT NOT NULL
        );
        ALTER TABLE journal ADD COLUMN actor_name TEXT;
      `);
    },
    postgres: `
    CREATE TABLE accounts (
      username TEXT PRIMARY KEY,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
      emergency INTEGER NOT NULL DEFAULT 0,
      password TEXT,
      must_change_password INTEGER NOT NULL DEFAULT 0,
      disabled INTEGER NOT NULL DEFAULT 0,
      session_epoch INTEGER NOT NULL DEFAULT 0,
      sso_subject TEXT UNIQUE,
      created_at TEXT NOT NULL,
      last_login_at TEXT
    );
    CREATE TABLE revoked_sessions (
      sid TEXT PRIMARY KEY,
      expires_at DOUBLE PRECISION NOT NULL
    );
    CREATE TABLE account_audit (
      id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      actor TEXT NOT NULL,
      actor_name TEXT NOT NULL,
      operation TEXT NOT NULL,
      summary TEXT NOT NULL
    );
    ALTER TABLE journal ADD COLUMN actor_name TEXT;
    `,
  },
  // 5: prepared emergency messages (store/emergency-templates.ts), so a takeover needs no typing.
  // Seeded with the three every venue needs; staff edit their wording.
  {
    sqlite: (db) => {
      db.exec(`
        CREATE TABLE emergency_templates (
          id TEXT PRIMARY KEY,
          seq INTEGER NOT NULL,
          label TEXT NOT NULL,
          text TEXT NOT NULL
        );
      `);
      const insert = db.prepare('INSERT INTO emergency_templates (id, seq, label, text) VALUES (?, ?, ?, ?)');
      insert.run(
        'evacuation',
        1,
        'Evacuation',
        'EVACUATE THE BUILDING NOW. Leave by the nearest exit. Do not use the lifts.',
      );
      insert.run(
        'shelter',
        2,
        'Shelter in place',
        'SHELTER IN PLACE. Stay inside, away from windows, and follow staff instructions.',
      );
      insert.run('all-clear', 3, 'All clear', 'ALL CLEAR. The emergency is over; sessions resume shortly.');
    },
    postgres: `
    CREATE TABLE emergency_templates (
      id TEXT PRIMARY KEY,
      seq INTEGER NOT NULL,
      label TEXT NOT NULL,
      text TEXT NOT NULL
    );
    INSERT INTO emergency_templates (id, seq, label, text) VALUES
      ('evacuation', 1, 'Evacuation', 'EVACUATE THE BUILDING NOW. Leave by the nearest exit. Do not use the lifts.'),
      ('shelter', 2, 'Shelter in place', 'SHELTER IN PLACE. Stay inside, away from windows, and follow staff instructions.'),
      ('all-clear', 3, 'All clear', 'ALL CLEAR. The emergency is over; sessions resume shortly.');
    `,
  },
  // 6: where a venue is (Venue.building, floor, directions), all optional, for the screens' directions.
  addColumns('venues building TEXT', 'venues floor TEXT', 'venues directions TEXT'),
  // 7: Idempotency-Key answers (idempotency-keys.ts), claimed in the transaction of the change.
  {
    sqlite: (db) => {
      db.exec(IDEMPOTENCY_TABLE);
    },
    postgres: `
    CREATE TABLE idempotency_keys (
      key TEXT PRIMARY KEY,
      request TEXT NOT NULL,
      -- Epoch ms; a double holds them exactly and node-postgres reads it as a number.
      created_at DOUBLE PRECISION NOT NULL,
      revision INTEGER,
      status INTEGER,
      body TEXT
    );
    CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
    `,
  },
  // 8: screens staff have touched (renamed, assigned, paired) are never evicted by the fleet cap.
  {
    sqlite: (db) => {
      db.exec('ALTER TABLE displays ADD COLUMN staff_touched INTEGER NOT NULL DEFAULT 0');
      db.exec('UPDATE displays SET staff_touched = managed');
    },
    postgres: `
    ALTER TABLE displays ADD COLUMN staff_touched INTEGER NOT NULL DEFAULT 0;
    `,
  },
  // 9: live feeds (server/interchange/feeds/): their URL, validators, health, and what each said last.
  {
    sqlite: (db) => {
      db.exec(FEEDS_TABLE);
      // The conference a seeded file named (Schedule.conference), as JSON; NULL when none.
      db.exec('ALTER TABLE meta ADD COLUMN conference TEXT');
    },
    postgres: `
    CREATE TABLE feeds (
      id TEXT PRIMARY KEY,
      -- The order feeds were added in (SQLite's rowid).
      seq INTEGER GENERATED ALWAYS AS IDENTITY,
      url TEXT NOT NULL UNIQUE,
      etag TEXT,
      last_modified TEXT,
      last_sync_at TEXT,
      last_error TEXT,
      failing_since TEXT,
      synced TEXT NOT NULL DEFAULT '{}',
      kept TEXT NOT NULL DEFAULT '[]'
    );
    ALTER TABLE meta ADD COLUMN conference TEXT;
    `,
  },
  // 10: display settings staff choose in the panel (Schedule.settings, e.g. the title style), as JSON.
  addColumns('meta settings TEXT'),
  // 11: a screen's own directions to rooms, set in the panel's screen editor (JSON venue id → text).
  addColumns('displays directions TEXT'),
  // 12: the language staff chose for a screen (shared/languages.ts), NULL for none (English).
  addColumns('displays language TEXT'),
  // 13: the panel language each staff member chose (shared/languages.ts code); NULL = the browser's.
  addColumns('accounts language TEXT'),
  // 14: a bilingual screen's second language, alternating with `language` every rotation_seconds
  // (NULL: one language; NULL seconds: the default, shared/language-rotation.ts).
  addColumns('displays rotation_language TEXT', 'displays rotation_seconds INTEGER'),
  // 15: a journal entry's sentence as parameters (shared/journal-params.ts, JSON), so the panel words
  // it in its reader's language; NULL for entries written before (their English summary is shown).
  // Emergency templates' wording in the other languages staff edited (JSON language → { label, text });
  // NULL = the built-in wording (server/schedule/emergency-wording.ts).
  addColumns('journal params TEXT', 'emergency_templates translations TEXT'),
  // 16: the emergency message in the other languages staff gave (Emergency.translations, JSON
  // language → { text }); NULL = only its own text.
  addColumns('emergency translations TEXT'),
  // 17: the key staff sessions are signed with (was the data directory's session-secret file), in
  // the database so every node of a cluster signs and verifies with the one the first node made
  // (server/staff/account-store.ts). Hex; one row.
  sameForBoth('CREATE TABLE session_keys (id INTEGER PRIMARY KEY CHECK (id = 1), secret TEXT NOT NULL)'),
  // 18: why a feed's last sync failed as a code and its params (shared/feeds.ts, params as JSON), for
  // the panel to word; last_error keeps the English. Rows from before have NULL: the English is all.
  addColumns('feeds last_error_code TEXT', 'feeds last_error_params TEXT'),
];

/** Runs the migrations the database has not run yet, all in one transaction. */
export function migrate(db: Database, target: number = migrations.length): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `the data directory was written by a newer version (schema ${current}, this one knows ${migrations.length})`,
    );
  }
  // `target` lets tests build a data directory of an older version (e.g. before accounts).
  const pending = migrations.slice(current, Math.max(current, target));
  if (pending.length === 0) return;
  // All in one transaction: a crash or a failing step leaves the schema as it was, never half
  // upgraded, and a new data directory commits (and syncs to disk) once instead of once a step.
  db.transaction(() => {
    for (const migration of pending) migration.sqlite(db);
    // PRAGMA takes no bound parameters; the value is our own integer.
    db.pragma(`user_version = ${current + pending.length}`);
  })();
}

export const SCHEMA_VERSION = migrations.length;

/** The PostgreSQL twins, in order (platform/postgres/database.ts runs them). */
export const POSTGRES_MIGRATIONS: readonly string[] = migrations.map((migration) => migration.postgres);
