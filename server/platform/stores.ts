/**
 * The stores a node works on, from the configuration: the data directory's SQLite file (one
 * server alone, always the leader), or with --database a PostgreSQL database shared by every node
 * of a cluster, with a leader elected among them. The composition root (main.ts) opens them once.
 */
import type { DisplayRecordStore } from '../fleet/display-records.ts';
import { openDisplayRecords, openPostgresDisplayRecords } from '../fleet/display-records.ts';
import type { ScheduleStore } from '../schedule/store/store-interface.ts';
import { openSignageDatabase, openSqliteStore } from '../schedule/store/sqlite-store.ts';
import { openPostgresStore } from '../schedule/store/postgres-store.ts';
import { soleLeader, type Leadership } from './leadership.ts';
import { openPostgres } from './postgres/database.ts';
import { electLeader } from './postgres/leader.ts';
import { describePostgresUrl } from './postgres/url.ts';

export interface NodeStores {
  store: ScheduleStore;
  displayRecords: DisplayRecordStore;
  leadership: Leadership;
  /** Where the data is, for the banner ("the data directory …", "PostgreSQL database … on …"). */
  where: string;
  /** After the service closed: waits for the last fleet writes and closes the connections. */
  close(): Promise<void>;
}

export async function openNodeStores(options: { dataDir: string; database?: string | undefined }): Promise<NodeStores> {
  const url = options.database;
  if (url === undefined) {
    // One database per data directory, handed to each store that keeps rows in it.
    const database = openSignageDatabase(options.dataDir);
    return {
      store: openSqliteStore(database),
      displayRecords: openDisplayRecords(database),
      leadership: soleLeader(),
      where: options.dataDir,
      close: async () => {
        if (database.open) database.close();
      },
    };
  }
  const pool = await openPostgres(url);
  try {
    const displayRecords = await openPostgresDisplayRecords(pool);
    return {
      store: openPostgresStore(pool, url),
      displayRecords,
      leadership: electLeader(url),
      where: describePostgresUrl(url),
      async close() {
        await displayRecords.drain();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
