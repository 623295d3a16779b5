/**
 * Our server as the bench runs it: createApplication (exactly what server/main.ts serves) in its
 * own process, on 127.0.0.1, with a quiet log and the IPC memory report.
 *
 *   node --expose-gc --import tsx bench/servers/signage-server.ts --data-dir DIR
 *        [--port N] [--programme FILE] [--clock 2024-10-14T12:55] [--speed 0]
 *
 * SIGNAGE_STAFF_PASSWORD sets the staff password. Prints nothing; tells the parent { port }.
 */
import { createServer } from 'node:http';
import { parseInstant } from '../../shared/time-parse.ts';
import { createApplication } from '../../server/app.ts';
import { createStaffAuth } from '../../server/staff/staff-auth.ts';
import { DIST } from '../../server/platform/vite-build.ts';
import { ServerClock } from '../../server/platform/server-clock.ts';
import { BUNDLED_PROGRAMME, DEFAULT_FEED_INTERVAL_MS } from '../../server/platform/config.ts';
import { createFeedPoller } from '../../server/interchange/feeds/feed-poller.ts';
import { openScheduleService } from '../../server/schedule/service.ts';
import { loadProgrammeFile } from '../../server/interchange/load-file.ts';
import { announceReady, serveParent } from '../lib/ipc.ts';
import { listenLocal, memoryAfterGc, readOptions } from './common.ts';
import { openSignageDatabase, openSqliteStore } from '../../server/schedule/store/sqlite-store.ts';
import { openDisplayRecords } from '../../server/fleet/display-records.ts';

const options = readOptions(process.argv.slice(2));
const dataDir = options['data-dir'];
if (!dataDir) throw new Error('--data-dir is required');

const clock = new ServerClock();
const database = openSignageDatabase(dataDir);
const service = await openScheduleService({
  dataDir,
  store: openSqliteStore(database),
  seed: () => loadProgrammeFile(options.programme ?? BUNDLED_PROGRAMME, { onWarning: () => {} }),
  now: () => clock.now(),
});
if (options.clock !== undefined || options.speed !== undefined) {
  const time = options.clock === undefined ? undefined : parseInstant(options.clock, service.schedule().timezone);
  clock.set({ time, speed: Number(options.speed ?? 1) });
}
const auth = await createStaffAuth({ dataDir, password: process.env.SIGNAGE_STAFF_PASSWORD });
const httpServer = createServer();
createApplication(httpServer, {
  service,
  displayRecords: openDisplayRecords(database),
  clock,
  auth,
  // No feeds in the bench (never started): the routes exist as in the real server.
  feeds: createFeedPoller({ service, intervalMs: DEFAULT_FEED_INTERVAL_MS, now: () => clock.now() }),
  staticDir: DIST,
  logger: { info: () => {}, warn: () => {}, error: (message, error) => console.error(message, error ?? '') },
  // The bench logs in once per run; a generous limit keeps a retry from being throttled.
  loginRateLimit: { windowMs: 60_000, limit: 1000 },
});
const port = await listenLocal(httpServer, Number(options.port ?? 0));

serveParent({ memory: () => memoryAfterGc() });
announceReady({ port });
