/** npm run backup / restore: an online copy under a write stream, restore with a new schedule id, refusals. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/platform/vite-build.ts';
import { tsxCommand } from '../support/cli.ts';
import { openSqliteStore } from '../../server/schedule/store/sqlite-store.ts';
import { BackupError, backupDataDir, restoreDataDir } from '../../server/platform/backup.ts';
import { openService, removeDir, staff, tempDataDir } from '../unit/domain-fixture.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));
function dir(): string {
  const made = tempDataDir();
  dirs.push(made);
  return made;
}

function cli(
  command: 'backup' | 'restore',
  dataDir: string,
  file: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(...tsxCommand('server/platform/backup-cli.ts', [command, '--data-dir', dataDir, file]), {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

function expectRefusal(result: { code: number | null; stderr: string }, message: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(message);
}

/**
 * The CLI prints a BackupError's message after "signage: " with exit 2 (one real refusal below
 * proves it); the other refusals are checked in-process at the same call, without a process start.
 */
async function expectInProcessRefusal(action: () => unknown, message: RegExp): Promise<void> {
  const error = await Promise.resolve()
    .then(action)
    .then(
      () => new Error('it was not refused'),
      (refusal: unknown) => refusal as Error,
    );
  expect(error).toBeInstanceOf(BackupError);
  expect(error.message.split('\n')).toHaveLength(1);
  expect(error.message).toMatch(message);
}

/** Real processes side by side: each start is slow on a busy machine. */
const SPAWN_TIMEOUT_MS = 120_000;

// Every test has its own directories: they run at once (their CLI processes' starts overlap).
describe.concurrent('backup and restore', { timeout: SPAWN_TIMEOUT_MS }, () => {
  describe('backup under a write stream, then restore', () => {
    it('holds every write acknowledged before the backup started, and the restore gets a new schedule id', async () => {
      const live = dir();
      const service = await openService(live);
      const acknowledged: string[] = [];
      let writing = true;
      const stream = (async () => {
        while (writing) {
          acknowledged.push(
            (await service.createAnnouncement({ text: `note ${acknowledged.length}` }, staff)).value.id,
          );
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      while (acknowledged.length < 50) await new Promise((resolve) => setImmediate(resolve));
      const beforeBackup = [...acknowledged];
      const file = join(dir(), 'signage-backup.db');
      const backup = await cli('backup', live, file);
      writing = false;
      await stream;
      expect(backup).toMatchObject({ code: 0, stderr: '' });
      // The writes went on while the copy was made.
      expect(acknowledged.length).toBeGreaterThan(beforeBackup.length);
      const liveScheduleId = service.schedule().scheduleId;
      await service.close();

      const restored = dir();
      const restore = await cli('restore', restored, file);
      expect(restore).toMatchObject({ code: 0, stderr: '' });
      expect(restore.stdout).toMatch(/new schedule id [0-9a-f]{16}/);
      const store = openSqliteStore(restored);
      const schedule = (await store.load())!;
      await store.close();
      const ids = new Set(schedule.announcements.map((announcement) => announcement.id));
      for (const id of beforeBackup) expect(ids.has(id)).toBe(true);
      expect(schedule.scheduleId).not.toBe(liveScheduleId);
      expect(existsSync(join(restored, 'signage.lock'))).toBe(false);
    });
  });

  describe('bad input: one line, exit 2, nothing changed', () => {
    it('a backup target that exists (through the real CLI: one line, exit 2)', async () => {
      const live = dir();
      await (await openService(live)).close();
      const file = join(dir(), 'taken.db');
      writeFileSync(file, 'keep me');
      expectRefusal(await cli('backup', live, file), /taken\.db already exists/);
      expect(readFileSync(file, 'utf8')).toBe('keep me');
    });

    it('a backup target in a folder that does not exist', async () => {
      const live = dir();
      await (await openService(live)).close();
      await expectInProcessRefusal(
        () => backupDataDir(live, join(dir(), 'no-such-folder', 'b.db')),
        /folder .*no-such-folder is missing or not writable/,
      );
    });

    it("a restore into a running server's directory", async () => {
      const live = dir();
      await (await openService(live)).close();
      const file = join(dir(), 'b.db');
      await backupDataDir(live, file);
      const before = statSync(join(live, 'signage.db')).mtimeMs;
      // A live process other than the one restoring holds the directory (the test runner's parent).
      const holder = process.ppid;
      writeFileSync(
        join(live, 'signage.lock'),
        JSON.stringify({ pid: holder, startedAt: 'now', command: 'signage server' }),
      );
      await expectInProcessRefusal(
        () => restoreDataDir(live, file),
        new RegExp(`in use by another signage process \\(pid ${holder}.*restore only into a stopped`),
      );
      expect(statSync(join(live, 'signage.db')).mtimeMs).toBe(before);
    });

    it('a restore from a file that is not a backup', async () => {
      const target = dir();
      mkdirSync(target, { recursive: true });
      const file = join(dir(), 'notes.db');
      writeFileSync(file, 'not a database at all '.repeat(100));
      await expectInProcessRefusal(() => restoreDataDir(target, file), /notes\.db is not a signage backup/);
      expect(existsSync(join(target, 'signage.db'))).toBe(false);
      rmSync(file);
    });
  });
});
