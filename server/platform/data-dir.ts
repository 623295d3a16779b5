/**
 * One server per data directory. Two servers on one directory serve diverging revisions and
 * overwrite each other's files, so the first to start holds `signage.lock` (its pid) for its whole
 * life and every later one — a second server, a restore — is refused with a line naming it.
 * Also turns the ways a data directory can be unusable into one readable line each.
 */
import fs from 'node:fs';
import path from 'node:path';
import { firstLine } from './first-line.ts';

export const LOCK_FILE = 'signage.lock';

export class DataDirError extends Error {}

interface LockOwner {
  pid: number;
  startedAt: string;
  command: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
    return Number.isInteger(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** The process holding the directory, when one is running. */
export function dataDirOwner(dataDir: string): LockOwner | undefined {
  const owner = readOwner(path.join(dataDir, LOCK_FILE));
  return owner && owner.pid !== process.pid && isAlive(owner.pid) ? owner : undefined;
}

function inUse(dataDir: string, owner: LockOwner): DataDirError {
  return new DataDirError(
    `--data-dir ${dataDir} is in use by another signage process (pid ${owner.pid}, ${owner.command}, started ${owner.startedAt}); stop it first`,
  );
}

/** For commands that must not touch a directory a server is running on (restore, the demo's wipe). */
export function refuseIfInUse(dataDir: string): void {
  const owner = dataDirOwner(dataDir);
  if (owner) throw inUse(dataDir, owner);
}

/** Creates the directory (private: it holds passcodes and the password hash) or says why it can't. */
export function prepareDataDir(dataDir: string): void {
  try {
    const stat = fs.statSync(dataDir, { throwIfNoEntry: false });
    if (stat && !stat.isDirectory()) throw new DataDirError(`--data-dir ${dataDir} is a file, not a directory`);
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (error) {
    if (error instanceof DataDirError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
      throw new DataDirError(
        `--data-dir ${dataDir} cannot be created or written (permission denied; check its parent folder)`,
      );
    }
    if (code === 'ENOTDIR' || code === 'EEXIST') {
      throw new DataDirError(`--data-dir ${dataDir}: a part of that path is a file, not a directory`);
    }
    throw new DataDirError(`--data-dir ${dataDir} is unusable: ${firstLine(error)}`);
  }
}

/**
 * Takes the directory for this process's life (released at exit). A lock left by a process that
 * died (kill -9, power cut) is taken over: only a running owner blocks.
 */
export function lockDataDir(dataDir: string, command = 'signage server'): { release(): void } {
  const file = path.join(dataDir, LOCK_FILE);
  const body = JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), command } satisfies LockOwner);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, body, { flag: 'wx', mode: 0o600 });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        // Only our own lock: never delete one a later owner took over.
        if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DataDirError(`cannot lock --data-dir ${dataDir}: ${firstLine(error)}`);
      }
      const owner = readOwner(file);
      if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw inUse(dataDir, owner);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new DataDirError(`cannot lock --data-dir ${dataDir}: another process keeps taking it`);
}

/**
 * What the server does with its --data-dir before it opens anything in it: refuse one another
 * process holds (before the demo's wipe can touch it), create it, and hold it for this process.
 */
export function takeDataDir(dataDir: string, options: { wipe?: boolean } = {}): { release(): void } {
  refuseIfInUse(dataDir);
  if (options.wipe) fs.rmSync(dataDir, { recursive: true, force: true });
  prepareDataDir(dataDir);
  return lockDataDir(dataDir, 'signage server');
}
