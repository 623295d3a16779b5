/**
 * A staff write's acknowledgement time on each store: from the service call (what a PATCH route
 * awaits) to its resolution, when the change is durable (SQLite: synchronous=FULL; PostgreSQL:
 * COMMIT with fsync on, the revision taken under the meta row's lock, NOTIFY sent). Sequential
 * writes, as staff make them; PostgreSQL is a throw-away server from the machine's installation.
 */
import { loadProgrammeFile } from '../server/interchange/load-file.ts';
import { BUNDLED_PROGRAMME } from '../server/platform/config.ts';
import { openNodeStores } from '../server/platform/stores.ts';
import { openScheduleService } from '../server/schedule/service.ts';
import { createDatabase, startPostgres } from '../test/support/postgres-server.ts';
import { tempDataDir } from './lib/fixtures.ts';
import { summarize, type Summary } from './lib/stats.ts';
import { describeLoad, watchLoad, type LoadAverages } from './lib/machine.ts';

const WRITES = 500;
const WARM_UP = 20;

export interface WriteAckResults {
  writes: number;
  sqlite: Summary;
  /** Undefined when no PostgreSQL could be started (the reason is in `postgresSkipped`). */
  postgres?: Summary;
  postgresSkipped?: string;
  /** The machine's load average before and after (the tails depend on it). */
  loadAverage: LoadAverages;
}

async function measure(database: string | undefined): Promise<Summary> {
  const dir = tempDataDir();
  const stores = await openNodeStores({ dataDir: dir.path, database });
  const service = await openScheduleService({
    dataDir: dir.path,
    store: stores.store,
    leadership: stores.leadership,
    seed: () => loadProgrammeFile(BUNDLED_PROGRAMME, { onWarning: () => {} }),
    now: () => Date.now(),
  });
  const session = service.schedule().sessions[0]!;
  const times: number[] = [];
  try {
    for (let i = 0; i < WARM_UP + WRITES; i++) {
      const started = performance.now();
      await service.updateSession(session.id, { title: `Title ${i}` }, { name: 'bench' });
      if (i >= WARM_UP) times.push(performance.now() - started);
    }
  } finally {
    await service.close();
    await stores.close();
    dir.remove();
  }
  return summarize(times);
}

export async function writeAckBenchmark(log: (line: string) => void): Promise<WriteAckResults> {
  const load = watchLoad();
  const sqlite = await measure(undefined);
  log(`  SQLite: p50 ${sqlite.p50} ms, p99 ${sqlite.p99} ms over ${WRITES} writes`);
  let server;
  try {
    server = await startPostgres();
  } catch (error) {
    const reason = (error as Error).message;
    log(`  PostgreSQL: skipped (${reason})`);
    return { writes: WRITES, sqlite, postgresSkipped: reason, loadAverage: load() };
  }
  try {
    const postgres = await measure(await createDatabase(server.url, 'bench'));
    const loadAverage = load();
    log(
      `  PostgreSQL: p50 ${postgres.p50} ms, p99 ${postgres.p99} ms over ${WRITES} writes; ${describeLoad(loadAverage)}`,
    );
    return { writes: WRITES, sqlite, postgres, loadAverage };
  } finally {
    await server.stop();
  }
}
