/** The worker thread of import-planning.ts: one file in, its plan (or its refusal) out. */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../platform/errors.ts';
import { planFile, type PlanRequest, type WorkerAnswer } from './import-planning.ts';

function answer(): WorkerAnswer {
  try {
    return { ok: true, plan: planFile(workerData as PlanRequest) };
  } catch (error) {
    if (error instanceof AppError)
      return { ok: false, kind: error.kind, message: error.message, field: error.field, details: error.details };
    throw error;
  }
}

parentPort!.postMessage(answer());
