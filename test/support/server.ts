/**
 * A real server for tests: createApplication on port 0 inside the test process, with a temporary
 * data directory, a known staff password and (optionally) a simulated clock. It serves the built
 * pages from dist/ (built once by the vitest globalSetup).
 *
 *   const server = await startTestServer({ clock: '2024-10-14T12:55', speed: 0 });
 *   const cookie = await server.login();
 *   const { status, body } = await server.request('PATCH', '/api/sessions/x', { title: 'New' }, cookie);
 *   await server.close();
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Programme } from '../../shared/model.ts';
import { createApplication, type Application } from '../../server/app.ts';
import { DIST } from '../../server/platform/vite-build.ts';
import type { ServerClock } from '../../server/platform/server-clock.ts';
import { openNodeCore } from '../../server/start-server.ts';
import { closeAll } from '../../server/platform/close-all.ts';
import { BUNDLED_PROGRAMME, DEFAULT_FEED_INTERVAL_MS } from '../../server/platform/config.ts';
import type { ScheduleService } from '../../server/schedule/service-types.ts';
import type { Logger } from '../../server/platform/logger.ts';
import type { DisplayCaps } from '../../server/realtime/display-namespace.ts';
import type { PlanOptions } from '../../server/interchange/import-planning.ts';
import type { LoginRateLimit } from '../../server/staff/login-routes.ts';
import { loadProgrammeFile } from '../../server/interchange/load-file.ts';
import { Accounts } from '../../server/staff/accounts.ts';
import { MIN_PASSWORD_COST } from '../../server/staff/password.ts';
import type { SsoSettings } from '../../server/staff/sso-config.ts';

/** A Set-Cookie line that gives a staff session (either cookie name, never the clearing one). */
export const SESSION_COOKIE_LINE = /^(__Host-signage_session|signage_session_[0-9a-f]{12})=(?!;)/;
import { createFeedPoller, type FeedPoller } from '../../server/interchange/feeds/feed-poller.ts';

export interface TestServerOptions {
  /**
   * The live feeds, made from the server's own service and clock (e.g. with a short interval or a
   * fake fetch); default: a poller with the production interval, not started (tests start it).
   */
  feeds?: (service: ScheduleService, clock: ServerClock) => FeedPoller;
  /** Start a simulated clock here: venue-local ISO like 2024-10-14T12:55 (or with an offset). Default: real time. */
  clock?: string;
  /** Simulated clock speed (default 1; 0 freezes the clock). */
  speed?: number;
  /** A programme, or the path of a schedule file; default: the bundled CrimeCOP12 programme. */
  programme?: Programme | string;
  /** The admin's password (default 'test-password'); null keeps what the data directory has. */
  password?: string | null;
  /** Use this data directory (e.g. to reopen one); default: a fresh temporary one. */
  dataDir?: string;
  /** Trust X-Forwarded-* headers from these proxies (true = loopback), as behind a TLS proxy (default false). */
  trustProxy?: boolean | string[];
  /** Login rate limit (default: the production one). */
  loginRateLimit?: LoginRateLimit;
  /** Print the server's info and warnings (errors are always printed). */
  verbose?: boolean;
  /** How long a staff login lasts (default: the production 12 hours). */
  sessionLifetimeMs?: number;
  /** Receives the server's log instead of the quiet default (e.g. to assert nothing was logged). */
  logger?: Logger;
  /** Per-address caps on display sockets and pairing codes (default: the production ones). */
  displayCaps?: DisplayCaps;
  /** When imports go to a worker thread and how long it may take (default: the production ones). */
  importPlanning?: PlanOptions;
  /** Single sign-on settings, made from the server's own URL (for the redirect URL). */
  sso?: (serverUrl: string) => SsoSettings;
  /**
   * A PostgreSQL URL (test/support/postgres.ts): the server is one node of a cluster on it, as
   * `--database` makes it; two test servers on one URL are two nodes. Default: the data directory.
   */
  database?: string;
}

export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer is JSON, else the text. */
  body: T;
}

export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  password: string;
  /** The live service and clock, for tests that need to look inside or set up state directly. */
  service: ScheduleService;
  clock: ServerClock;
  /** The server's live feeds (not started unless a test starts them). */
  feeds: FeedPoller;
  application: Application;
  /**
   * Logs in and returns the Cookie header to send with staff requests: as admin, or as the named
   * account (created on first use as an admin with the test password, so the journal names it).
   */
  login(name?: string): Promise<string>;
  /** Logs in as a new account with this role (and emergency grant) and returns its cookie. */
  loginAs(username: string, role: 'viewer' | 'editor' | 'admin', emergency?: boolean): Promise<string>;
  auth: import('../../server/staff/staff-auth.ts').StaffAuth;
  /** A JSON request; `body` is sent as JSON unless it is a string (sent as is, as application/json). */
  request<T = any>(method: string, path: string, body?: unknown, cookie?: string): Promise<TestResponse<T>>;
  /** Stops the server and closes the store; keeps the data directory. */
  stop(): Promise<void>;
  /** Stops the server and removes the data directory. */
  close(): Promise<void>;
  /** Stops and starts again on the same data directory (and the same port when it is free). */
  restart(): Promise<TestServer>;
}

