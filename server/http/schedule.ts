/** GET /api/schedule: the whole live schedule, public (screens and anyone on the network read it). */
import { Router } from 'express';
import type { ApiContext } from './context.ts';

export function scheduleRouter({ service }: ApiContext): Router {
  const router = Router();
  router.get('/schedule', (_req, res) => {
    res.json(service.schedule());
  });
  return router;
}
