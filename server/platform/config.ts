/**
 * Command line and environment → one validated Config. Every problem becomes a ConfigError with
 * one readable line, so `npm start -- --port abc` fails fast instead of half-starting.
 */
import { accessSync, constants } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { MAX_SPEED } from './server-clock.ts';
import { ROOT } from './vite-build.ts';
import { AppError } from './errors.ts';
import { passwordProblem } from '../../shared/staff.ts';
import { parseImportOptions } from '../interchange/import-options.ts';
import { TlsFileError, loadTlsCredentials, type TlsCredentials } from './tls/tls-files.ts';
import type { ImportOptions } from '../interchange/import-types.ts';
import { ssoSettings, type SsoSettings } from '../staff/sso-config.ts';
import { LOG_LEVELS, type LogLevel } from './logger.ts';
import { isPostgresUrl } from './postgres/url.ts';
import { DEFAULT_PASSWORD_COST, passwordCostProblem } from '../staff/password.ts';
import { PEER_TIMEOUT_MS, peerTimeoutProblem } from '../fleet/peer-timeout.ts';

export const BUNDLED_PROGRAMME = resolve(ROOT, 'programme/crimecop12-programme.txt');
export const DEMO_DATA_DIR = 'data/demo';
export const DEMO_CLOCK = '2024-10-14T12:55';
export const DEFAULT_PORT = 8080;

/** A bad option or variable; main.ts prints its message as one line and exits 2. */
export class ConfigError extends AppError {
  constructor(message: string) {
    super('invalid', message);
  }
}

export interface Config {
  port: number;
  /** Interface to listen on; undefined = all. */
  host: string | undefined;
  dataDir: string;
  /** Seeds an empty data directory. */
  programme: string;
  /** --timezone, --from/--to, --columns: how the programme file is read (as for npm run import). */
  programmeOptions: ImportOptions;
  /** --feed URL (repeatable): live feeds added at start. */
  feeds: string[];
  /** --feed-interval 30s|5m: how often every feed is polled. */
  feedIntervalMs: number;
  /** 'real', or an ISO date-time; without an offset it is venue time. */
  clock: 'real' | string;
  speed: number;
  demo: boolean;
  /** Wipe the data directory before starting (demo mode only). */
  wipeDataDir: boolean;
  /** Set when the operator chose the staff password; otherwise one is generated on first start. */
  staffPassword: string | undefined;
  /**
   * The reverse proxies whose X-Forwarded-* count (so cookies get Secure behind HTTPS and the
   * login limits see the real client): false, or addresses / CIDRs / 'loopback'.
   */
  trustProxy: false | string[];
  /** OpenID Connect single sign-on (`--sso-*`, `SIGNAGE_SSO_*`); undefined = passwords only. */
  sso: SsoSettings | undefined;
  /** --tls-cert and --tls-key, read and checked: the server speaks HTTPS on --port. */
  tls: TlsCredentials | undefined;
  /** --http-redirect-port: plain HTTP here answers with a redirect to the HTTPS port. */
  httpRedirectPort: number | undefined;
  /** --metrics-port N: GET /metrics on 127.0.0.1:N (0 = any free port); off when undefined. */
  metricsPort: number | undefined;
  /** --log-level or LOG_LEVEL: the least severe level written. */
  logLevel: LogLevel;
  /** --redis or REDIS_URL: the Redis that joins this node to the others (fan-out, fleet); undefined = one node. */
  redis: string | undefined;
  /**
   * --database or DATABASE_URL: a PostgreSQL URL whose database holds everything nodes share
   * (several nodes on one database form a cluster); undefined = the data directory's SQLite file.
   */
  database: string | undefined;
  /** --password-cost N: scrypt's cost for the staff password hashes made from now on. */
  passwordCost: number;
  /** --peer-timeout 6s: a cluster node not heard from for this long is gone (its screens offline). */
  peerTimeoutMs: number;
}

