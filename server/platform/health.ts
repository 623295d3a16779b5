/**
 * GET /healthz (the process answers) and GET /readyz (the store is open and migrated, realtime is
 * attached and the server is not shutting down), for load balancers and service managers.
 * Public and tiny on purpose: they say nothing a screen couldn't already read from /api/schedule.
 */
import { Router } from 'express';
import type { ScheduleService } from '../schedule/service-types.ts';

export interface Readiness {
  realtimeUp: boolean;
  closing: boolean;
}

export function healthRouter(service: ScheduleService, readiness: Readiness): Router {
  const router = Router();
  router.get('/healthz', (_request, response) => {
    response.set('cache-control', 'no-store').json({ status: 'alive' });
  });
  router.get('/readyz', (_request, response) => {
    response.set('cache-control', 'no-store');
    // The service exists only once its store is open and migrated; closing starts before it closes.
    if (readiness.closing) response.status(503).json({ status: 'not ready', reason: 'shutting down' });
    else if (!readiness.realtimeUp)
      response.status(503).json({ status: 'not ready', reason: 'realtime is not attached' });
    else response.json({ status: 'ready', revision: service.schedule().revision });
  });
  return router;
}
