/**
 * Where staff accounts, sign-outs and the session key live: the accounts and logout tables
 * (migration 4) and the session key (migration 16), in the schedule's database, so the server and
 * the `users` CLI (another process) share one source of truth, and with --database every node of
 * a cluster does. Asynchronous, like the schedule store, with two implementations written from
 * the same queries: the data directory's SQLite file (below) and PostgreSQL
 * (postgres-account-store.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { Role } from '../../shared/staff.ts';
import { PasswordRecordSchema, type PasswordRecord } from './password.ts';

export interface AccountRecord {
  username: string;
  displayName: string;
  role: Role;
  emergency: boolean;
  password: PasswordRecord | null;
  mustChangePassword: boolean;
  disabled: boolean;
  sessionEpoch: number;
  ssoSubject: string | null;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface QueuedAudit {
  id: number;
  actor: string;
  actor_name: string;
  operation: string;
  summary: string;
}

/** What a transaction may read and write; every check-then-write of accounts runs on one. */
export interface AccountWrites {
  get(username: string): Promise<AccountRecord | undefined>;
  bySubject(subject: string): Promise<AccountRecord | undefined>;
  list(): Promise<AccountRecord[]>;
  insert(account: AccountRecord): Promise<void>;
  update(account: AccountRecord): Promise<void>;
}

/** Every method resolves once its work is durable. */
export interface AccountStore extends AccountWrites {
  /** 'data-dir': the data directory's own file (its legacy files are migrated); 'shared': PostgreSQL. */
  readonly kind: 'data-dir' | 'shared';
  count(): Promise<number>;
  touchLogin(username: string, at: string): Promise<void>;
  /** The panel language the person chose, null when they never chose one (migration 13). */
  language(username: string): Promise<string | null>;
  setLanguage(username: string, language: string): Promise<void>;
  isRevoked(sid: string): Promise<boolean>;
  /** Records a sign-out (and forgets those already expired). */
  revoke(sid: string, expiresAt: number, now: number): Promise<void>;
  /** Sign-outs of the pre-accounts version (revoked-sessions.json), those still unexpired. */
  importRevoked(revoked: Record<string, number>, now: number): Promise<void>;
  queueAudit(actor: string, actorName: string, operation: string, summary: string): Promise<void>;
  /** Hands each queued CLI change to `record`, deleting it once recorded; never one twice. */
  drainAudit(record: (entry: QueuedAudit) => void | Promise<unknown>): Promise<void>;
  /**
   * Runs fn in one write transaction that no other account write interleaves with, in this
   * process or any other on the same database (e.g. check-then-insert of a new username, "keep an admin").
   */
  transaction<T>(fn: (tx: AccountWrites) => Promise<T>): Promise<T>;
  /**
   * The key staff sessions are signed with: the first caller's candidate is stored (race-safe:
   * insert unless present, then read back), every later caller, on any node, gets that one.
   */
  sessionKey(candidate: Buffer): Promise<Buffer>;
  /**
   * Calls back when another process (the CLI, another node) may have changed accounts or sign-outs;
   * `listening` resolves once changes from then on are sure to be noticed.
   */
  watch(onChanged: () => void): Watching;
  close(): Promise<void>;
}

export interface Watching {
  listening: Promise<void>;
  stop(): void;
}

/** A session key: 32 random bytes, hex in the database. */
export function newSessionKey(): Buffer {
  return randomBytes(32);
}

export const REVOKED_FILE_SCHEMA = z.record(z.string(), z.number());

interface AccountRow {
  username: string;
  display_name: string;
  role: Role;
  emergency: number;
  password: string | null;
  must_change_password: number;
  disabled: number;
  session_epoch: number;
  sso_subject: string | null;
  created_at: string;
  last_login_at: string | null;
}

