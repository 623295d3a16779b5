/**
 * The stores a node works on, from the configuration: the data directory's SQLite file (one
 * server alone, always the leader), or with --database a PostgreSQL database shared by every node
 * of a cluster, with a leader elected among them. The composition root (start-server.ts) opens them once.
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
import type { AccountStore } from '../staff/account-store.ts';
import { openAccountStore } from '../staff/staff-auth.ts';
import { openPostgresAccountStore } from '../staff/postgres-account-store.ts';

export interface NodeStores {
  store: ScheduleStore;
  displayRecords: DisplayRecordStore;
  /** Staff accounts, sign-outs and the session key (server/staff/). */
  accounts: AccountStore;
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
    const accounts = openAccountStore(options.dataDir);
    return {
      store: openSqliteStore(database),
      displayRecords: openDisplayRecords(database),
      // On a connection of its own, as the users CLI has: each notices the other's commits.
      accounts,
      leadership: soleLeader(),
      where: options.dataDir,
      close: async () => {
        await accounts.close();
        if (database.open) database.close();
      },
    };
  }
  const pool = await openPostgres(url);
  try {
    const displayRecords = await openPostgresDisplayRecords(pool);
    const accounts = openPostgresAccountStore(pool, url);
    return {
      store: openPostgresStore(pool, url),
      displayRecords,
      accounts,
      leadership: electLeader(url),
      where: describePostgresUrl(url),
      async close() {
        await displayRecords.drain();
        await accounts.close();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