/**
 * The cheapest scrypt cost the server takes (`--password-cost`): the suite logs in and adds
 * accounts thousands of times, about 45 ms of CPU each at the production cost and 3 ms at this one.
 */
const TEST_PASSWORD_COST = MIN_PASSWORD_COST;

const quietLogger: Logger = {
  info: () => {},
  warn: () => {},
  error: (message, error, fields) => console.error(message, error ?? '', fields ?? ''),
};

let bundledProgramme: Programme | undefined;

function resolveProgramme(programme: Programme | string | undefined): Programme {
  if (typeof programme === 'object') return programme;
  if (programme !== undefined) return loadProgrammeFile(programme, { onWarning: () => {} });
  bundledProgramme ??= loadProgrammeFile(BUNDLED_PROGRAMME, { onWarning: () => {} });
  return bundledProgramme;
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startTestServer(options: TestServerOptions = {}, preferredPort = 0): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'signage-test-'));
  mkdirSync(dataDir, { recursive: true });
  const password = options.password === null ? '' : (options.password ?? 'test-password');
  const logger: Logger = options.logger ?? (options.verbose ? { ...console, error: quietLogger.error } : quietLogger);

  // Opened as the server program opens them (server/start-server.ts), with a test's options; a
  // part that fails to start closes what was opened before it, as the program does.
  const opened: Array<() => Promise<unknown>> = [];
  const assemble = async () => {
    const { service, clock, auth, applicationParts } = await openNodeCore(
      {
        dataDir,
        database: options.database,
        seed: () => resolveProgramme(options.programme),
        clock: options.clock ?? 'real',
        speed: options.speed ?? 1,
        staffPassword: options.password === null ? undefined : password,
        passwordCost: TEST_PASSWORD_COST,
        sessionLifetimeMs: options.sessionLifetimeMs,
      },
      logger,
      opened,
    );
    const feeds = options.feeds
      ? options.feeds(service, clock)
      : createFeedPoller({ service, intervalMs: DEFAULT_FEED_INTERVAL_MS, now: () => clock.now() });
    opened.push(async () => feeds.stop());
    const httpServer = createServer();
    // Listen first: single sign-on needs the server's own URL (its redirect URL) to start.
    let port: number;
    try {
      port = await listen(httpServer, preferredPort);
    } catch (error) {
      if (preferredPort === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      port = await listen(httpServer, 0);
    }
    const url = `http://127.0.0.1:${port}`;
    // Until the application takes the server over (its close closes the server too).
    const closeListener = () => new Promise<void>((closed) => httpServer.close(() => closed()));
    opened.push(closeListener);
    const application = createApplication(httpServer, {
      ...applicationParts,
      feeds,
      staticDir: DIST,
      logger,
      trustProxy: options.trustProxy ?? false,
      ...(options.loginRateLimit ? { loginRateLimit: options.loginRateLimit } : {}),
      ...(options.displayCaps ? { displayCaps: options.displayCaps } : {}),
      ...(options.importPlanning ? { importPlanning: options.importPlanning } : {}),
      ...(options.sso ? { sso: options.sso(url) } : {}),
    });
    opened.splice(opened.indexOf(closeListener), 1, () => application.close());
    return { service, clock, auth, feeds, port, url, application };
  };
  const { service, clock, auth, feeds, port, url, application } = await assemble().catch(async (error: unknown) => {
    await closeAll(opened, logger);
    throw error;
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await closeAll(opened, logger);
  };

  const request = async <T = any>(
    method: string,
    path: string,
    body?: unknown,
    cookie?: string,
  ): Promise<TestResponse<T>> => {
    const headers: Record<string, string> = {};
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(url + path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.includes('application/json') && text !== '';
    return { status: response.status, headers: response.headers, body: (isJson ? JSON.parse(text) : text) as T };
  };

  // Test accounts are set up behind the scenes: no journal entry, so tests count only their changes.
  const setUp = new Accounts(auth.accounts.store, () => {}, Date.now, TEST_PASSWORD_COST);
  const setUpActor = { name: 'admin', displayName: 'Administrator' };
  const login = async (name?: string): Promise<string> => {
    if (name !== undefined && !(await auth.accounts.get(name))) {
      await setUp.add({ username: name, role: 'admin', password }, setUpActor);
    }
    const response = await request(
      'POST',
      '/api/login',
      name === undefined ? { password } : { password, username: name },
    );
    if (response.status !== 204)
      throw new Error(`test login failed: ${response.status} ${JSON.stringify(response.body)}`);
    const setCookie = response.headers.getSetCookie().find((c) => SESSION_COOKIE_LINE.test(c));
    if (!setCookie) throw new Error('test login: no session cookie in the answer');
    return setCookie.split(';')[0]!;
  };

  return {
    url,
    port,
    dataDir,
    password,
    service,
    clock,
    feeds,
    application,
    auth,
    async loginAs(username, role, emergency = false) {
      if (!(await auth.accounts.get(username))) {
        await setUp.add({ username, role, emergency, password }, setUpActor);
      }
      return login(username);
    },
    login,
    request,
    stop,
    async close() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async restart() {
      await stop();
      return startTestServer({ ...options, dataDir }, port);
    },
  };
}
