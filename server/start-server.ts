/**
 * The server itself, once server/main.ts has accepted the options and taken the data directory:
 * stores, schedule, staff sign-in, feeds, the web server, and the banner with the URLs. main.ts
 * loads this module only then (it pulls in express, socket.io, the stores and the readers: about a
 * second of start-up), so a refused option is answered at once.
 *
 * A start that cannot go on throws an AppError whose message is the one line main.ts prints:
 * kind 'invalid' for unusable data or settings (exit 2), 'cannot-listen' for a port that is taken
 * (exit 1). What was opened before the refusal is closed again.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { Programme } from '../shared/model.ts';
import { parseInstant } from '../shared/time-parse.ts';
import { createApplication, type ApplicationDeps } from './app.ts';
import { createStaffAuth, type StaffAuth } from './staff/staff-auth.ts';
import { DIST } from './platform/vite-build.ts';
import { createHttpRedirectServer, createWebServer } from './platform/tls/web-server.ts';
import { ServerClock } from './platform/server-clock.ts';
import type { Config } from './platform/config.ts';
import { AppError } from './platform/errors.ts';
import { openScheduleService } from './schedule/service.ts';
import type { ScheduleService } from './schedule/service-types.ts';
import { loadProgrammeFile } from './interchange/load-file.ts';
import { createFeedPoller } from './interchange/feeds/feed-poller.ts';
import type { Logger } from './platform/logger.ts';
import { closeAll } from './platform/close-all.ts';
import type { Metrics } from './platform/metrics.ts';
import { openNodeStores, type NodeStores } from './platform/stores.ts';
import type { RedisConnection } from './platform/redis.ts';
import { firstLine } from './platform/first-line.ts';

export interface RunningServer {
  /** The port the web server listens on (the one asked for, or the one picked for --port 0). */
  port: number;
  /**
   * Writes the pending screen reports, closes the screens' transports (they reconnect) and the
   * stores. Never rejects: a part that fails to close is logged and the rest are closed still.
   */
  close(): Promise<void>;
}

function refused(message: string): AppError {
  return new AppError('invalid', message);
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

/** Listens, or fails with the option's name and the reason (a taken port is 'cannot-listen': exit 1). */
function listen(server: Server, port: number | undefined, host: string | undefined, option: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const refuse = (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'the port is already in use' : error.message;
      reject(new AppError('cannot-listen', `cannot listen on ${option} ${port}: ${reason}`));
    };
    server.once('error', refuse);
    server.listen(port, host, () => {
      server.off('error', refuse);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections(); // a keep-alive connection (a scraper's) must not hold up a stop
  });
}

/** The metrics registry and its localhost-only server, when --metrics-port asks for them. */
async function startMetrics(port: number | undefined, logger: Logger) {
  if (port === undefined) return undefined;
  // prom-client only when asked for (a tenth of a second of every start otherwise).
  const { createMetrics, metricsServer } = await import('./platform/metrics.ts');
  const metrics: Metrics = createMetrics();
  const server = metricsServer(metrics);
  const bound = await listen(server, port, '127.0.0.1', '--metrics-port');
  logger.info('metrics served', { port: bound, address: '127.0.0.1' });
  return { metrics, port: bound, close: () => closeServer(server) };
}

/** --redis: this node joins the cluster on that Redis, or does not start at all. */
async function joinRedis(url: string, logger: Logger): Promise<RedisConnection> {
  // The Redis client only on a cluster's nodes: loading it is a fifth of a lone server's start.
  const { connectRedis, RedisUnreachableError } = await import('./platform/redis.ts');
  try {
    const redis = await connectRedis(url, logger);
    logger.info('joined the cluster through redis');
    return redis;
  } catch (error) {
    if (error instanceof RedisUnreachableError) throw refused(error.message);
    throw error;
  }
}

/** Starts the server on a checked configuration; the data directory must already be prepared and locked. */
export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  const opened: Array<() => Promise<unknown>> = [];
  try {
    return await start(config, log, opened);
  } catch (error) {
    await closeAll(opened, log);
    throw error;
  }
}

/** What a node opens before it can serve: its stores, the schedule, the clock and staff sign-in. */
export interface NodeCore {
  stores: NodeStores;
  service: ScheduleService;
  clock: ServerClock;
  auth: StaffAuth;
  /** What createApplication takes of the core, so every caller hands it over the same way. */
  applicationParts: Pick<ApplicationDeps, 'service' | 'displayRecords' | 'clock' | 'auth'>;
}

