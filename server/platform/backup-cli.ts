/**
 * `npm run backup -- --data-dir DIR FILE` and `npm run restore -- --data-dir DIR FILE`.
 * Problems end with one line and exit code 2, and change nothing.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, backupDataDir, restoreDataDir } from './backup.ts';

function fail(message: string): never {
  process.stderr.write(`signage: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== 'backup' && command !== 'restore') fail('usage: backup-cli.ts backup|restore --data-dir DIR FILE');
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' } },
    }));
  } catch (error) {
    fail((error as Error).message.split('\n').join(' '));
  }
  const dataDir = values['data-dir'] ?? process.env.SIGNAGE_DATA_DIR;
  if (!dataDir) fail(`${command}: --data-dir DIR is required`);
  if (positionals.length !== 1) fail(`${command}: give exactly one FILE (got ${positionals.length})`);
  const file = resolve(positionals[0]!);
  try {
    if (command === 'backup') {
      await backupDataDir(resolve(dataDir), file);
      process.stdout.write(`Backed up ${resolve(dataDir)} to ${file}\n`);
    } else {
      const { scheduleId } = restoreDataDir(resolve(dataDir), file);
      process.stdout.write(
        `Restored ${file} into ${resolve(dataDir)} (new schedule id ${scheduleId}: screens will resync)\n`,
      );
    }
  } catch (error) {
    if (error instanceof BackupError) fail(error.message);
    throw error;
  }
}

await main();
