/**
 * The server program: `npm start -- [--port N] [--data-dir DIR] [--programme FILE] [--clock ISO|real]
 * [--speed X] [--host H] [--trust-proxy] [--feed URL ...] [--feed-interval 5m] [--tls-cert FILE --tls-key FILE
 * [--http-redirect-port N]]` and `npm run demo`. Configuration problems end the
 * process at once with one line and exit code 2.
 */
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseInstant } from '../shared/time-parse.ts';
import { createApplication } from './app.ts';
import { createStaffAuth, type StaffAuth } from './staff/staff-auth.ts';
import { DIST, ensureBuilt, isBuildStale, isBuilt, isViteAvailable, planPages } from './platform/vite-build.ts';
import { createHttpRedirectServer, createWebServer } from './platform/tls/web-server.ts';
import { ServerClock } from './platform/server-clock.ts';
import { ConfigError, parseConfig, type Config } from './platform/config.ts';
import { openScheduleService } from './schedule/service.ts';
import type { ScheduleService } from './schedule/service-types.ts';
import { loadProgrammeFile } from './interchange/load-file.ts';
import { DataDirError, lockDataDir, refuseIfInUse, prepareDataDir } from './platform/data-dir.ts';
import { createFeedPoller } from './interchange/feeds/feed-poller.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import { createMetrics, metricsServer, type Metrics } from './platform/metrics.ts';
import { openNodeStores, type NodeStores } from './platform/stores.ts';
import { connectRedis, RedisUnreachableError, type RedisConnection } from './platform/redis.ts';

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

function printUrls(
  where: string,
  service: ScheduleService,
  config: Config,
  port: number,
  generatedPassword: string | undefined,
  metricsPort: number | undefined,
): void {
  const host = config.host && config.host !== '0.0.0.0' && config.host !== '::' ? config.host : 'localhost';
  const scheme = config.tls ? 'https' : 'http';
  const base = `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const rooms = service.schedule().venues.filter((venue) => venue.kind === 'room');
  const lines = [
    `Venue signage is running (data in ${where}).`,
    '',
    `Control panel:  ${base}/control`,
    `Lobby board:    ${base}/display/lobby`,
    'Door displays:',
    ...rooms.map((venue) => `  ${venue.name.padEnd(32)} ${base}/display/room/${encodeURIComponent(venue.id)}`),
  ];
  const addresses = config.host ? [] : lanAddresses();
  for (const address of addresses) lines.push(`Also reachable at ${scheme}://${address}:${port}`);
  if (addresses.length > 0 && !config.trustProxy && !config.tls) {
    lines.push(
      "Note: browsers keep the screens' offline copy of the app (service worker) only over HTTPS or on localhost.",
      '      On the venue network, serve HTTPS (npm run venue-cert, then --tls-cert and --tls-key) so a screen',
      '      that reboots while the server is down still starts.',
    );
  }
  const clock =
    config.clock === 'real' && config.speed === 1
      ? 'real time'
      : `simulated from ${config.clock}, speed ${config.speed}`;
  lines.push('', `Clock: ${clock}`);
  if (config.sso) {
    lines.push(
      `Single sign-on: "${config.sso.providerName}" (${config.sso.issuer.href}), back to ${config.sso.redirectUrl.href}`,
    );
  }
  if (metricsPort !== undefined) lines.push(`Metrics (this machine only): http://127.0.0.1:${metricsPort}/metrics`);
  if (generatedPassword) {
    lines.push(`Staff password (shown only now; stored as a hash): ${generatedPassword} (account: admin)`);
  } else if (config.staffPassword) {
    const variable = process.env.SIGNAGE_ADMIN_PASSWORD ? 'SIGNAGE_ADMIN_PASSWORD' : 'SIGNAGE_STAFF_PASSWORD';
    lines.push(`Staff password: from ${variable} (account: admin)`);
  } else {
    lines.push(
      'Staff password: set earlier (accounts: npm run -s users -- list; new admin password: npm run -s users -- reset admin)',
    );
  }
  // The banner is the program's result for the person who started it, not a log line.
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * Production serves what `npm run build` made; development rebuilds stale pages with Vite, and a
 * failed rebuild still lets the server run on the previous build.
 */
async function buildPages(logger: Logger): Promise<void> {
  const plan = planPages({
    production: process.env.NODE_ENV === 'production',
    built: isBuilt(),
    stale: isBuildStale(),
    viteAvailable: isViteAvailable(),
  });
  if (plan.action === 'fail') fail(plan.message, 2);
  if (plan.action === 'serve') {
    if (plan.warning) logger.warn(plan.warning);
    return;
  }
  try {
    await ensureBuilt();
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    if (!existsSync(join(DIST, 'index.html'))) fail(`cannot build the pages: ${reason}`, 1);
    logger.warn('could not rebuild the pages; serving the previous build', { reason });
  }
}

/**
 * A bug that escapes every handler leaves the server in an unknown state: say what it was and exit
 * non-zero so the service manager (deploy/venue-signage.service: Restart=on-failure) starts a clean one.
 */
function exitOnUnexpectedErrors(logger: () => Logger | undefined): void {
  const crash = (kind: string) => (error: unknown) => {
    const log = logger();
    if (log) log.error(`${kind}, exiting`, error);
    else {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`signage: ${kind}, exiting: ${detail}\n`);
    }
    process.exit(70);
  };
  process.on('uncaughtException', crash('uncaught exception'));
  process.on('unhandledRejection', crash('unhandled promise rejection'));
}

