/**
 * The server program: `npm start -- [--port N] [--data-dir DIR] [--programme FILE] [--clock ISO|real]
 * [--speed X] [--host H] [--trust-proxy] [--feed URL ...] [--feed-interval 5m]` and `npm run demo`. Configuration problems end the
 * process at once with one line and exit code 2.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseInstant } from '../shared/time.ts';
import { createApplication } from './app.ts';
import { createStaffAuth, type StaffAuth } from './staff/staff-auth.ts';
import { DIST, ensureBuilt } from './platform/vite-build.ts';
import { ServerClock } from './platform/server-clock.ts';
import { ConfigError, parseConfig, type Config } from './platform/config.ts';
import { openScheduleService } from './schedule/service.ts';
import type { ScheduleService } from './schedule/service-types.ts';
import { loadProgrammeFile } from './interchange/load-file.ts';
import { createFeedPoller } from './interchange/feeds/feed-poller.ts';
import { feedsRouter } from './interchange/feeds/feed-routes.ts';

function fail(message: string, code: number): never {
  process.stderr.write(`signage: ${message}\n`);
  process.exit(code);
}

/** Addresses other devices on the venue network can use (screens are rarely on this machine). */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((info) => info && info.family === 'IPv4' && !info.internal)
    .map((info) => info!.address);
}

function printUrls(service: ScheduleService, config: Config, port: number, generatedPassword: string | undefined): void {
  const host = config.host && config.host !== '0.0.0.0' && config.host !== '::' ? config.host : 'localhost';
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const rooms = service.schedule().venues.filter((venue) => venue.kind === 'room');
  const lines = [
    `Venue signage is running (data in ${config.dataDir}).`,
    '',
    `Control panel:  ${base}/control`,
    `Lobby board:    ${base}/display/lobby`,
    'Door displays:',
    ...rooms.map((venue) => `  ${venue.name.padEnd(32)} ${base}/display/room/${encodeURIComponent(venue.id)}`),
  ];
  const addresses = config.host ? [] : lanAddresses();
  for (const address of addresses) lines.push(`Also reachable at http://${address}:${port}`);
  if (addresses.length > 0 && !config.trustProxy) {
    lines.push(
      'Note: browsers keep the screens\' offline copy of the app (service worker) only over HTTPS or on localhost.',
      '      On the venue network, serve screens through a TLS proxy (and pass --trust-proxy) so a screen',
      '      that reboots while the server is down still starts.',
    );
  }
  const clock = config.clock === 'real' && config.speed === 1 ? 'real time' : `simulated from ${config.clock}, speed ${config.speed}`;
  lines.push('', `Clock: ${clock}`);
  if (generatedPassword) {
    lines.push(`Staff password (shown only now; stored as a hash): ${generatedPassword}`);
  } else if (config.staffPassword) {
    lines.push('Staff password: from SIGNAGE_STAFF_PASSWORD');
  } else {
    lines.push(`Staff password: set earlier (delete ${config.dataDir}/staff-password.json to get a new one)`);
  }
  console.log(lines.join('\n'));
}

/** Rebuilds stale pages; a failed rebuild still lets the server run on the previous build. */
async function buildPages(): Promise<void> {
  try {
    await ensureBuilt();
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    if (!existsSync(join(DIST, 'index.html'))) fail(`cannot build the pages: ${reason}`, 1);
    process.stderr.write(`signage: warning: could not rebuild the pages (${reason}); serving the previous build\n`);
  }
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = parseConfig(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, 2);
    throw error;
  }

  await buildPages();
  if (config.wipeDataDir) rmSync(config.dataDir, { recursive: true, force: true });
  // Private: the database holds meeting passcodes and staff names, beside the password hash.
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });

  // The service needs a clock before the timezone is known (it comes from the data); start real
  // and warp to --clock once the schedule is open.
  const clock = new ServerClock();
  let service: ScheduleService;
  try {
    service = openScheduleService({
      dataDir: config.dataDir,
      seed: () => loadProgrammeFile(config.programme, config.programmeOptions),
      now: () => clock.now(),
    });
  } catch (error) {
    fail(`cannot open the schedule: ${(error as Error).message.split('\n')[0]}`, 2);
  }
  if (config.clock !== 'real' || config.speed !== 1) {
    const time = config.clock === 'real' ? undefined : parseInstant(config.clock, service.schedule().timezone);
    clock.set({ time, speed: config.speed });
  }

  let auth: StaffAuth;
  try {
    auth = await createStaffAuth({ dataDir: config.dataDir, password: config.staffPassword });
  } catch (error) {
    fail(`cannot set up staff login: ${(error as Error).message.split('\n')[0]}`, 2);
  }
  const feeds = createFeedPoller({ service, intervalMs: config.feedIntervalMs, now: () => clock.now() });
  for (const url of config.feeds) feeds.add(url);
  const httpServer = createServer();
  const application = createApplication(httpServer, {
    service,
    clock,
    auth,
    staticDir: DIST,
    trustProxy: config.trustProxy,
    extraApiRouters: [feedsRouter(feeds)],
  });
  feeds.start();

  httpServer.once('error', (error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? 'the port is already in use' : error.message;
    fail(`cannot listen on port ${config.port}: ${reason}`, 1);
  });
  httpServer.listen(config.port, config.host, () => {
    const { port } = httpServer.address() as AddressInfo;
    printUrls(service, config, port, auth.generatedPassword);
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Screens reconnect on their own; never hang on a stubborn connection when asked to stop.
    setTimeout(() => process.exit(0), 5000).unref();
    feeds.stop();
    await application.close();
    service.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
