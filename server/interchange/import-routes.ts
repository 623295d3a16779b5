/**
 * Staff-only import of a schedule file into the running server (the staff door in front of
 * /api guards both routes):
 *   POST /api/import/preview  the file → the plan: what would be added, cancelled, moved, …
 *   POST /api/import/apply    the same file + expectedRevision → the plan applied as ONE
 *                             revision; 409 when the schedule moved on since the preview.
 * The body is the file itself (text/plain) or JSON { text, expectedRevision?, missing? }, up to
 * 2 MB; `missing` ("cancel", the default, or "keep") says what happens to sessions the file
 * lacks; `timezone`, `from`, `to`, `columns` (body or query) read the file as `npm run import`
 * does. A file with errors answers 400 with every problem and its line; nothing is applied.
 * This router parses its own bodies, so it is mounted before the JSON-only rule of api.ts.
 */
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import { staffActor } from '../staff/staff-door.ts';
import { AppError, ConflictError, ValidationError, validate } from '../platform/errors.ts';
import { MAX_IMPORT_BYTES } from '../../shared/limits.ts';
import type { ImportApplied, ImportPlan, ImportPreview } from '../../shared/import-plan.ts';
import { countsOf } from './import-plan.ts';
import { planFileOffThread, type PlanOptions } from './import-planning.ts';
import { parseImportOptions, type RawImportOptions } from './import-options.ts';
import type { ImportOptions } from './import-types.ts';
import type { ApiContext } from '../platform/api-context.ts';

export const IMPORT_BODY_LIMIT = MAX_IMPORT_BYTES;

const Missing = z.enum(['cancel', 'keep']);
const Revision = z.coerce.number().int().min(0);

/** How to read the file, as `npm run import` takes them: timezone, from, to, columns ("title=Session,…"). */
const READ_OPTIONS = {
  timezone: z.string().max(100).optional(),
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
  columns: z.string().max(2000).optional(),
};

const JsonBody = z.strictObject({
  text: z.string().min(1, 'must not be empty'),
  expectedRevision: z.int().min(0).optional(),
  missing: Missing.optional(),
  ...READ_OPTIONS,
});
const Query = z.object({ expectedRevision: Revision.optional(), missing: Missing.optional(), ...READ_OPTIONS });

interface ImportRequest {
  text: string;
  expectedRevision: number | undefined;
  missing: 'cancel' | 'keep';
  options: ImportOptions;
}

/** The read options of the body (or else the query), refused with 400 naming the field. */
function readOptions(raw: RawImportOptions): ImportOptions {
  try {
    return parseImportOptions(raw, (name) => name);
  } catch (error) {
    const field = /^(timezone|from|to|columns)\b/.exec((error as Error).message)?.[1];
    throw new ValidationError((error as Error).message, field);
  }
}

function pickOptions(...sources: RawImportOptions[]): RawImportOptions {
  const pick = (name: keyof RawImportOptions) =>
    sources.map((s) => s[name]).find((v) => v !== undefined && v.trim() !== '');
  return { timezone: pick('timezone'), from: pick('from'), to: pick('to'), columns: pick('columns') };
}

function readRequest(req: Request): ImportRequest {
  const query = validate(Query, req.query);
  if (typeof req.body === 'string') {
    if (req.body.trim() === '') throw new ValidationError('text: the file is empty', 'text');
    return {
      text: req.body,
      expectedRevision: query.expectedRevision,
      missing: query.missing ?? 'cancel',
      options: readOptions(query),
    };
  }
  if (req.body === undefined) throw new AppError('unsupported-media', 'send the file as text/plain or JSON { text }');
  const body = validate(JsonBody, req.body);
  return {
    text: body.text,
    expectedRevision: body.expectedRevision ?? query.expectedRevision,
    missing: body.missing ?? query.missing ?? 'cancel',
    options: readOptions(pickOptions(body, query)),
  };
}

export function importRouter({ service }: ApiContext, options: PlanOptions = {}): Router {
  const router = Router();
  const textBody = express.text({ type: 'text/plain', limit: IMPORT_BODY_LIMIT });
  const jsonBody = express.json({ limit: IMPORT_BODY_LIMIT, strict: false });

  // The file is for this venue: times written without an offset are read in its zone, unless
  // the request names another zone.
  const plan = (request: ImportRequest): Promise<ImportPlan> => {
    const schedule = service.schedule();
    const readOptions = { ...request.options, timezone: request.options.timezone ?? schedule.timezone };
    return planFileOffThread({ schedule, text: request.text, missing: request.missing, options: readOptions }, options);
  };

  router.post('/import/preview', textBody, jsonBody, async (req, res) => {
    // In a cluster another node may have changed the schedule a moment ago: plan on the latest.
    const revision = await service.catchUp();
    const importPlan = await plan(readRequest(req));
    // revision: what to send back as expectedRevision (the one the plan was made at); timezone: to show the times in.
    const preview: ImportPreview = { ...importPlan, revision, timezone: service.schedule().timezone };
    res.json(preview);
  });

  router.post('/import/apply', textBody, jsonBody, async (req, res) => {
    const request = readRequest(req);
    if (request.expectedRevision === undefined) {
      throw new ValidationError('expectedRevision: give the revision the preview was made at', 'expectedRevision');
    }
    const stale = () =>
      new ConflictError(
        `the schedule changed since the preview (now revision ${service.revision()}, the preview was of revision ${request.expectedRevision}); preview the file again`,
        { reason: 'stale', revision: service.revision() },
        'expectedRevision',
      );
    if (request.expectedRevision !== (await service.catchUp())) throw stale();
    const importPlan = await plan(request);
    // A large file is planned off the event loop: the schedule may have moved on meanwhile.
    if (request.expectedRevision !== service.revision()) throw stale();
    const counts = countsOf(importPlan);
    const { revision, entry } = await service.applyImport(importPlan, staffActor(res));
    const applied: ImportApplied = { revision, entry, counts };
    res.json(applied);
  });

  return router;
}