/** --http-redirect-port: plain HTTP there → the same address over HTTPS (screens typing http:// land right). */
function redirectPlainHttp(config: Config, httpsPort: number): void {
  const redirect = createHttpRedirectServer(() => httpsPort);
  redirect.once('error', (error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? 'the port is already in use' : error.message;
    fail(`cannot listen on --http-redirect-port ${config.httpRedirectPort}: ${reason}`, 1);
  });
  redirect.listen(config.httpRedirectPort, config.host, () => {
    const { port } = redirect.address() as AddressInfo;
    process.stdout.write(`Plain HTTP on port ${port} redirects to HTTPS on port ${httpsPort}.\n`);
  });
  redirect.unref();
}

/** The metrics registry and its localhost-only server, when --metrics-port asks for them. */
async function startMetrics(port: number | undefined, logger: Logger) {
  if (port === undefined) return undefined;
  const metrics: Metrics = createMetrics();
  const server = metricsServer(metrics);
  const bound = await new Promise<number>((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'the port is already in use' : error.message;
      fail(`cannot listen on --metrics-port ${port}: ${reason}`, 1);
    });
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  logger.info('metrics served', { port: bound, address: '127.0.0.1' });
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections(); // a scraper's keep-alive connection must not hold up a stop
    });
  return { metrics, port: bound, close };
}

/** --redis: this node joins the cluster on that Redis, or does not start at all. */
async function joinRedis(url: string, logger: Logger): Promise<RedisConnection> {
  try {
    const redis = await connectRedis(url, logger);
    logger.info('joined the cluster through redis');
    return redis;
  } catch (error) {
    if (error instanceof RedisUnreachableError) fail(error.message, 2);
    throw error;
  }
}

async function main(): Promise<void> {
  // Crashes before the logger exists (a bad option cannot crash, but a build can) go to stderr.
  const crashLog: { logger?: Logger } = {};
  exitOnUnexpectedErrors(() => crashLog.logger);
  let config: Config;
  try {
    config = parseConfig(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, 2);
    throw error;
  }
  const log = createLogger({ level: config.logLevel });
  crashLog.logger = log;

  await buildPages(log);
  try {
    // Never wipe (demo) or open a directory another server is using.
    refuseIfInUse(config.dataDir);
    if (config.wipeDataDir) rmSync(config.dataDir, { recursive: true, force: true });
    prepareDataDir(config.dataDir);
    lockDataDir(config.dataDir, 'signage server');
  } catch (error) {
    if (error instanceof DataDirError) fail(error.message, 2);
    throw error;
  }

  // The service needs a clock before the timezone is known (it comes from the data); start real
  // and warp to --clock once the schedule is open.
  const clock = new ServerClock();
  let service: ScheduleService;
  let stores: NodeStores;
  try {
    stores = await openNodeStores(config);
    service = await openScheduleService({
      dataDir: config.dataDir,
      store: stores.store,
      leadership: stores.leadership,
      seed: () =>
        loadProgrammeFile(config.programme, {
          ...config.programmeOptions,
          onWarning: (_warning, line) => log.warn('programme file warning', { line }),
        }),
      now: () => clock.now(),
      logger: log,
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
    auth = await createStaffAuth({
      dataDir: config.dataDir,
      store: stores.accounts,
      password: config.staffPassword,
      service,
      passwordCost: config.passwordCost,
    });
  } catch (error) {
    fail(`cannot set up staff login: ${(error as Error).message.split('\n')[0]}`, 2);
  }
  const feeds = createFeedPoller({
    service,
    intervalMs: config.feedIntervalMs,
    now: () => clock.now(),
    // The id, not the URL: a feed's query string may carry the source's access token.
    onError: (feed) => log.warn('feed poll failed', { feed: feed.id, error: feed.lastError }),
  });
  for (const url of config.feeds) await feeds.add(url);
  const redis = config.redis === undefined ? undefined : await joinRedis(config.redis, log);
  const monitoring = await startMetrics(config.metricsPort, log);
  monitoring?.metrics.watchFeeds(() => feeds.list());
  const httpServer = createWebServer(config.tls);
  const application = createApplication(httpServer, {
    service,
    displayRecords: stores.displayRecords,
    clock,
    auth,
    feeds,
    staticDir: DIST,
    trustProxy: config.trustProxy,
    sso: config.sso,
    logger: log,
    redis,
    peerTimeoutMs: config.peerTimeoutMs,
    ...(monitoring ? { metrics: monitoring.metrics } : {}),
  });
  feeds.start();

  httpServer.once('error', (error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? 'the port is already in use' : error.message;
    fail(`cannot listen on port ${config.port}: ${reason}`, 1);
  });
  httpServer.listen(config.port, config.host, () => {
    const { port } = httpServer.address() as AddressInfo;
    printUrls(stores.where, service, config, port, auth.generatedPassword, monitoring?.port);
    if (config.httpRedirectPort !== undefined) redirectPlainHttp(config, port);
    log.info('server started', { port, data: stores.where, revision: service.revision() });
  });

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    // Screens reconnect on their own; never hang on a stubborn connection when asked to stop.
    setTimeout(() => {
      log.warn('connections did not close within 5 s; exiting anyway');
      process.exit(0);
    }, 5000).unref();
    // Writes the pending screen reports, then closes the screens' transports (they reconnect).
    await application.close();
    await monitoring?.close();
    await redis?.close().catch(() => undefined);
    await auth.close();
    await service.close();
    await stores.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