export interface NodeCoreOptions {
  dataDir: string;
  /** PostgreSQL URL; undefined = the data directory's SQLite file. */
  database?: string | undefined;
  /** The programme a new data directory starts with (read only when the store is empty). */
  seed: () => Programme;
  /** 'real', or a venue-local instant the simulated clock starts at. */
  clock: 'real' | string;
  speed: number;
  /** The admin's password for a new data directory, or a new one for admin; undefined keeps what is stored. */
  staffPassword: string | undefined;
  passwordCost: number;
  /** How long a staff login lasts (default: the production lifetime). */
  sessionLifetimeMs?: number;
}

/**
 * Opens a node's core in the order the parts need each other, pushing each part's close onto
 * `opened` as it opens. The one way to open them: the server program and the test servers
 * (test/support/server.ts) both come through here.
 */
export async function openNodeCore(
  options: NodeCoreOptions,
  log: Logger,
  opened: Array<() => Promise<unknown>>,
): Promise<NodeCore> {
  // The service needs a clock before the timezone is known (it comes from the data); start real
  // and warp to the simulated clock once the schedule is open.
  const clock = new ServerClock();
  let stores: NodeStores;
  let service: ScheduleService;
  try {
    stores = await openNodeStores(options);
    opened.push(() => stores.close());
    service = await openScheduleService({
      dataDir: options.dataDir,
      store: stores.store,
      leadership: stores.leadership,
      seed: options.seed,
      now: () => clock.now(),
      logger: log,
    });
    opened.push(() => service.close());
  } catch (error) {
    throw refused(`cannot open the schedule: ${firstLine(error)}`);
  }
  if (options.clock !== 'real' || options.speed !== 1) {
    const time = options.clock === 'real' ? undefined : parseInstant(options.clock, service.schedule().timezone);
    clock.set({ time, speed: options.speed });
  }

  let auth: StaffAuth;
  try {
    auth = await createStaffAuth({
      dataDir: options.dataDir,
      store: stores.accounts,
      password: options.staffPassword,
      service,
      passwordCost: options.passwordCost,
      sessionLifetimeMs: options.sessionLifetimeMs,
      logger: log,
    });
    opened.push(() => auth.close());
  } catch (error) {
    throw refused(`cannot set up staff login: ${firstLine(error)}`);
  }
  return {
    stores,
    service,
    clock,
    auth,
    applicationParts: { service, displayRecords: stores.displayRecords, clock, auth },
  };
}

async function start(config: Config, log: Logger, opened: Array<() => Promise<unknown>>): Promise<RunningServer> {
  const { stores, service, clock, auth, applicationParts } = await openNodeCore(
    {
      dataDir: config.dataDir,
      database: config.database,
      seed: () =>
        loadProgrammeFile(config.programme, {
          ...config.programmeOptions,
          onWarning: (_warning, line) => log.warn('programme file warning', { line }),
        }),
      clock: config.clock,
      speed: config.speed,
      staffPassword: config.staffPassword,
      passwordCost: config.passwordCost,
    },
    log,
    opened,
  );
  const feeds = createFeedPoller({
    service,
    intervalMs: config.feedIntervalMs,
    now: () => clock.now(),
    // The id, not the URL: a feed's query string may carry the source's access token.
    onError: (feed) => log.warn('feed poll failed', { feed: feed.id, error: feed.lastError }),
  });
  for (const url of config.feeds) await feeds.add(url);
  const redis = config.redis === undefined ? undefined : await joinRedis(config.redis, log);
  if (redis) opened.push(() => redis.close());
  const monitoring = await startMetrics(config.metricsPort, log);
  if (monitoring) opened.push(() => monitoring.close());
  monitoring?.metrics.watchFeeds(() => feeds.list());
  const httpServer = createWebServer(config.tls);
  const application = createApplication(httpServer, {
    ...applicationParts,
    feeds,
    staticDir: DIST,
    trustProxy: config.trustProxy,
    sso: config.sso,
    logger: log,
    redis,
    peerTimeoutMs: config.peerTimeoutMs,
    ...(monitoring ? { metrics: monitoring.metrics } : {}),
  });
  opened.push(() => application.close());
  feeds.start();

  const port = await listen(httpServer, config.port, config.host, '--port');
  printUrls(stores.where, service, config, port, auth.generatedPassword, monitoring?.port);
  if (config.httpRedirectPort !== undefined) {
    const redirect = createHttpRedirectServer(() => port);
    const redirectPort = await listen(redirect, config.httpRedirectPort, config.host, '--http-redirect-port');
    redirect.unref();
    opened.push(() => closeServer(redirect));
    process.stdout.write(`Plain HTTP on port ${redirectPort} redirects to HTTPS on port ${port}.\n`);
  }
  log.info('server started', { port, data: stores.where, revision: service.revision() });

  return {
    port,
    close: () => closeAll(opened, log),
  };
}
