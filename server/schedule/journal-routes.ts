/** The journal (who changed what, when) and undo. Staff-only: it names people. */
import { Router } from 'express';
import { z } from 'zod';
import { staffActor } from '../staff/staff-door.ts';
import type { ApiContext } from '../platform/api-context.ts';
import { validate } from '../platform/errors.ts';
import { UndoInputSchema } from '../../shared/commands.ts';

const MAX_PAGE = 1000;

const ChangesQuerySchema = z.object({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(MAX_PAGE),
});

const UndoParamsSchema = z.strictObject({
  revision: z.coerce.number().int().min(1),
});

export function changesRouter({ service }: ApiContext): Router {
  const router = Router();

  // A client pages through a long journal by asking again with since = the last revision it got.
  router.get('/changes', async (req, res) => {
    const { since, limit } = validate(ChangesQuerySchema, req.query);
    const changes = await service.readJournal(since, limit);
    res.json({ revision: service.revision(), changes });
  });

  router.post('/changes/:revision/undo', async (req, res) => {
    const { revision: target } = validate(UndoParamsSchema, req.params);
    const { force } = validate(UndoInputSchema, req.body);
    const { revision, entry } = await service.undo(target, staffActor(res), { force });
    res.json({ revision, undoes: target, entry });
  });

  return router;
}
