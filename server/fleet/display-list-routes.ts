/**
 * GET /api/displays (staff only): the fleet — every known screen, what it shows, whether it is
 * connected (or stale: connected but silent), what it last rendered, and what it reported about
 * itself (user agent, screen size, clock skew). The staff commands are in fleet.ts.
 */
import { Router } from 'express';
import type { ApiContext } from '../platform/api-context.ts';

export function displaysRouter({ displays }: ApiContext): Router {
  const router = Router();
  router.get('/displays', (_req, res) => {
    res.json(displays.list());
  });
  return router;
}