const PORT_RANGE = 'must be a whole number between 0 and 65535';
const Port = z
  .string()
  .regex(/^\d{1,5}$/, PORT_RANGE)
  .transform(Number)
  .pipe(z.number().max(65535, PORT_RANGE));

const SPEED_RANGE = `must be a number between 0 and ${MAX_SPEED}`;
const Speed = z
  .string()
  .regex(/^\d+(\.\d+)?$/, SPEED_RANGE)
  .transform(Number)
  .pipe(z.number().max(MAX_SPEED, SPEED_RANGE));

/** True for 'real' and for ISO date-times with or without an offset. */
export function isClockSetting(value: string): boolean {
  if (value === 'real') return true;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && DateTime.fromISO(value, { setZone: true }).isValid;
}

function check<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ConfigError(`${name} ${result.error.issues[0]?.message ?? 'is invalid'} (got "${String(value)}")`);
}

/** SIGNAGE_ADMIN_PASSWORD, or SIGNAGE_STAFF_PASSWORD of the single-password version: the admin's password. */
function adminPassword(env: NodeJS.ProcessEnv): string | undefined {
  const name = env.SIGNAGE_ADMIN_PASSWORD ? 'SIGNAGE_ADMIN_PASSWORD' : 'SIGNAGE_STAFF_PASSWORD';
  const value = env[name];
  if (!value) return undefined;
  const problem = passwordProblem(value);
  if (problem) throw new ConfigError(`${name} ${problem} (the login is on the venue network)`);
  return value;
}

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `--trust-proxy` alone = a proxy on this machine; else a comma-separated list of addresses or CIDRs. */
function trustedProxies(value: string | undefined): false | string[] {
  if (value === undefined) return false;
  const items = value.split(',').map((item) => item.trim());
  for (const item of items) {
    const [address, bits, extra] = item.split('/');
    const family = isIP(address ?? '');
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (PROXY_KEYWORDS.has(item) || (family !== 0 && bitsOk && extra === undefined)) continue;
    throw new ConfigError(
      `--trust-proxy takes the proxy's address or CIDR, e.g. 10.0.0.5 or 10.0.0.0/24 (got "${item}")`,
    );
  }
  return items;
}

/** A bare `--trust-proxy` (no value) means the proxy runs on this machine. */
function withTrustProxyDefault(argv: string[]): string[] {
  return argv.flatMap((arg, index) => {
    if (arg !== '--trust-proxy') return [arg];
    const next = argv[index + 1];
    return next === undefined || next.startsWith('--') ? ['--trust-proxy=loopback'] : [arg];
  });
}

export const DEFAULT_FEED_INTERVAL_MS = 5 * 60_000;
/** Polling a source more often than this is hammering it. */
export const MIN_FEED_INTERVAL_MS = 10_000;

/** "30s", "5m", "1h" → milliseconds, at least MIN_FEED_INTERVAL_MS. */
export function feedInterval(text: string): number {
  const match = /^(\d{1,5})(s|m|h)$/.exec(text.trim());
  const ms = match ? Number(match[1]) * { s: 1_000, m: 60_000, h: 3_600_000 }[match[2] as 's' | 'm' | 'h'] : NaN;
  if (!(ms >= MIN_FEED_INTERVAL_MS)) {
    throw new ConfigError(
      `--feed-interval must be a duration such as 30s or 5m, at least ${MIN_FEED_INTERVAL_MS / 1000}s (got "${text}")`,
    );
  }
  return ms;
}

/** An http(s) URL, or ConfigError naming --feed. */
function feedUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`--feed must be an http:// or https:// URL (got "${text}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`--feed must be an http:// or https:// URL (got "${text}")`);
  return url.href;
}

/** Both files or neither; read and checked now (readable, PEM, key matches the certificate, not expired). */
function tlsSettings(certFile: string | undefined, keyFile: string | undefined): TlsCredentials | undefined {
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined) throw new ConfigError('--tls-key needs --tls-cert (the certificate) too');
  if (keyFile === undefined) throw new ConfigError('--tls-cert needs --tls-key (its private key) too');
  try {
    return loadTlsCredentials(resolve(certFile), resolve(keyFile));
  } catch (error) {
    if (error instanceof TlsFileError) throw new ConfigError(error.message);
    throw error;
  }
}

