/**
 * The live feeds, kept in the schedule's database (table `feeds`, migration 9; the failure's code
 * and params since migration 18) so they survive a restart with their validators (ETag,
 * Last-Modified), their health and what each last said about the sessions it owns.
 */
import type { Database } from 'better-sqlite3';
import type { FeedFailureCode, KeptEdit, SyncedValues } from '../../../shared/feeds.ts';
import type { PostgresPool } from '../../platform/postgres/database.ts';

export interface FeedRecord {
  id: string;
  url: string;
  etag: string | null;
  lastModified: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
  /** The failure as a code (shared/feeds.ts); null on rows written before codes, and once healthy. */
  lastErrorCode: FeedFailureCode | null;
  lastErrorParams: Record<string, string | number>;
  failingSince: string | null;
  /** Session id → the feed's values at the last sync. */
  synced: Record<string, SyncedValues>;
  kept: KeptEdit[];
}

export interface FeedRecordStore {
  all(): Promise<FeedRecord[]>;
  put(record: FeedRecord): Promise<void>;
  remove(id: string): Promise<boolean>;
}

interface FeedRow {
  id: string;
  url: string;
  etag: string | null;
  last_modified: string | null;
  last_sync_at: string | null;
  last_error: string | null;
  last_error_code: string | null;
  /** JSON; NULL when there is no code. */
  last_error_params: string | null;
  failing_since: string | null;
  synced: string;
  kept: string;
}

export const FEEDS_TABLE = `
  CREATE TABLE feeds (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    etag TEXT,
    last_modified TEXT,
    last_sync_at TEXT,
    last_error TEXT,
    failing_since TEXT,
    synced TEXT NOT NULL DEFAULT '{}',
    kept TEXT NOT NULL DEFAULT '[]'
  );
`;

function recordOf(row: FeedRow): FeedRecord {
  return {
    id: row.id,
    url: row.url,
    etag: row.etag,
    lastModified: row.last_modified,
    lastSyncAt: row.last_sync_at,
    lastError: row.last_error,
    lastErrorCode: row.last_error_code as FeedFailureCode | null,
    lastErrorParams: row.last_error_params
      ? (JSON.parse(row.last_error_params) as Record<string, string | number>)
      : {},
    failingSince: row.failing_since,
    synced: JSON.parse(row.synced) as Record<string, SyncedValues>,
    kept: JSON.parse(row.kept) as KeptEdit[],
  };
}

function rowOf(record: FeedRecord): FeedRow {
  return {
    id: record.id,
    url: record.url,
    etag: record.etag,
    last_modified: record.lastModified,
    last_sync_at: record.lastSyncAt,
    last_error: record.lastError,
    last_error_code: record.lastErrorCode,
    last_error_params: record.lastErrorCode === null ? null : JSON.stringify(record.lastErrorParams),
    failing_since: record.failingSince,
    synced: JSON.stringify(record.synced),
    kept: JSON.stringify(record.kept),
  };
}

export function openFeedRecords(db: Database): FeedRecordStore {
  const all = db.prepare<[], FeedRow>('SELECT * FROM feeds ORDER BY rowid');
  const upsert = db.prepare<FeedRow>(
    `INSERT INTO feeds (id, url, etag, last_modified, last_sync_at, last_error, last_error_code, last_error_params,
       failing_since, synced, kept)
     VALUES (@id, @url, @etag, @last_modified, @last_sync_at, @last_error, @last_error_code, @last_error_params,
       @failing_since, @synced, @kept)
     ON CONFLICT (id) DO UPDATE SET url = excluded.url, etag = excluded.etag, last_modified = excluded.last_modified,
       last_sync_at = excluded.last_sync_at, last_error = excluded.last_error, last_error_code = excluded.last_error_code,
       last_error_params = excluded.last_error_params, failing_since = excluded.failing_since,
       synced = excluded.synced, kept = excluded.kept`,
  );
  const remove = db.prepare('DELETE FROM feeds WHERE id = ?');
  return {
    all: async () => all.all().map(recordOf),
    put: async (record) => void upsert.run(rowOf(record)),
    remove: async (id) => remove.run(id).changes > 0,
  };
}

/** The same records in PostgreSQL (seq keeps the order feeds were added in, as SQLite's rowid does). */
export function openPostgresFeedRecords(pool: PostgresPool): FeedRecordStore {
  return {
    all: async () => (await pool.query<FeedRow>('SELECT * FROM feeds ORDER BY seq')).rows.map(recordOf),
    async put(record) {
      const row = rowOf(record);
      await pool.query(
        `INSERT INTO feeds (id, url, etag, last_modified, last_sync_at, last_error, last_error_code, last_error_params,
           failing_since, synced, kept)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (id) DO UPDATE SET url = excluded.url, etag = excluded.etag, last_modified = excluded.last_modified,
           last_sync_at = excluded.last_sync_at, last_error = excluded.last_error,
           last_error_code = excluded.last_error_code, last_error_params = excluded.last_error_params,
           failing_since = excluded.failing_since, synced = excluded.synced, kept = excluded.kept`,
        [
          row.id,
          row.url,
          row.etag,
          row.last_modified,
          row.last_sync_at,
          row.last_error,
          row.last_error_code,
          row.last_error_params,
          row.failing_since,
          row.synced,
          row.kept,
        ],
      );
    },
    remove: async (id) => ((await pool.query('DELETE FROM feeds WHERE id = $1', [id])).rowCount ?? 0) > 0,
  };
}
