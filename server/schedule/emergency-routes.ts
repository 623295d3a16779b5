/** The emergency takeover: PUT puts one message on every screen at once, DELETE clears it. */
import { Router } from 'express';
import { EmergencyInputSchema } from '../../shared/commands.ts';
import { staffActor } from '../staff/staff-door.ts';
import type { ApiContext } from '../platform/api-context.ts';
import { validate } from '../platform/errors.ts';

export function emergencyRouter({ service }: ApiContext): Router {
  const router = Router();

  router.put('/emergency', (req, res) => {
    const { text } = validate(EmergencyInputSchema, req.body);
    const { value, revision } = service.setEmergency(text, staffActor(res));
    res.json({ emergency: value, revision });
  });

  router.delete('/emergency', (_req, res) => {
    const { revision } = service.clearEmergency(staffActor(res));
    res.json({ emergency: null, revision });
  });

  return router;
}
