/**
 * The accounts of a cluster (--database): the same tables and queries as the data directory's
 * store (account-store.ts), in the PostgreSQL every node shares, so an account made, changed or
 * signed out on one node is what every node reads at its next check. Account writes run under one
 * advisory lock (rare, and a check such as "keep an admin" must see the other node's write), and
 * each write NOTIFYs the other nodes so they recheck the staff channels they hold open.
 */
import type pg from 'pg';
import {
  ACCOUNT_SQL,
  accountQueries,
  offerSessionKey,
  type AccountStore,
  type QueuedAudit,
  type Statements,
} from './account-store.ts';
import { inTransaction, type PostgresPool } from '../platform/postgres/database.ts';
import { dedicatedConnection } from '../platform/postgres/dedicated-connection.ts';

/** The NOTIFY channel of account changes and sign-outs (no payload: listeners recheck what they hold). */
export const ACCOUNTS_CHANNEL = 'signage_accounts';
/** The advisory lock every account transaction takes (the other program locks are in database.ts). */
export const ACCOUNTS_LOCK = 7_318_003;
/** How soon a lost LISTEN connection is tried again. */
const LISTEN_RETRY_MS = 1_000;

function statementsOn(client: pg.Pool | pg.PoolClient): Statements {
  return {
    all: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
    run: async (sql, params = []) => void (await client.query(sql, params)),
  };
}

export function openPostgresAccountStore(pool: PostgresPool, url: string): AccountStore {
  const queries = accountQueries(statementsOn(pool));
  const watchers = new Set<() => Promise<void>>();

  /** One write transaction under the accounts lock, announced to the other nodes when it commits. */
  function write<T>(work: (db: Statements) => Promise<T>, announce = true): Promise<T> {
    return inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [ACCOUNTS_LOCK]);
      const result = await work(statementsOn(client));
      // Delivered to every listener when (and only if) the transaction commits.
      if (announce) await client.query('SELECT pg_notify($1, $2)', [ACCOUNTS_CHANNEL, '']);
      return result;
    });
  }

  return {
    kind: 'shared',
    get: queries.get,
    bySubject: queries.bySubject,
    list: queries.list,
    count: queries.count,
    language: queries.language,
    isRevoked: queries.isRevoked,
    insert: (account) => write((db) => accountQueries(db).insert(account)),
    update: (account) => write((db) => accountQueries(db).update(account)),
    // Neither ends a session nor changes a right: nobody needs telling.
    touchLogin: queries.touchLogin,
    setLanguage: queries.setLanguage,
    revoke: (sid, expiresAt, now) =>
      write(async (db) => {
        await db.run(ACCOUNT_SQL.pruneRevoked, [now]);
        await db.run(ACCOUNT_SQL.revoke, [sid, expiresAt]);
      }),
    importRevoked: (revoked, now) =>
      write(async (db) => {
        for (const [sid, exp] of Object.entries(revoked)) if (exp > now) await db.run(ACCOUNT_SQL.revoke, [sid, exp]);
      }),
    queueAudit: (actor, actorName, operation, summary) =>
      write((db) => db.run(ACCOUNT_SQL.queueAudit, [actor, actorName, operation, summary])),
    async drainAudit(record) {
      // Each entry is held (FOR UPDATE) while it is recorded and deleted in the same transaction:
      // two nodes draining at once take different entries, and none is journalled twice.
      for (;;) {
        const done = await inTransaction(pool, async (client) => {
          const [entry] = (
            await client.query<QueuedAudit>('SELECT * FROM account_audit ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED')
          ).rows;
          if (!entry) return true;
          await record(entry);
          await client.query(ACCOUNT_SQL.dropAudit, [entry.id]);
          return false;
        });
        if (done) return;
      }
    },
    transaction: (fn) => write((db) => fn(accountQueries(db))),
    sessionKey: (candidate) => write((db) => offerSessionKey(db, candidate), false),
    watch(onChanged) {
      let first = true;
      let listening!: () => void;
      const ready = new Promise<void>((resolve) => (listening = resolve));
      const connection = dedicatedConnection({
        url,
        retryMs: LISTEN_RETRY_MS,
        async onConnected(client) {
          client.on('notification', (message) => {
            if (message.channel === ACCOUNTS_CHANNEL) onChanged();
          });
          await client.query(`LISTEN ${ACCOUNTS_CHANNEL}`);
          listening();
          // Whatever changed while no one listened is rechecked now.
          if (!first) onChanged();
          first = false;
        },
        onLost: () => undefined,
      });
      const stop = () => connection.close();
      watchers.add(stop);
      return {
        listening: ready,
        stop() {
          watchers.delete(stop);
          void stop();
        },
      };
    },
    // The pool belongs to the composition root, which ends it after every store sharing it is done.
    async close() {
      await Promise.all([...watchers].map((stop) => stop()));
      watchers.clear();
    },
  };
}
