/** Staff edits of sessions: PATCH (move, retime, rename, cancel), POST (new), DELETE, delay. */
import { Router } from 'express';
import { z } from 'zod';
import { DelayInputSchema, NewSessionInputSchema, SessionPatchSchema } from '../../shared/commands.ts';
import { staffActor } from '../staff/staff-door.ts';
import type { ApiContext } from '../platform/api-context.ts';
import { validate } from '../platform/errors.ts';

const DeleteBodySchema = z.strictObject({ expectedVersion: z.int().min(1).optional() });
// Query strings may carry cache-busters and the like, so unknown query keys are ignored.
const DeleteQuerySchema = z.object({ expectedVersion: z.coerce.number().int().min(1).optional() });

export function sessionsRouter({ service }: ApiContext): Router {
  const router = Router();

  router.post('/sessions', async (req, res) => {
    const input = validate(NewSessionInputSchema, req.body);
    const { value, revision } = await service.createSession(input, staffActor(res));
    res.status(201).json({ session: value, revision });
  });

  router.patch('/sessions/:id', async (req, res) => {
    const patch = validate(SessionPatchSchema, req.body);
    const { value, revision } = await service.updateSession(req.params.id, patch, staffActor(res));
    res.json({ session: value, revision });
  });

  router.post('/sessions/:id/delay', async (req, res) => {
    const input = validate(DelayInputSchema, req.body);
    const { value, revision } = await service.delaySession(req.params.id, input, staffActor(res));
    res.json({ sessions: value, revision });
  });

  // expectedVersion may come as ?expectedVersion=N or in a JSON body; query wins when both are given.
  router.delete('/sessions/:id', async (req, res) => {
    const fromBody = validate(DeleteBodySchema, req.body).expectedVersion;
    const expectedVersion = validate(DeleteQuerySchema, req.query).expectedVersion ?? fromBody;
    const { value, revision } = await service.deleteSession(req.params.id, staffActor(res), expectedVersion);
    res.json({ id: value.id, revision });
  });

  return router;
}
