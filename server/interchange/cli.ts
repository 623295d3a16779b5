/**
 * npm run import -- FILE [--timezone ZONE] [--from YYYY-MM-DD --to YYYY-MM-DD] [--columns MAP]
 *
 * Prints the normalised schedule { timezone, venues, sessions } as JSON on stdout and the
 * warnings on stderr ("FILE:LINE: warning: …"); exits 1 with one line on stderr when the file
 * cannot be used.
 */
import { parseArgs } from 'node:util';
import { formatProblem, formatWarning, readScheduleFile } from './load-file.ts';
import { ImportProblemsError } from './import-error.ts';
import type { ImportOptions } from './import-types.ts';
import { parseImportOptions } from './import-options.ts';
import { isEntryPoint } from '../platform/entry-point.ts';
import { firstLine } from '../platform/first-line.ts';

const USAGE =
  'usage: npm run import -- FILE [--timezone ZONE] [--from YYYY-MM-DD --to YYYY-MM-DD] [--columns title=Session,start=From,...]';

export function runCli(argv: string[]): number {
  let file: string;
  let options: ImportOptions;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        timezone: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        columns: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new Error(positionals.length ? 'one file at a time' : 'no file given');
    file = positionals[0]!;
    options = parseImportOptions(values);
  } catch (error) {
    process.stderr.write(`import: ${(error as Error).message} (${USAGE})\n`);
    return 1;
  }

  try {
    const { programme, warnings } = readScheduleFile(file, options);
    for (const warning of warnings) process.stderr.write(`${formatWarning(file, warning)}\n`);
    const { timezone: zone, venues, sessions } = programme;
    process.stdout.write(`${JSON.stringify({ timezone: zone, venues, sessions }, null, 2)}\n`);
    return 0;
  } catch (error) {
    // Each problem as FILE:LINE (editors jump there), then the one-line summary.
    if (error instanceof ImportProblemsError) {
      for (const problem of error.problems) process.stderr.write(`${formatProblem(file, problem)}\n`);
    }
    process.stderr.write(`import: ${firstLine(error)}\n`);
    return 1;
  }
}

if (isEntryPoint(import.meta.url)) {
  // A reader that stops early (`| head`) is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  // exitCode (not exit()) so a large JSON on a pipe is flushed before the process ends.
  process.exitCode = runCli(process.argv.slice(2));
}
