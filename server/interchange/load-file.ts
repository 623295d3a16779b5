/**
 * Reading a schedule file from disk for the import CLI and for seeding the server's store.
 * Every way a file can be unusable ends in one ImportError with a one-line message that names
 * the file: missing, a directory, empty, binary, or of no known format.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Programme } from '../../shared/model.ts';
import { readSchedule, type ImportResult } from './detect-format.ts';
import { ImportError, type ImportOptions, type ImportWarning } from './import-types.ts';
import { ImportProblemsError } from './import-error.ts';
import { applyVenueFile, venueFileFor } from './venue-details.ts';

/** Invalid UTF-8 bytes kept as U+FFFD when they are this rare; more means binary. */
const STRAY_BYTES_PER_CHAR = 0.01;

/**
 * Text of a file, refusing anything that is not a non-empty text file. A few bytes that are not
 * UTF-8 (a feed with one Latin-1 "é") become U+FFFD and a warning rather than a refusal.
 */
export function readTextFile(path: string, warnings: ImportWarning[] = []): string {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new ImportError(`${path}: is a directory, not a schedule file`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new ImportError(`${path}: cannot read the file: ${reason}`);
  }
  if (bytes.includes(0))
    throw new ImportError(`${path}: binary file (contains NUL bytes), expected a UTF-8 text schedule`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
    const replaced = text.split('\uFFFD').length - 1;
    if (replaced > text.length * STRAY_BYTES_PER_CHAR) {
      throw new ImportError(`${path}: binary file (not valid UTF-8 text), expected a UTF-8 text schedule`);
    }
    const first = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    warnings.push({
      line: first,
      message: `${replaced} byte sequence${replaced === 1 ? ' is' : 's are'} not UTF-8 and shown as \uFFFD (first on this line)`,
    });
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new ImportError(`${path}: the file is empty`);
  return text;
}

/** Reads and imports a schedule file; errors are ImportErrors whose message names the file. */
export function readScheduleFile(path: string, options: ImportOptions = {}): ImportResult {
  const decoding: ImportWarning[] = [];
  const text = readTextFile(path, decoding);
  try {
    const result = readSchedule(text, options);
    return { ...result, warnings: [...decoding, ...result.warnings] };
  } catch (error) {
    if (error instanceof ImportProblemsError) throw new ImportProblemsError(error.problems, error.unit, path);
    if (error instanceof ImportError) throw new ImportError(`${path}: ${error.message}`);
    throw error;
  }
}

/** "FILE:LINE: warning: message", the form compilers use, so editors can jump to the line. */
export function formatWarning(path: string, warning: ImportWarning): string {
  return `${path}:${warning.line}: warning: ${warning.message}`;
}

/** "FILE:LINE: error: message", likewise, for each problem of a refused file. */
export function formatProblem(path: string, problem: ImportWarning): string {
  return `${path}:${problem.line}: error: ${problem.message}`;
}

export interface LoadOptions extends ImportOptions {
  /** Where warnings go; by default each is written to stderr as "FILE:LINE: warning: …". */
  onWarning?: (warning: ImportWarning, formatted: string) => void;
}

/**
 * The programme in a schedule file, for seeding the store (server/start-server.ts), with the venue file
 * beside it applied when there is one (see venue-details.ts). Throws an Error with
 * a one-line message on unusable input; warnings about single rows go to `onWarning`.
 */
export function loadProgrammeFile(path: string, options: LoadOptions = {}): Programme {
  const { onWarning = (_w, line) => process.stderr.write(`${line}\n`), ...importOptions } = options;
  const { programme, warnings } = readScheduleFile(path, importOptions);
  for (const warning of warnings) onWarning(warning, formatWarning(path, warning));
  const venueFile = venueFileFor(path);
  return venueFile ? applyVenueFile(programme, venueFile) : programme;
}