/** Throws ConfigError with one line for any bad option, unknown option or unreadable file. */
export function parseConfig(argv: string[], env: NodeJS.ProcessEnv): Config {
  let values;
  try {
    ({ values } = parseArgs({
      args: withTrustProxyDefault(argv),
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        programme: { type: 'string' },
        clock: { type: 'string' },
        speed: { type: 'string' },
        demo: { type: 'boolean' },
        'trust-proxy': { type: 'string' },
        timezone: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        columns: { type: 'string' },
        feed: { type: 'string', multiple: true },
        'feed-interval': { type: 'string' },
        'sso-issuer': { type: 'string' },
        'sso-client-id': { type: 'string' },
        'sso-redirect-url': { type: 'string' },
        'sso-name': { type: 'string' },
        'sso-scope': { type: 'string' },
        'sso-role-claim': { type: 'string' },
        'sso-role-map': { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'http-redirect-port': { type: 'string' },
        'metrics-port': { type: 'string' },
        'log-level': { type: 'string' },
        redis: { type: 'string' },
        database: { type: 'string' },
        'password-cost': { type: 'string' },
        'peer-timeout': { type: 'string' },
      },
    }));
  } catch (error) {
    // node's messages are clear ("Unknown option '--prot'"); some span lines, we want one.
    throw new ConfigError((error as Error).message.split('\n').join(' '));
  }
  const demo = values.demo ?? false;
  if (demo && values['data-dir'] !== undefined) {
    throw new ConfigError(`--demo always uses ${DEMO_DATA_DIR} (wiped at each start); leave out --data-dir`);
  }

  const port = check(
    Port,
    values.port ?? env.PORT ?? String(DEFAULT_PORT),
    values.port !== undefined ? '--port' : 'PORT',
  );
  const speed = check(Speed, values.speed ?? '1', '--speed');
  const clock = values.clock ?? (demo ? DEMO_CLOCK : 'real');
  if (!isClockSetting(clock)) {
    throw new ConfigError(`--clock must be "real" or an ISO date-time such as 2024-10-14T13:20 (got "${clock}")`);
  }
  const programme = resolve(values.programme ?? BUNDLED_PROGRAMME);
  try {
    accessSync(programme, constants.R_OK);
  } catch {
    throw new ConfigError(`--programme: cannot read ${programme}`);
  }
  let programmeOptions: ImportOptions;
  try {
    programmeOptions = parseImportOptions(values);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const feeds = (values.feed ?? []).map(feedUrl);
  const feedIntervalMs =
    values['feed-interval'] === undefined ? DEFAULT_FEED_INTERVAL_MS : feedInterval(values['feed-interval']);
  const dataDirSetting = demo ? DEMO_DATA_DIR : (values['data-dir'] ?? env.SIGNAGE_DATA_DIR ?? './data');
  if (dataDirSetting.trim() === '') throw new ConfigError('--data-dir must not be empty');
  const host = values.host;
  if (host !== undefined && host.trim() === '') throw new ConfigError('--host must not be empty');
  let sso: SsoSettings | undefined;
  try {
    sso = ssoSettings(values, env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }

  const tls = tlsSettings(values['tls-cert'], values['tls-key']);
  const redirect = values['http-redirect-port'];
  const httpRedirectPort = redirect === undefined ? undefined : check(Port, redirect, '--http-redirect-port');
  if (httpRedirectPort !== undefined && !tls) {
    throw new ConfigError('--http-redirect-port redirects to HTTPS: give --tls-cert and --tls-key too');
  }
  if (httpRedirectPort !== undefined && httpRedirectPort !== 0 && httpRedirectPort === port) {
    throw new ConfigError(`--http-redirect-port must differ from --port (both ${port})`);
  }

  const redis = redisUrl(values.redis, env.REDIS_URL);
  const database = databaseUrl(values.database, env.DATABASE_URL);
  // Nodes on separate SQLite files would each have their own schedule: no cluster at all.
  if (redis !== undefined && database === undefined) {
    throw new ConfigError('--redis joins a cluster, whose nodes share one PostgreSQL: give --database too');
  }

  return {
    port,
    host,
    dataDir: resolve(dataDirSetting),
    programme,
    programmeOptions,
    feeds,
    feedIntervalMs,
    clock,
    speed,
    demo,
    wipeDataDir: demo,
    staffPassword: adminPassword(env),
    trustProxy: trustedProxies(values['trust-proxy']),
    sso,
    tls,
    httpRedirectPort,
    ...monitoring(values, env),
    redis,
    database,
    passwordCost: passwordCost(values['password-cost'], env),
    peerTimeoutMs: values['peer-timeout'] === undefined ? PEER_TIMEOUT_MS : peerTimeout(values['peer-timeout']),
  };
}

/** --password-cost: scrypt's N, a power of two; never below the safe floor with NODE_ENV=production. */
function passwordCost(text: string | undefined, env: NodeJS.ProcessEnv): number {
  if (text === undefined) return DEFAULT_PASSWORD_COST;
  const N = /^\d{1,7}$/.test(text) ? Number(text) : NaN;
  const problem = passwordCostProblem(N, env.NODE_ENV === 'production');
  if (problem) throw new ConfigError(`--password-cost ${problem} (got "${text}")`);
  return N;
}

/** "6s", "1500ms" → milliseconds, within the range fleet/peer-timeout.ts allows. */
export function peerTimeout(text: string): number {
  const match = /^(\d{1,6})(ms|s)$/.exec(text.trim());
  const ms = match ? Number(match[1]) * (match[2] === 's' ? 1_000 : 1) : NaN;
  const problem = peerTimeoutProblem(ms);
  if (problem) throw new ConfigError(`--peer-timeout ${problem}, e.g. 6s or 1500ms (got "${text}")`);
  return ms;
}

/** redis://[user:password@]host[:port][/db] or rediss:// (TLS); reachability is checked at start by start-server.ts. */
function redisUrl(option: string | undefined, variable: string | undefined): string | undefined {
  const text = option ?? (variable || undefined);
  if (text === undefined) return undefined;
  const name = option !== undefined ? '--redis' : 'REDIS_URL';
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') {
    // The URL may carry a password: say what is wrong without echoing it.
    throw new ConfigError(`${name} must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379`);
  }
  return url.href;
}

/** --database / DATABASE_URL: only a PostgreSQL URL naming a database is taken. */
function databaseUrl(option: string | undefined, variable: string | undefined): string | undefined {
  const value = option ?? (variable === '' ? undefined : variable);
  if (value === undefined) return undefined;
  const name = option !== undefined ? '--database' : 'DATABASE_URL';
  if (!isPostgresUrl(value)) {
    // The URL may carry a password: say what is wrong without echoing it.
    throw new ConfigError(`${name} must be a PostgreSQL URL such as postgres://USER@HOST:5432/DB`);
  }
  return value;
}

/** --metrics-port and --log-level (LOG_LEVEL): what the operator watches the server with. */
function monitoring(
  values: { 'metrics-port'?: string | undefined; 'log-level'?: string | undefined },
  env: NodeJS.ProcessEnv,
): Pick<Config, 'metricsPort' | 'logLevel'> {
  const metricsPort =
    values['metrics-port'] === undefined ? undefined : check(Port, values['metrics-port'], '--metrics-port');
  const level = values['log-level'] ?? env.LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    const name = values['log-level'] !== undefined ? '--log-level' : 'LOG_LEVEL';
    throw new ConfigError(`${name} must be one of ${LOG_LEVELS.join(', ')} (got "${level}")`);
  }
  return { metricsPort, logLevel: level as LogLevel };
}
