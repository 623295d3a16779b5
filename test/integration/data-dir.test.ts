/** One server per data directory, and unusable data directories refused with one line (issue 14, item 4). */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/platform/vite-build.ts';
import { tsxCommand } from '../support/cli.ts';
import { startTestServer } from '../support/server.ts';
import { openNodeStores } from '../../server/platform/stores.ts';
import { DataDirError, LOCK_FILE, prepareDataDir, takeDataDir } from '../../server/platform/data-dir.ts';
import { startServerInProcess } from '../support/server-process.ts';

// Every test waits on the server's own output or exit, never a fixed sleep; on a busy machine a
// start takes many seconds, hence the generous budget.
const SPAWN_TIMEOUT_MS = 120_000;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'signage-datadir-'));
  chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}

/** Root passes every permission check; withoutOverride drops that power (util-linux setpriv). */
const DROP_OVERRIDE = ['--bounding-set=-dac_override,-dac_read_search', '--inh-caps=-dac_override,-dac_read_search'];

function start(dataDir: string, options: { withoutOverride?: boolean } = {}): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, SIGNAGE_STAFF_PASSWORD: 'data-dir-test-password' };
  delete env.PORT;
  const server = tsxCommand('server/main.ts', ['--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir]);
  const [command, argv] = options.withoutOverride ? ['setpriv', [...DROP_OVERRIDE, server[0], ...server[1]]] : server;
  return spawn(command, argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

function run(
  dataDir: string,
  options: { withoutOverride?: boolean } = {},
): Promise<{ code: number | null; stderr: string }> {
  const child = start(dataDir, options);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

const ports = new WeakMap<ChildProcess, Promise<number>>();
function portOf(child: ChildProcess): Promise<number> {
  return ports.get(child)!;
}

function started(child: ChildProcess): Promise<void> {
  let output = '';
  let foundPort: (port: number) => void = () => {};
  ports.set(child, new Promise((resolve) => (foundPort = resolve)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const port = /127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      if (port) foundPort(Number(port));
      if (/Staff password/.test(output)) resolve();
    });
    child.once('close', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('close', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

function expectOneLineRefusal(result: { code: number | null; stderr: string }, message: RegExp): void {
  expect(result.code).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^signage: /);
  expect(lines[0]).toMatch(message);
}

/**
 * A data directory a server made and stopped cleanly. Made once in this process (the same
 * database, migrations and seed as the program's) and copied for each test: only the refusals
 * after it need a real process.
 */
let cleanDataDir: string;
beforeAll(async () => {
  cleanDataDir = join(tempDir(), 'data');
  await (await startTestServer({ dataDir: cleanDataDir })).stop();
});

function usedDataDir(): string {
  const dataDir = join(tempDir(), 'data');
  cpSync(cleanDataDir, dataDir, { recursive: true });
  return dataDir;
}

/**
 * main.ts turns every refusal of the stores into "signage: cannot open the schedule: LINE" and exit
 * 2 (one real run below proves it); the other damages are checked in-process at the same call.
 */
async function storesRefusal(dataDir: string): Promise<string> {
  const refusal = await openNodeStores({ dataDir }).then(
    (stores) => stores.close().then(() => new Error('the stores opened')),
    (error: unknown) => error as Error,
  );
  return refusal.message.split('\n')[0]!;
}

// The tests share nothing but the clean data directory they copy, so they run at once: the real
// processes' starts (mostly imports) overlap.
describe.concurrent('data directories', () => {
  describe('one server per data directory', { timeout: SPAWN_TIMEOUT_MS }, () => {
    it('a second server on the same directory is refused naming the first, which keeps serving; its lock is released at exit', async () => {
      const dataDir = join(tempDir(), 'data');
      const first = start(dataDir);
      await started(first);
      try {
        // The lock names the process that really holds it (read from the file, whatever runs the server).
        const holder = JSON.parse(readFileSync(join(dataDir, 'signage.lock'), 'utf8')).pid as number;
        const second = await run(dataDir);
        expectOneLineRefusal(
          second,
          new RegExp(`is in use by another signage process \\(pid ${holder}, signage server, started `),
        );
        expect((await fetch(`http://127.0.0.1:${await portOf(first)}/api/clock`)).status).toBe(200);
      } finally {
        expect(await stop(first)).toBe(0);
      }
      // Released at exit: the lock is gone.
      expect(existsSync(join(dataDir, 'signage.lock'))).toBe(false);
    });

    // main.ts takes the directory with takeDataDir before it loads the server: checked here, with
    // the start after it in this process (the test above is the real processes' lock and release).
    it('a lock left by a process that died is taken over', async () => {
      const dataDir = usedDataDir();
      // No process has pid 2^22 + 1, above Linux's pid_max default.
      writeFileSync(
        join(dataDir, 'signage.lock'),
        JSON.stringify({ pid: 4194305, startedAt: 'earlier', command: 'signage server' }),
      );
      const lock = takeDataDir(dataDir);
      try {
        expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({
          pid: process.pid,
          command: 'signage server',
        });
        const again = await startServerInProcess(['--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], {
          SIGNAGE_STAFF_PASSWORD: 'data-dir-test-password',
        });
        expect(again.output).toMatch(/Staff password: from SIGNAGE_STAFF_PASSWORD/);
        await again.server.close();
      } finally {
        lock.release();
      }
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    });
  });

  describe('damaged databases are refused, never re-seeded over', { timeout: SPAWN_TIMEOUT_MS }, () => {
    it('a zero-byte signage.db', async () => {
      const dataDir = usedDataDir();
      writeFileSync(join(dataDir, 'signage.db'), '');
      expectOneLineRefusal(
        await run(dataDir),
        /signage: cannot open the schedule: .*signage\.db is empty \(zero bytes\)/,
      );
      expect(statSync(join(dataDir, 'signage.db')).size).toBe(0);
    });

    it('a signage.db that is not a database', async () => {
      const dataDir = usedDataDir();
      const garbage = 'this is not sqlite '.repeat(400);
      writeFileSync(join(dataDir, 'signage.db'), garbage);
      expect(await storesRefusal(dataDir)).toMatch(/signage\.db is not a readable signage database \(damaged\)/);
      expect(readFileSync(join(dataDir, 'signage.db'), 'utf8')).toBe(garbage);
    });

    it('a deleted meta row', async () => {
      const dataDir = usedDataDir();
      const db = new Database(join(dataDir, 'signage.db'));
      db.exec('DELETE FROM meta');
      const venues = (db.prepare('SELECT count(*) AS n FROM venues').get() as { n: number }).n;
      db.close();
      expect(await storesRefusal(dataDir)).toMatch(/meta row is missing/);
      const after = new Database(join(dataDir, 'signage.db'), { readonly: true });
      expect(after.prepare('SELECT count(*) AS n FROM meta').get()).toEqual({ n: 0 });
      expect(after.prepare('SELECT count(*) AS n FROM venues').get()).toEqual({ n: venues });
      after.close();
    });
  });

  /** What main.ts prints after "signage: " (with exit 2) for a data directory it cannot use (the read-only parent below is the real run). */
  function dataDirRefusal(dataDir: string): string {
    try {
      prepareDataDir(dataDir);
    } catch (error) {
      if (error instanceof DataDirError) return error.message;
      throw error;
    }
    throw new Error(`${dataDir} was accepted`);
  }

  describe('unusable data directories', { timeout: SPAWN_TIMEOUT_MS }, () => {
    it('a --data-dir that is a file', () => {
      const file = join(tempDir(), 'not-a-dir');
      writeFileSync(file, 'notes');
      expect(dataDirRefusal(file)).toMatch(/--data-dir .*not-a-dir is a file, not a directory/);
      expect(readFileSync(file, 'utf8')).toBe('notes');
    });

    it('a --data-dir below a file', () => {
      const file = join(tempDir(), 'not-a-dir');
      writeFileSync(file, 'notes');
      expect(dataDirRefusal(join(file, 'data'))).toMatch(/a part of that path is a file/);
      expect(readFileSync(file, 'utf8')).toBe('notes');
    });

    it('a new --data-dir under a read-only parent', async () => {
      const parent = join(tempDir(), 'read-only');
      mkdirSync(parent, { mode: 0o555 });
      chmodSync(parent, 0o555);
      // root writes anywhere: without its override capability the parent really is read-only.
      const withoutOverride = process.getuid?.() === 0;
      expectOneLineRefusal(
        await run(join(parent, 'data'), { withoutOverride }),
        /cannot be created or written \(permission denied/,
      );
    });
  });
});