function fromRow(row: AccountRow): AccountRecord {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    emergency: row.emergency === 1,
    password: row.password === null ? null : PasswordRecordSchema.parse(JSON.parse(row.password)),
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled === 1,
    sessionEpoch: row.session_epoch,
    ssoSubject: row.sso_subject,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

function accountParams(account: AccountRecord): unknown[] {
  return [
    account.username,
    account.displayName,
    account.role,
    account.emergency ? 1 : 0,
    account.password === null ? null : JSON.stringify(account.password),
    account.mustChangePassword ? 1 : 0,
    account.disabled ? 1 : 0,
    account.sessionEpoch,
    account.ssoSubject,
    account.createdAt,
  ];
}

/**
 * The statements both databases run, written once with PostgreSQL's numbered placeholders
 * ($1, $2 …); the SQLite store turns them into positional ones (sqlitePlaceholders).
 */
export const ACCOUNT_SQL = {
  get: 'SELECT * FROM accounts WHERE username = $1',
  // Usernames are unique without regard to case: "Ann" and "ann" are one person.
  getFolded: 'SELECT * FROM accounts WHERE lower(username) = lower($1)',
  bySubject: 'SELECT * FROM accounts WHERE sso_subject = $1',
  list: 'SELECT * FROM accounts ORDER BY username',
  count: 'SELECT count(*) AS n FROM accounts',
  insert: `INSERT INTO accounts (username, display_name, role, emergency, password, must_change_password, disabled,
             session_epoch, sso_subject, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
  update: `UPDATE accounts SET display_name = $2, role = $3, emergency = $4, password = $5, must_change_password = $6,
             disabled = $7, session_epoch = $8, sso_subject = $9 WHERE username = $1`,
  touchLogin: 'UPDATE accounts SET last_login_at = $2 WHERE username = $1',
  language: 'SELECT language FROM accounts WHERE username = $1',
  setLanguage: 'UPDATE accounts SET language = $2 WHERE username = $1',
  isRevoked: 'SELECT sid FROM revoked_sessions WHERE sid = $1',
  revoke: 'INSERT INTO revoked_sessions (sid, expires_at) VALUES ($1, $2) ON CONFLICT (sid) DO NOTHING',
  pruneRevoked: 'DELETE FROM revoked_sessions WHERE expires_at <= $1',
  queueAudit: 'INSERT INTO account_audit (actor, actor_name, operation, summary) VALUES ($1, $2, $3, $4)',
  dropAudit: 'DELETE FROM account_audit WHERE id = $1',
  offerKey: 'INSERT INTO session_keys (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING',
  readKey: 'SELECT secret FROM session_keys WHERE id = 1',
} as const;

/** How one database runs a statement: its rows, or (for a write) nothing. */
export interface Statements {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<void>;
}

/** The reads and writes of accounts on either database, through its statements. */
export function accountWrites(db: Statements): AccountWrites {
  const one = async (sql: string, params: unknown[]) => {
    const row = (await db.all<AccountRow>(sql, params))[0];
    return row && fromRow(row);
  };
  return {
    get: async (username) => (await one(ACCOUNT_SQL.get, [username])) ?? one(ACCOUNT_SQL.getFolded, [username]),
    bySubject: (subject) => one(ACCOUNT_SQL.bySubject, [subject]),
    list: async () => (await db.all<AccountRow>(ACCOUNT_SQL.list)).map(fromRow),
    insert: (account) => db.run(ACCOUNT_SQL.insert, accountParams(account)),
    update: (account) => db.run(ACCOUNT_SQL.update, accountParams(account).slice(0, 9)),
  };
}

/** The reads and single writes that need no transaction of their own, on either database. */
export function accountQueries(db: Statements) {
  return {
    ...accountWrites(db),
    count: async () => Number((await db.all<{ n: number | string }>(ACCOUNT_SQL.count))[0]!.n),
    touchLogin: (username: string, at: string) => db.run(ACCOUNT_SQL.touchLogin, [username, at]),
    language: async (username: string) =>
      (await db.all<{ language: string | null }>(ACCOUNT_SQL.language, [username]))[0]?.language ?? null,
    setLanguage: (username: string, language: string) => db.run(ACCOUNT_SQL.setLanguage, [username, language]),
    isRevoked: async (sid: string) => (await db.all(ACCOUNT_SQL.isRevoked, [sid])).length > 0,
  };
}

/** Stores the candidate unless a key is there already, and returns the one stored. */
export async function offerSessionKey(db: Statements, candidate: Buffer): Promise<Buffer> {
  await db.run(ACCOUNT_SQL.offerKey, [candidate.toString('hex')]);
  const [row] = await db.all<{ secret: string }>(ACCOUNT_SQL.readKey);
  return Buffer.from(row!.secret, 'hex');
}

/** `$1 … $n` → `?` with the parameters in the order they appear (SQLite binds positionally). */
export function sqlitePlaceholders(sql: string, params: readonly unknown[]): { sql: string; params: unknown[] } {
  const ordered: unknown[] = [];
  const text = sql.replace(/\$(\d+)/g, (_match, index: string) => {
    ordered.push(params[Number(index) - 1]);
    return '?';
  });
  return { sql: text, params: ordered };
}

/** How often the SQLite store looks for changes made by the CLI (another process). */
export const ACCOUNT_POLL_MS = 500;

/**
 * The data directory's accounts, on a connection of their own (so the server notices the CLI's
 * commits through data_version). One operation at a time: a transaction spans awaits, and no other
 * call may slip into it (and be rolled back with it).
 */
export function openSqliteAccountStore(db: Database): AccountStore {
  const prepared = new Map<string, Statement>();
  const prepare = (sql: string, params: readonly unknown[]) => {
    const converted = sqlitePlaceholders(sql, params);
    let statement = prepared.get(sql);
    if (!statement) prepared.set(sql, (statement = db.prepare(converted.sql)));
    return { statement, params: converted.params };
  };
  const statements: Statements = {
    all: async <T>(sql: string, params: unknown[] = []) => {
      const { statement, params: ordered } = prepare(sql, params);
      return statement.all(...ordered) as T[];
    },
    run: async (sql, params = []) => {
      const { statement, params: ordered } = prepare(sql, params);
      statement.run(...ordered);
    },
  };
  const queries = accountQueries(statements);
  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  }
  async function inTransaction<T>(work: () => Promise<T>): Promise<T> {
    // IMMEDIATE takes the write lock at once, so the CLI and the server never both check-then-write.
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
  const watchers = new Set<NodeJS.Timeout>();
  return {
    kind: 'data-dir',
    get: (username) => exclusive(() => queries.get(username)),
    bySubject: (subject) => exclusive(() => queries.bySubject(subject)),
    list: () => exclusive(() => queries.list()),
    insert: (account) => exclusive(() => queries.insert(account)),
    update: (account) => exclusive(() => queries.update(account)),
    count: () => exclusive(() => queries.count()),
    touchLogin: (username, at) => exclusive(() => queries.touchLogin(username, at)),
    language: (username) => exclusive(() => queries.language(username)),
    setLanguage: (username, language) => exclusive(() => queries.setLanguage(username, language)),
    isRevoked: (sid) => exclusive(() => queries.isRevoked(sid)),
    revoke: (sid, expiresAt, now) =>
      exclusive(() =>
        inTransaction(async () => {
          await statements.run(ACCOUNT_SQL.pruneRevoked, [now]);
          await statements.run(ACCOUNT_SQL.revoke, [sid, expiresAt]);
        }),
      ),
    importRevoked: (revoked, now) =>
      exclusive(() =>
        inTransaction(async () => {
          for (const [sid, exp] of Object.entries(revoked))
            if (exp > now) await statements.run(ACCOUNT_SQL.revoke, [sid, exp]);
        }),
      ),
    queueAudit: (actor, actorName, operation, summary) =>
      exclusive(() => statements.run(ACCOUNT_SQL.queueAudit, [actor, actorName, operation, summary])),
    async drainAudit(record) {
      const queued = await exclusive(() => statements.all<QueuedAudit>('SELECT * FROM account_audit ORDER BY id'));
      for (const entry of queued) {
        await record(entry);
        await exclusive(() => statements.run(ACCOUNT_SQL.dropAudit, [entry.id]));
      }
    },
    transaction: (fn) => exclusive(() => inTransaction(() => fn(queries))),
    sessionKey: (candidate) => exclusive(() => inTransaction(() => offerSessionKey(statements, candidate))),
    watch(onChanged) {
      let version = db.pragma('data_version', { simple: true }) as number;
      const poll = setInterval(() => {
        if (!db.open) return;
        const current = db.pragma('data_version', { simple: true }) as number;
        if (current === version) return;
        version = current;
        onChanged();
      }, ACCOUNT_POLL_MS);
      poll.unref();
      watchers.add(poll);
      return {
        listening: Promise.resolve(),
        stop() {
          clearInterval(poll);
          watchers.delete(poll);
        },
      };
    },
    async close() {
      for (const poll of watchers) clearInterval(poll);
      watchers.clear();
      await queue;
      if (db.open) db.close();
    },
  };
}
