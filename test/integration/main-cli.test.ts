/**
 * server/main.ts as a program: configuration errors fail fast with one line; a good start prints
 * working URLs. What startServer decides after main.ts's own checks (refusals of the data, seeding,
 * the password line on a later start) is checked in this process, through startServerInProcess.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/platform/vite-build.ts';
import { AppError } from '../../server/platform/errors.ts';
import { openNodeStores } from '../../server/platform/stores.ts';
import { runScript, startServerInProcess, startServerProcess, stopProcess as stop } from '../support/server-process.ts';

// The real-process tests start `server/main.ts` and wait for what it prints (the "Staff password"
// line once it listens, or its exit): no fixed sleeps, and a budget that holds when the machine is
// busy. One process at a time: all at once (tried) cost about 20 % more CPU on 2 busy cores, for
// no steady gain in time (the suite's other worker wants the cores too).
const SPAWN_TIMEOUT_MS = 120_000;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'signage-cli-'));
  dirs.push(dir);
  return dir;
}

const run = (args: string[], env: Record<string, string> = {}) => runScript('server/main.ts', args, { env });
const startAndRead = (args: string[], env: Record<string, string> = {}) => startServerProcess(args, { env });

describe('server/main.ts as a program', () => {
  // The option rules themselves are unit-tested in-process (test/unit/config.test.ts); one bad
  // option here proves main.ts turns any ConfigError into exit code 2 and one prefixed line.
  describe('configuration errors', { timeout: SPAWN_TIMEOUT_MS }, () => {
    it('a bad option → exit 2 with one clear line', async () => {
      const { code, stdout, stderr } = await run(['--port', 'abc']);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^signage: /);
      expect(stderr).toMatch(/--port must be a whole number between 0 and 65535 \(got "abc"\)/);
    });
  });

  // main.ts prints a refused start's message after "signage: " with exit 2, as for a bad option
  // above (data-dir.test.ts runs one such refusal, a zero-byte database, as the real program).
  describe('unusable data', () => {
    async function refusal(args: string[]): Promise<AppError> {
      const error = await startServerInProcess(args).then(
        async ({ server }) => (await server.close(), new Error('the server started')),
        (refused: unknown) => refused as Error,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).kind).toBe('invalid');
      expect(error.message.split('\n')).toHaveLength(1);
      return error as AppError;
    }

    it('a programme file that is not a schedule → refused with one line naming the file', async () => {
      const dir = tempDir();
      const file = join(dir, 'notes.txt');
      writeFileSync(file, 'just some notes\nnothing like a programme\n');
      const { message } = await refusal(['--port', '0', '--data-dir', join(dir, 'data'), '--programme', file]);
      expect(message).toMatch(/^cannot open the schedule: .*notes\.txt/);
    });

    it('a damaged password file → refused saying how to recover', async () => {
      const dataDir = tempDir();
      writeFileSync(join(dataDir, 'staff-password.json'), '{ not json');
      const { message } = await refusal([
        '--port',
        '0',
        '--data-dir',
        dataDir,
        '--programme',
        join(ROOT, 'programme/crimecop12-programme.txt'),
      ]);
      expect(message).toMatch(/^cannot set up staff login: .*staff-password.json is unreadable; delete it/);
    });

    // Not the data's fault: main.ts exits 1 for it (a service manager may try again), not 2.
    it('a port that is taken → its own kind, naming the option', async () => {
      const taken = createServer();
      await new Promise<void>((listening) => taken.listen(0, '127.0.0.1', listening));
      const { port } = taken.address() as AddressInfo;
      try {
        const args = ['--port', String(port), '--host', '127.0.0.1', '--data-dir', join(tempDir(), 'data')];
        const error = await startServerInProcess(args).then(
          async ({ server }) => (await server.close(), new Error('the server started')),
          (refused: unknown) => refused as Error,
        );
        expect(error).toBeInstanceOf(AppError);
        expect([(error as AppError).kind, error.message]).toEqual([
          'cannot-listen',
          `cannot listen on --port ${port}: the port is already in use`,
        ]);
      } finally {
        await new Promise((closed) => taken.close(closed));
      }
    });
  });

  // One real first start serves both tests (a start is a second or more of CPU): the first reads
  // and fetches what it printed, the second its generated password, then stops it.
  describe('a good start', { timeout: SPAWN_TIMEOUT_MS }, () => {
    const dataDir = join(tempDir(), 'data');
    let first: Awaited<ReturnType<typeof startAndRead>>;
    beforeAll(async () => {
      first = await startAndRead([
        ...['--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir],
        ...['--clock', '2024-10-14T13:20', '--speed', '0'],
        // Not the default, so that the stored hash shows the option reached the running server.
        ...['--password-cost', '2048'],
      ]);
    }, SPAWN_TIMEOUT_MS);
    afterAll(async () => {
      if (first && first.child.exitCode === null) await stop(first.child);
    });
    const generatedPassword = () =>
      /Staff password \(shown only now; stored as a hash\): (\S+)/.exec(first.output)?.[1];

    it('prints the URLs of every door display, the lobby and the control panel, and they work', async () => {
      const urls = [...first.output.matchAll(/http:\/\/127\.0\.0\.1:\d+\/\S*/g)].map((m) => m[0]);
      const base = new URL(urls[0]!).origin;
      expect(urls).toContain(`${base}/control`);
      expect(urls).toContain(`${base}/display/lobby`);
      expect(urls).toContain(`${base}/display/room/CR3`);
      expect(urls).toContain(`${base}/display/room/M0E79`);
      expect(urls.some((url) => url.endsWith('/display/room/Online'))).toBe(false);
      for (const url of urls) expect((await fetch(url)).status).toBe(200);

      const clock = await (await fetch(`${base}/api/clock`)).json();
      expect(clock).toEqual({ now: '2024-10-14T13:20:00+02:00', simulated: true, speed: 0 });

      // The data directory it made holds passcodes and staff names: private to the server's user.
      const mode = (file: string) => statSync(join(dataDir, file)).mode & 0o777;
      expect(mode('.')).toBe(0o700);
      expect(mode('signage.db')).toBe(0o600);
      // The session key is in the database now, not in a file of its own.
      expect(existsSync(join(dataDir, 'session-secret'))).toBe(false);
    });

    it('generates a password on first start, shows it once, and keeps only its hash, at --password-cost', async () => {
      const password = generatedPassword();
      expect(password).toMatch(/^[a-z0-9-]{16,}$/);
      const base = /(http:\/\/127\.0\.0\.1:\d+)\/control/.exec(first.output)![1];
      const login = await fetch(`${base}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ password }),
      });
      expect(login.status).toBe(204);
      expect(await stop(first.child)).toBe(0);

      const stored = readFileSync(join(dataDir, 'signage.db'), 'latin1');
      expect(stored).not.toContain(password!);
      expect(stored).toContain('"algorithm":"scrypt"');
      const stores = await openNodeStores({ dataDir });
      try {
        expect((await stores.accounts.get('admin'))?.password).toMatchObject({
          algorithm: 'scrypt',
          N: 2048,
          r: 8,
          p: 1,
        });
      } finally {
        await stores.close();
      }

      // The next start's banner (startServer prints it, main.ts only starts it).
      const second = await startServerInProcess(['--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir]);
      await second.server.close();
      expect(second.output).not.toContain(password!);
      expect(second.output).toMatch(/Staff password: set earlier/);
    });
  });

  describe('--programme with the import options', () => {
    it('seeds a server from a file without a zone, read in the --timezone given', async () => {
      const dir = tempDir();
      const file = join(dir, 'programme.csv');
      writeFileSync(
        file,
        'Title,Date,Start,End,Room\nOpening,2025-10-06,09:00,10:00,Hall A\nWorkshop,2025-10-06,10:30,12:00,Room 2\n',
      );
      const { server, output } = await startServerInProcess(
        [
          '--port',
          '0',
          '--host',
          '127.0.0.1',
          '--data-dir',
          join(dir, 'data'),
          '--programme',
          file,
          '--timezone',
          'America/Montreal',
          '--clock',
          '2025-10-06T08:00',
          '--speed',
          '0',
        ],
        { SIGNAGE_STAFF_PASSWORD: 'from-the-environment' },
      );
      try {
        const base = new URL(/http:\/\/127\.0\.0\.1:\d+/.exec(output)![0]).origin;
        // A password from the environment is named in the banner, and it signs in.
        expect(output).toMatch(/Staff password: from SIGNAGE_STAFF_PASSWORD/);
        const login = await fetch(`${base}/api/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ password: 'from-the-environment' }),
        });
        expect(login.status).toBe(204);
        const schedule = await (await fetch(`${base}/api/schedule`)).json();
        expect(schedule.timezone).toBe('America/Montreal');
        expect(schedule.sessions.map((s: { title: string; start: string }) => [s.title, s.start])).toEqual([
          ['Opening', '2025-10-06T09:00:00-04:00'],
          ['Workshop', '2025-10-06T10:30:00-04:00'],
        ]);
      } finally {
        await server.close();
      }
    });
  });
});
