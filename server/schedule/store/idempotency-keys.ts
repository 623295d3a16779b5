/**
 * The answers to writes sent with an Idempotency-Key (table `idempotency_keys`, migration 4). A
 * schedule change claims its key inside the change's own transaction (sqlite-store.ts), so a
 * change whose answer was cut by a crash is still known as done when the client retries; the
 * answer itself is added once it has been sent.
 */
import type { Database } from 'better-sqlite3';
import type { PostgresClient, PostgresPool } from '../../platform/postgres/database.ts';

/** Keys are kept this long; a retry later than that is a new request. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface IdempotencyClaim {
  key: string;
  /** "METHOD /path": a key reused for another request is refused, not replayed. */
  request: string;
  /** Epoch ms (real time). */
  at: number;
}

export interface StoredAnswer {
  request: string;
  at: number;
  /** The revision the write committed, when it changed the schedule. */
  revision?: number | undefined;
  /** Undefined when the change committed but its answer was never sent (a crash in between). */
  status?: number | undefined;
  body?: unknown;
}

export interface IdempotencyStore {
  find(key: string, now: number): Promise<StoredAnswer | undefined>;
  /** Records the answer sent for this key (after the change, if any, claimed it). */
  answer(claim: IdempotencyClaim, status: number, body: unknown): Promise<void>;
}

interface KeyRow {
  request: string;
  created_at: number;
  revision: number | null;
  status: number | null;
  body: string | null;
}

export const IDEMPOTENCY_TABLE = `
  CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    request TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revision INTEGER,
    status INTEGER,
    body TEXT
  );
  CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
`;

/** The stored answer of a key row, or undefined once the key is older than the window. */
function answerOf(row: KeyRow, now: number): StoredAnswer | undefined {
  if (row.created_at < now - IDEMPOTENCY_WINDOW_MS) return undefined;
  return {
    request: row.request,
    at: row.created_at,
    revision: row.revision ?? undefined,
    status: row.status ?? undefined,
    body: row.body === null ? undefined : (JSON.parse(row.body) as unknown),
  };
}

export function openIdempotencyKeys(
  db: Database,
): IdempotencyStore & { claim(claim: IdempotencyClaim, revision: number): void } {
  const statements = {
    find: db.prepare<[string], KeyRow>(
      'SELECT request, created_at, revision, status, body FROM idempotency_keys WHERE key = ?',
    ),
    claim: db.prepare('INSERT INTO idempotency_keys (key, request, created_at, revision) VALUES (?, ?, ?, ?)'),
    answer: db.prepare(
      `INSERT INTO idempotency_keys (key, request, created_at, status, body) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET status = excluded.status, body = excluded.body`,
    ),
    purge: db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?'),
  };
  let lastPurge = 0;
  return {
    /** Inside the change's transaction: throws (rolling the change back) when the key is taken. */
    claim(claim, revision) {
      statements.claim.run(claim.key, claim.request, claim.at, revision);
    },
    async find(key, now) {
      // Expired keys go in one sweep now and then, not one by one.
      if (now - lastPurge > 60_000) {
        lastPurge = now;
        statements.purge.run(now - IDEMPOTENCY_WINDOW_MS);
      }
      const row = statements.find.get(key);
      return row && answerOf(row, now);
    },
    async answer(claim, status, body) {
      statements.answer.run(
        claim.key,
        claim.request,
        claim.at,
        status,
        body === undefined ? null : JSON.stringify(body),
      );
    },
  };
}

/** The same answers in PostgreSQL; the claim joins the commit's transaction (postgres-store.ts). */
export function openPostgresIdempotencyKeys(
  pool: PostgresPool,
): IdempotencyStore & { claim(client: PostgresClient, claim: IdempotencyClaim, revision: number): Promise<void> } {
  let lastPurge = 0;
  return {
    async claim(client, claim, revision) {
      await client.query('INSERT INTO idempotency_keys (key, request, created_at, revision) VALUES ($1, $2, $3, $4)', [
        claim.key,
        claim.request,
        claim.at,
        revision,
      ]);
    },
    async find(key, now) {
      if (now - lastPurge > 60_000) {
        lastPurge = now;
        await pool.query('DELETE FROM idempotency_keys WHERE created_at < $1', [now - IDEMPOTENCY_WINDOW_MS]);
      }
      const row = (
        await pool.query<KeyRow>(
          'SELECT request, created_at, revision, status, body FROM idempotency_keys WHERE key = $1',
          [key],
        )
      ).rows[0];
      return row && answerOf(row, now);
    },
    async answer(claim, status, body) {
      await pool.query(
        `INSERT INTO idempotency_keys (key, request, created_at, status, body) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (key) DO UPDATE SET status = excluded.status, body = excluded.body`,
        [claim.key, claim.request, claim.at, status, body === undefined ? null : JSON.stringify(body)],
      );
    },
  };
}
