/**
 * GET /api/schedule: the whole live schedule, public (screens and anyone on the network read it);
 * hidden passcodes only for staff.
 */
import { Router } from 'express';
import { publicSchedule } from '../realtime/redact.ts';
import { staffSession } from '../staff/staff-door.ts';
import type { ApiContext } from '../platform/api-context.ts';

export function scheduleRouter({ service }: ApiContext): Router {
  const router = Router();
  router.get('/schedule', (_req, res) => {
    const schedule = service.schedule();
    res.json(staffSession(res) ? schedule : publicSchedule(schedule));
  });
  return router;
}
