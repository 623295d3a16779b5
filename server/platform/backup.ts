/**
 * Backups of the schedule database. `backup` uses SQLite's online backup from a second connection,
 * so it runs beside a live server and copies one consistent state (every commit acknowledged
 * before it started is in it). `restore` only goes into a stopped data directory and gives the
 * copy a new schedule id: screens then see "another schedule" and resync instead of applying
 * revisions that no longer mean what they did.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../schedule/store/sqlite-store.ts';
import { newScheduleId } from '../schedule/store/schedule-id.ts';
import { DataDirError, lockDataDir, refuseIfInUse } from './data-dir.ts';
import { firstLine } from './first-line.ts';

export class BackupError extends Error {}

function checkTarget(target: string): void {
  if (fs.existsSync(target))
    throw new BackupError(`${target} already exists; choose a new file name (nothing was overwritten)`);
  const folder = path.dirname(target);
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    throw new BackupError(`cannot write ${target}: its folder ${folder} is missing or not writable`);
  }
}

/** Refuses anything that is not a signage database holding a schedule. */
function checkIsSignageDatabase(file: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const meta = db.prepare('SELECT schedule_id FROM meta WHERE id = 1').get();
    if (!meta) throw new Error('no schedule in it');
  } catch (error) {
    throw new BackupError(`${file} is not a signage backup (${firstLine(error)})`);
  } finally {
    db?.close();
  }
}

export async function backupDataDir(dataDir: string, target: string): Promise<void> {
  const source = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(source)) throw new BackupError(`${source} does not exist; is --data-dir right?`);
  checkTarget(target);
  const db = new Database(source, { fileMustExist: true });
  try {
    // The live server may hold the write lock for a moment; wait rather than fail.
    db.pragma('busy_timeout = 5000');
    await db.backup(target);
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw new BackupError(`backup failed: ${firstLine(error)}`);
  } finally {
    db.close();
  }
  fs.chmodSync(target, 0o600);
}

export function restoreDataDir(dataDir: string, backup: string): { scheduleId: string } {
  try {
    refuseIfInUse(dataDir);
  } catch (error) {
    if (error instanceof DataDirError)
      throw new BackupError(`${error.message}; restore only into a stopped server's directory`);
    throw error;
  }
  if (!fs.existsSync(backup)) throw new BackupError(`${backup} does not exist`);
  checkIsSignageDatabase(backup);
  if (!fs.statSync(dataDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new BackupError(`--data-dir ${dataDir} is not a directory`);
  }
  const lock = lockDataDir(dataDir, 'signage restore');
  try {
    const target = path.join(dataDir, DATABASE_FILE);
    const staging = `${target}.restoring-${process.pid}`;
    fs.copyFileSync(backup, staging);
    fs.chmodSync(staging, 0o600);
    const scheduleId = newScheduleId();
    const db = new Database(staging);
    try {
      db.prepare('UPDATE meta SET schedule_id = ? WHERE id = 1').run(scheduleId);
    } finally {
      db.close();
    }
    // The old database's WAL belongs to the old file: left beside the new one it would be replayed.
    for (const stale of [`${target}-wal`, `${target}-shm`]) fs.rmSync(stale, { force: true });
    fs.renameSync(staging, target);
    return { scheduleId };
  } finally {
    lock.release();
  }
}
