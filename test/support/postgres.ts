/**
 * A real PostgreSQL for the tests, from the machine's own installation (Debian's
 * /usr/lib/postgresql/<version>/bin): started once per run by the vitest globalSetup below, in a
 * fresh temporary directory (data and socket), on a free port, with fsync on as in production.
 * PostgreSQL refuses to run as root, so under root it runs as the `postgres` user (runuser).
 * Each test file gets a database of its own (freshDatabase). Without PostgreSQL the tests that
 * need it are skipped with one line saying so (postgresTests).
 *
 *   const pg = postgresTests();            // in a test file
 *   describe.skipIf(!pg.available)('…', () => { const url = await pg.freshDatabase(); … });
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server's admin URL, or why there is none. */
    postgres: { url: string } | { unavailable: string };
  }
}

const SUPERUSER = 'signage';

function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary, as the postgres user when this process is root. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

/** Starts a throw-away PostgreSQL server; rejects with a one-line reason when it cannot. */
export async function startPostgres(): Promise<RunningPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const root = mkdtempSync(join(tmpdir(), 'signage-pg-'));
  const data = join(root, 'data');
  chmodSync(root, 0o755);
  if (process.getuid?.() === 0) {
    const user = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (user.status !== 0) throw new Error('running as root and there is no postgres user to run PostgreSQL as');
    chownSync(root, Number(user.stdout), Number(group.stdout));
  }
  const [initdb, initArgs] = asServerUser(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    SUPERUSER,
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const init = spawnSync(initdb, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`initdb failed: ${(init.stderr || init.stdout).trim().split('\n').at(-1)}`);
  }
  const port = await freePort();
  const [postgres, args] = asServerUser(join(bin, 'postgres'), [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    root,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=on',
    '-c',
    'max_connections=300',
  ]);
  const server: ChildProcess = spawn(postgres, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let log = '';
    server.stderr!.setEncoding('utf8');
    server.stderr!.on('data', (chunk: string) => {
      log += chunk;
      if (log.includes('database system is ready to accept connections')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`postgres exited (${code}): ${log.trim().split('\n').at(-1)}`)));
  }).catch((error: unknown) => {
    rmSync(root, { recursive: true, force: true });
    throw error;
  });
  return {
    url: `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`,
    async stop() {
      // SIGINT: PostgreSQL's fast shutdown (disconnects clients, then exits cleanly).
      if (server.exitCode === null) server.kill('SIGINT');
      await exited;
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** vitest globalSetup: one server for the whole run, its URL provided to every test file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let running: RunningPostgres | undefined;
  try {
    running = await startPostgres();
    project.provide('postgres', { url: running.url });
  } catch (error) {
    project.provide('postgres', { unavailable: (error as Error).message });
  }
  return async () => {
    await running?.stop();
  };
}

let announced = false;

/** What a test file needs from the shared server: whether there is one, and its own database. */
export function postgresTests(): { available: boolean; freshDatabase(): Promise<string> } {
  const provided = inject('postgres');
  if ('unavailable' in provided && !announced) {
    announced = true;
    console.log(`PostgreSQL tests skipped: they need PostgreSQL installed (${provided.unavailable})`);
  }
  return {
    available: 'url' in provided,
    async freshDatabase() {
      if (!('url' in provided)) throw new Error(provided.unavailable);
      const name = `test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: provided.url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const url = new URL(provided.url);
      url.pathname = `/${name}`;
      return url.href;
    },
  };
}
