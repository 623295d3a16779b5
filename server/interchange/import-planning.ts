/**
 * Reading a schedule file and planning its import, off the event loop when the file is large. A
 * 2 MB file takes seconds of luxon work; on the main thread that froze the clock endpoint and the
 * screens' sockets. Large files go to a worker thread (import-worker.ts) with a time budget; past
 * it the worker is stopped and the request answers 413 naming the budget.
 */
import type { ImportOptions } from './import-types.ts';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportPlan, MissingSessions } from '../../shared/import-plan.ts';
import type { Schedule } from '../../shared/model.ts';
import { AppError, type ErrorKind } from '../platform/errors.ts';
import { ImportProblemsError } from './import-error.ts';
import { planImport } from './import-plan.ts';
import { readSchedule } from './detect-format.ts';
import { ImportError } from './import-types.ts';

/** Files above this size are read in a worker thread. */
export const WORKER_THRESHOLD_BYTES = 200_000;
/** How long a worker may take over one file. */
export const IMPORT_BUDGET_MS = 60_000;

export interface PlanRequest {
  schedule: Schedule;
  text: string;
  missing: MissingSessions;
  /** How to read the file (zone, repeat window, spreadsheet columns); the zone defaults to the venue's. */
  options?: ImportOptions;
}

/** What crosses the thread boundary: a plan, or the AppError that refused the file. */
export type WorkerAnswer =
  | { ok: true; plan: ImportPlan }
  | {
      ok: false;
      kind: ErrorKind;
      message: string;
      field?: string | undefined;
      details?: Record<string, unknown> | undefined;
    };

/** The file → the plan, or an AppError naming what is wrong with it (with its lines). */
export function planFile({ schedule, text, missing, options }: PlanRequest): ImportPlan {
  try {
    // The file is for this venue: times written without an offset are read in its zone.
    const read = readSchedule(text, { timezone: schedule.timezone, ...options }, schedule.sessions);
    return planImport(schedule, read, missing);
  } catch (error) {
    if (error instanceof ImportProblemsError) {
      throw new AppError('invalid', error.message, { field: 'text', details: { errors: error.problems } });
    }
    if (error instanceof ImportError) {
      throw new AppError('invalid', error.message, {
        field: 'text',
        details: { errors: [{ line: error.line, message: error.message }] },
      });
    }
    if (error instanceof RangeError) {
      // A hostile file nested deeper than the stack: the file's fault, not the server's.
      throw new AppError('invalid', `text: the file cannot be read (${error.message})`, { field: 'text' });
    }
    throw error;
  }
}

/**
 * The server's TypeScript runs through tsx, which a worker does not inherit (neither from `tsx
 * server/main.ts` nor from the test runner): the worker registers tsx itself, then loads its entry.
 */
const WORKER_ENTRY = JSON.stringify(new URL('./import-worker.ts', import.meta.url).href);
const TSX_API = JSON.stringify(
  pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href,
);
const WORKER_BOOT = `import(${TSX_API}).then(({ register }) => { register(); return import(${WORKER_ENTRY}); });`;

export interface PlanOptions {
  thresholdBytes?: number;
  budgetMs?: number;
}

/** planFile, in a worker thread for a large file. */
export async function planFileOffThread(request: PlanRequest, options: PlanOptions = {}): Promise<ImportPlan> {
  const threshold = options.thresholdBytes ?? WORKER_THRESHOLD_BYTES;
  if (Buffer.byteLength(request.text) <= threshold) return planFile(request);
  const budget = options.budgetMs ?? IMPORT_BUDGET_MS;
  const worker = new Worker(WORKER_BOOT, { eval: true, workerData: request });
  try {
    const answer = await new Promise<WorkerAnswer>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new AppError(
            'too-large',
            `text: reading this file took longer than ${budget / 1000} s; split it into smaller files`,
            { field: 'text' },
          ),
        );
      }, budget);
      worker.once('message', (message: WorkerAnswer) => {
        clearTimeout(timer);
        resolve(message);
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the import worker stopped (exit code ${code}) without an answer`));
      });
    });
    if (answer.ok) return answer.plan;
    throw new AppError(answer.kind, answer.message, { field: answer.field, details: answer.details });
  } finally {
    void worker.terminate();
  }
}
