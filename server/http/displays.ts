/** GET /api/displays: the fleet — every known screen, whether it is connected, what it last rendered. */
import { Router } from 'express';
import type { ApiContext } from './context.ts';

export function displaysRouter({ displays }: ApiContext): Router {
  const router = Router();
  router.get('/displays', (_req, res) => {
    res.json(displays.list());
  });
  return router;
}
