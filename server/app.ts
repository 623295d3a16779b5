/**
 * createApplication: the whole live server around an HTTP server the caller owns and listens
 * with — express for the REST API and the pages, socket.io for the screens and the staff panel.
 * start-server.ts uses it for the real server, test/support/server.ts for tests.
 */
import type { Server as HttpServer } from 'node:http';
import express, { type Express } from 'express';
import { Server } from 'socket.io';
import type { StaffAuth } from './staff/staff-auth.ts';
import type { ServerClock } from './platform/server-clock.ts';
import type { ScheduleService } from './schedule/service-types.ts';
import { apiRouter } from './api-router.ts';
import type { LoginRateLimit } from './staff/login-routes.ts';
import { errorHandler } from './platform/http-errors.ts';
import { silentLogger, type Logger } from './platform/logger.ts';
import { requestLog } from './platform/request-log.ts';
import type { Metrics } from './platform/metrics.ts';
import { securityHeaders } from './platform/security-headers.ts';
import { staticRouter } from './platform/static-pages.ts';
import { attachRealtime } from './realtime/attach-realtime.ts';
import type { DisplayCaps } from './realtime/display-namespace.ts';
import type { PlanOptions } from './interchange/import-planning.ts';
import { DisplayRegistry } from './fleet/display-registry.ts';
import { Fleet } from './fleet/fleet.ts';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { RedisConnection } from './platform/redis.ts';
import { peerChannel } from './realtime/peer-channel.ts';
import type { DisplayRecordStore } from './fleet/display-records.ts';
import { healthRouter, type Readiness } from './platform/health.ts';
import { SingleSignOn } from './staff/sso.ts';
import type { SsoSettings } from './staff/sso-config.ts';
import { clientAddressRule } from './platform/client-address.ts';
import type { FeedPoller } from './interchange/feeds/feed-poller.ts';

/**
 * The Redis stream between nodes. It only bridges a short Redis outage (the adapter resumes from
 * where it stopped), so it need not be long; entries can be large (a node's fleet changes).
 */
const CLUSTER_STREAM = { streamName: 'signage', maxLen: 2_000 };

export interface ApplicationDeps {
  service: ScheduleService;
  clock: ServerClock;
  auth: StaffAuth;
  /** The live feeds (their routes are /api/feeds); the caller starts them, close() stops them. */
  feeds: FeedPoller;
  /** Where the screen fleet's records are kept (openDisplayRecords on the data directory's database). */
  displayRecords: DisplayRecordStore;
  /** The built pages (dist/). */
  staticDir: string;
  /** The server's one logger (server/platform/logger.ts); silent when left out. */
  logger?: Logger;
  /** Prometheus metrics to keep up to date (start-server.ts serves them on --metrics-port). */
  metrics?: Metrics;
  /**
   * Trust X-Forwarded-* only from these proxies: true = a proxy on this machine (loopback), or a
   * list of addresses / CIDRs (cookies then get Secure behind HTTPS).
   */
  trustProxy?: boolean | string[];
  loginRateLimit?: LoginRateLimit;
  /** Per-address caps on display sockets and pairing codes (default DISPLAY_CAPS). */
  displayCaps?: DisplayCaps;
  /** When imports go to a worker thread and how long it may take (default: import-planning.ts). */
  importPlanning?: PlanOptions;
  /** OpenID Connect single sign-on (server/staff/sso.ts); without it, passwords only. */
  sso?: SsoSettings | undefined;
  /**
   * One node of a cluster (`--redis`): socket.io's Redis Streams adapter joins it to the other
   * nodes on this Redis, for fleet commands and the fleet view (schedule changes each node learns
   * from the shared database and sends to its own screens).
   */
  redis?: RedisConnection | undefined;
  /** In a cluster: how long a silent node counts as alive (`--peer-timeout`; default PEER_TIMEOUT_MS). */
  peerTimeoutMs?: number | undefined;
}

export interface Application {
  app: Express;
  io: Server;
  displays: DisplayRegistry;
  /** What staff see of the fleet: this node's screens, or every node's in a cluster. */
  fleet: Fleet;
  /** Stops the timers and the feeds' polls, disconnects every client and closes the HTTP server (not the service). */
  close(): Promise<void>;
}

export function createApplication(httpServer: HttpServer, deps: ApplicationDeps): Application {
  const logger = deps.logger ?? silentLogger;
  const displays = new DisplayRegistry();
  displays.attachStore(deps.displayRecords, (error) => logger.error('cannot store the display fleet', error));
  const fleet = new Fleet(
    displays,
    (error) => logger.error('cannot apply a staff change to the display fleet', error),
    Date.now,
    deps.peerTimeoutMs,
  );
  const sso = deps.sso && new SingleSignOn(deps.sso);
  // Only the configured proxy's word counts: trusting "one hop, whoever it is" would let a client
  // that reaches the port directly pick its own address and slip past the login limits and caps.
  const addresses = clientAddressRule(deps.trustProxy);
  const context = {
    service: deps.service,
    clock: deps.clock,
    auth: deps.auth,
    displays,
    fleet,
    logger,
    sso,
    feeds: deps.feeds,
    clientAddress: addresses.of,
  };

  const app = express();
  app.set('trust proxy', addresses.trust);
  app.use(requestLog(logger));
  if (deps.metrics) app.use(deps.metrics.httpTiming());
  app.use(securityHeaders());
  const readiness: Readiness = { realtimeUp: false, closing: false };
  app.use(healthRouter(deps.service, readiness));
  app.use(
    '/api',
    apiRouter(context, {
      loginRateLimit: deps.loginRateLimit,
      importPlanning: deps.importPlanning,
    }),
  );
  app.use(staticRouter(deps.staticDir));
  app.use(errorHandler(logger));
  httpServer.on('request', app);

  // No client bundle from socket.io (the pages bundle socket.io-client) and no CORS: same origin only.
  const io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 100_000,
    ...(deps.redis && { adapter: createAdapter(deps.redis, CLUSTER_STREAM) }),
  });
  if (deps.redis) fleet.joinCluster(peerChannel(io));
  const realtime = attachRealtime(io, { ...context, displayCaps: deps.displayCaps });
  readiness.realtimeUp = true;
  const stopMetrics = deps.metrics?.watch(deps.service, displays);

  return {
    app,
    io,
    displays,
    fleet,
    async close() {
      readiness.closing = true;
      deps.feeds.stop();
      stopMetrics?.();
      realtime.close();
      fleet.close();
      const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await io.close();
      await httpClosed;
    },
  };
}
