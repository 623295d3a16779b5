/**
 * parseConfig, the pure half of server/main.ts: command line and environment → Config, or one
 * ConfigError line. main-cli.test.ts checks that main.ts turns such an error into exit code 2.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_PROGRAMME,
  ConfigError,
  DEFAULT_FEED_INTERVAL_MS,
  DEFAULT_PORT,
  DEMO_CLOCK,
  DEMO_DATA_DIR,
  parseConfig,
} from '../../server/platform/config.ts';
import { DEFAULT_PASSWORD_COST } from '../../server/staff/password.ts';
import { PEER_TIMEOUT_MS } from '../../server/fleet/peer-timeout.ts';

function configError(argv: string[], env: NodeJS.ProcessEnv = {}): ConfigError {
  try {
    parseConfig(argv, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(argv)} ${JSON.stringify(env)}`);
}

describe('configuration errors', () => {
  it.each([
    [['--port', 'abc'], {}, /^--port must be a whole number between 0 and 65535 \(got "abc"\)$/],
    [['--port', '70000'], {}, /--port must be a whole number between 0 and 65535/],
    [[], { PORT: 'eighty' }, /^PORT must be a whole number/],
    [['--prot', '8080'], {}, /Unknown option '--prot'/],
    [['--programme', '/no/such/file.txt'], {}, /--programme: cannot read \/no\/such\/file.txt/],
    [['--clock', 'yesterday'], {}, /--clock must be "real" or an ISO date-time/],
    [['--clock', '2024-13-45T25:00'], {}, /--clock must be "real" or an ISO date-time/],
    [['--speed', 'fast'], {}, /--speed must be a number between 0 and 10000/],
    [['--speed=-2'], {}, /--speed must be a number between 0 and 10000/],
    [['--speed', '-2'], {}, /Option '--speed' argument is ambiguous.*--speed=-XYZ/],
    [['--demo', '--data-dir', '/tmp/x'], {}, /--demo always uses data\/demo/],
    [[], { SIGNAGE_STAFF_PASSWORD: 'x' }, /SIGNAGE_STAFF_PASSWORD must be at least 12 characters/],
    [['--host', ' '], {}, /--host must not be empty/],
    [['--data-dir', ''], {}, /--data-dir must not be empty/],
  ])('%j %j → one clear line', (argv, env, message) => {
    const error = configError(argv as string[], env as NodeJS.ProcessEnv);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });
});

describe('a good configuration', () => {
  it('defaults: port 8080 on every interface, ./data, the bundled programme, real time', () => {
    expect(parseConfig([], {})).toEqual({
      port: DEFAULT_PORT,
      host: undefined,
      dataDir: resolve('./data'),
      programme: BUNDLED_PROGRAMME,
      clock: 'real',
      speed: 1,
      demo: false,
      wipeDataDir: false,
      staffPassword: undefined,
      trustProxy: false,
      programmeOptions: {},
      feeds: [],
      feedIntervalMs: DEFAULT_FEED_INTERVAL_MS,
      sso: undefined,
      metricsPort: undefined,
      logLevel: 'info',
      redis: undefined,
      passwordCost: DEFAULT_PASSWORD_COST,
      peerTimeoutMs: PEER_TIMEOUT_MS,
    });
  });

  it('--redis (or REDIS_URL) joins a cluster; anything but a redis:// or rediss:// URL is refused', () => {
    const db = { DATABASE_URL: 'postgres://signage@db:5432/signage' };
    expect(parseConfig(['--redis', 'redis://10.0.0.7:6379'], db)).toMatchObject({ redis: 'redis://10.0.0.7:6379' });
    expect(parseConfig([], { ...db, REDIS_URL: 'rediss://cache.venue.lan' })).toMatchObject({
      redis: 'rediss://cache.venue.lan',
    });
    expect(parseConfig(['--redis', 'redis://a:6379'], { ...db, REDIS_URL: 'redis://b:6379' })).toMatchObject({
      redis: 'redis://a:6379',
    });
    expect(() => parseConfig(['--redis', 'redis://a:6379'], {})).toThrow(
      '--redis joins a cluster, whose nodes share one PostgreSQL: give --database too',
    );
    expect(() => parseConfig(['--redis', 'localhost:6379'], db)).toThrow(
      '--redis must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379',
    );
    expect(() => parseConfig([], { ...db, REDIS_URL: 'http://cache:6379' })).toThrow(/^REDIS_URL must be a redis:\/\//);
  });

  it('--metrics-port and the log level (option over LOG_LEVEL)', () => {
    expect(parseConfig(['--metrics-port', '9464'], { LOG_LEVEL: 'warn' })).toMatchObject({
      metricsPort: 9464,
      logLevel: 'warn',
    });
    expect(parseConfig(['--metrics-port', '0', '--log-level', 'debug'], { LOG_LEVEL: 'warn' })).toMatchObject({
      metricsPort: 0,
      logLevel: 'debug',
    });
  });

  it('--database or DATABASE_URL: a PostgreSQL URL, else one line that does not echo it', () => {
    const url = 'postgres://signage@db.venue.lan:5432/signage';
    expect(parseConfig(['--database', url], { DATABASE_URL: 'postgres://other@x/y' }).database).toBe(url);
    expect(parseConfig([], { DATABASE_URL: url }).database).toBe(url);
    expect(parseConfig([], { DATABASE_URL: '' }).database).toBeUndefined();
    expect(configError(['--database', 'mysql://root:secret@db/x']).message).toBe(
      '--database must be a PostgreSQL URL such as postgres://USER@HOST:5432/DB',
    );
    expect(configError([], { DATABASE_URL: 'postgres://db.venue.lan' }).message).toMatch(/^DATABASE_URL must be/);
  });

  it('options win over the environment, which wins over the defaults', () => {
    const env = { PORT: '9000', SIGNAGE_DATA_DIR: '/srv/signage', SIGNAGE_STAFF_PASSWORD: 'plenty-long-enough' };
    expect(parseConfig([], env)).toMatchObject({
      port: 9000,
      dataDir: '/srv/signage',
      staffPassword: 'plenty-long-enough',
    });
    const config = parseConfig(['--port', '0', '--data-dir', '/tmp/here', '--host', '127.0.0.1', '--trust-proxy'], env);
    expect(config).toMatchObject({ port: 0, dataDir: '/tmp/here', host: '127.0.0.1', trustProxy: ['loopback'] });
  });

  it('a simulated clock with or without an offset, at any allowed speed', () => {
    expect(parseConfig(['--clock', '2024-10-14T13:20', '--speed', '0'], {})).toMatchObject({
      clock: '2024-10-14T13:20',
      speed: 0,
    });
    expect(parseConfig(['--clock=2024-10-14T13:20+02:00', '--speed=2.5'], {})).toMatchObject({ speed: 2.5 });
  });

  it('demo mode starts at the demo clock in its own data directory, wiped at each start', () => {
    expect(parseConfig(['--demo'], {})).toMatchObject({
      demo: true,
      clock: DEMO_CLOCK,
      dataDir: resolve(DEMO_DATA_DIR),
      wipeDataDir: true,
    });
  });

  it('reads the programme with the same options as npm run import', () => {
    const config = parseConfig(
      [
        '--timezone',
        'America/Montreal',
        '--from',
        '2025-01-01',
        '--to',
        '2025-01-31',
        '--columns',
        'title=Session,start=From',
      ],
      {},
    );
    expect(config.programmeOptions).toEqual({
      timezone: 'America/Montreal',
      from: '2025-01-01',
      to: '2025-01-31',
      columns: { title: 'Session', start: 'From' },
    });
  });

  it('takes several --feed URLs and a --feed-interval', () => {
    const config = parseConfig(
      [
        '--feed',
        'https://pretalx.example.org/x/schedule.json',
        '--feed',
        'http://rooms.example.org/a.ics',
        '--feed-interval',
        '30s',
      ],
      {},
    );
    expect(config.feeds).toEqual(['https://pretalx.example.org/x/schedule.json', 'http://rooms.example.org/a.ics']);
    expect(config.feedIntervalMs).toBe(30_000);
    expect(parseConfig(['--feed-interval', '5m'], {}).feedIntervalMs).toBe(300_000);
  });
});

describe('programme and feed option errors', () => {
  it.each([
    [['--timezone', 'Mars/Olympus'], /^--timezone: unknown time zone "Mars\/Olympus"/],
    [['--from', '2025-01-01'], /^--from and --to go together$/],
    [['--from', '1 May', '--to', '2025-05-02'], /^--from: "1 May" is not a date \(expected YYYY-MM-DD\)$/],
    [['--from', '2025-05-03', '--to', '2025-05-02'], /^--to 2025-05-02 is before --from 2025-05-03$/],
    [['--columns', 'title'], /^--columns: "title" is not FIELD=Header/],
    [
      ['--feed', 'ftp://example.org/a.ics'],
      /^--feed must be an http:\/\/ or https:\/\/ URL \(got "ftp:\/\/example.org\/a.ics"\)$/,
    ],
    [['--feed', 'not a url'], /^--feed must be an http/],
    [['--feed-interval', '1s'], /^--feed-interval must be a duration such as 30s or 5m, at least 10s \(got "1s"\)$/],
    [['--feed-interval', 'often'], /^--feed-interval must be a duration/],
    [['--metrics-port', 'abc'], /^--metrics-port must be a whole number between 0 and 65535 \(got "abc"\)$/],
    [['--metrics-port', '70000'], /^--metrics-port must be a whole number between 0 and 65535/],
    [
      ['--log-level', 'loud'],
      /^--log-level must be one of fatal, error, warn, info, debug, trace, silent \(got "loud"\)$/,
    ],
  ])('%j → %s', (argv, message) => {
    expect(configError(argv).message).toMatch(message);
  });
});

describe('--password-cost and --peer-timeout', () => {
  it('take scrypt cost N and a duration in s or ms', () => {
    expect(parseConfig(['--password-cost', '32768'], {}).passwordCost).toBe(32768);
    // A slow demo machine may hash more cheaply outside production.
    expect(parseConfig(['--password-cost', '1024'], {}).passwordCost).toBe(1024);
    expect(parseConfig(['--peer-timeout', '2s'], {}).peerTimeoutMs).toBe(2_000);
    expect(parseConfig(['--peer-timeout', '1500ms'], {}).peerTimeoutMs).toBe(1_500);
  });

  it('NODE_ENV=production keeps the cost at the safe floor or above', () => {
    const production = { NODE_ENV: 'production' };
    expect(parseConfig([], production).passwordCost).toBe(DEFAULT_PASSWORD_COST);
    expect(parseConfig(['--password-cost', '32768'], production).passwordCost).toBe(32768);
    expect(configError(['--password-cost', '8192'], production).message).toBe(
      '--password-cost must be at least 16384 in production (NODE_ENV=production) (got "8192")',
    );
  });

  it.each([
    [['--password-cost', '5000'], /^--password-cost must be a power of two between 1024 and 32768 \(got "5000"\)$/],
    [['--password-cost', '512'], /^--password-cost must be a power of two between 1024 and 32768/],
    [['--password-cost', '65536'], /^--password-cost must be a power of two between 1024 and 32768/],
    [['--password-cost', 'high'], /^--password-cost must be a power of two/],
    [['--peer-timeout', '500ms'], /^--peer-timeout must be between 1s and 60s, e.g. 6s or 1500ms \(got "500ms"\)$/],
    [['--peer-timeout', '2m'], /^--peer-timeout must be between 1s and 60s/],
    [['--peer-timeout', '61s'], /^--peer-timeout must be between 1s and 60s/],
    [['--peer-timeout', 'soon'], /^--peer-timeout must be between/],
  ])('%j → %s', (argv, message) => {
    expect(configError(argv).message).toMatch(message);
  });
});
