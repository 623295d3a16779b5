/**
 * The PostgreSQL connection of a node (--database postgres://…): one pool for the stores, the
 * schema migrated once by whichever node starts first (others wait on an advisory lock), and a
 * helper for transactions. Every state a node shares with the others lives here.
 */
import pg from 'pg';
import { POSTGRES_MIGRATIONS } from '../../schedule/store/migrations.ts';

export type PostgresPool = pg.Pool;
export type PostgresClient = pg.PoolClient;

/** Advisory-lock keys of this program (any two distinct 64-bit numbers will do). */
export const MIGRATION_LOCK = 7_318_001;
export const LEADER_LOCK = 7_318_002;

/** Opens the pool and brings the schema up to date; throws with PostgreSQL's own reason. */
export async function openPostgres(url: string): Promise<PostgresPool> {
  const pool = new pg.Pool({ connectionString: url, max: 10, application_name: 'venue-signage' });
  // An idle connection the server drops (restart, failover) must not crash the node.
  pool.on('error', () => undefined);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}

export async function migratePostgres(pool: PostgresPool, target = POSTGRES_MIGRATIONS.length): Promise<void> {
  await inTransaction(pool, async (client) => {
    // Two nodes starting at once on an empty database: the second waits, then finds it done.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = (await client.query<{ version: number }>('SELECT version FROM schema_version')).rows[0];
    const current = row?.version ?? 0;
    if (!row) await client.query('INSERT INTO schema_version (version) VALUES (0)');
    if (current > POSTGRES_MIGRATIONS.length) {
      throw new Error(
        `the database was written by a newer version (schema ${current}, this one knows ${POSTGRES_MIGRATIONS.length})`,
      );
    }
    for (const sql of POSTGRES_MIGRATIONS.slice(current, Math.max(current, target))) await client.query(sql);
    await client.query('UPDATE schema_version SET version = $1', [Math.max(current, target)]);
  });
}

/** Runs `work` in one transaction on one pooled connection; rolls back when it throws. */
export async function inTransaction<T>(
  pool: PostgresPool,
  work: (client: PostgresClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** PostgreSQL's code for a unique violation (an Idempotency-Key claimed twice, a second seed). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}
