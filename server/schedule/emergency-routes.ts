/** The emergency takeover: PUT puts one message on every screen at once, DELETE clears it. */
import { Router } from 'express';
import { EmergencyInputSchema, EmergencyTemplateInputSchema } from '../../shared/commands.ts';
import { NotFoundError } from '../platform/errors.ts';
import { staffActor } from '../staff/staff-door.ts';
import type { ApiContext } from '../platform/api-context.ts';
import { validate } from '../platform/errors.ts';

export function emergencyRouter({ service }: ApiContext): Router {
  const router = Router();

  router.put('/emergency', async (req, res) => {
    const input = validate(EmergencyInputSchema, req.body);
    const { value, revision } = await service.setEmergency(input, staffActor(res));
    res.json({ emergency: value, revision });
  });

  router.delete('/emergency', async (_req, res) => {
    const { revision } = await service.clearEmergency(staffActor(res));
    res.json({ emergency: null, revision });
  });

  // Prepared messages: a takeover is "pick one, confirm". Read by staff; edited by staff.
  router.get('/emergency/templates', async (_req, res) => {
    res.json({ templates: (await service.emergencyTemplates?.()?.list()) ?? [] });
  });

  router.put('/emergency/templates/:id', async (req, res) => {
    const changes = validate(EmergencyTemplateInputSchema, req.body);
    const templates = service.emergencyTemplates?.();
    if (!(await templates?.update(req.params.id, changes)))
      throw new NotFoundError(`no emergency template with id ${req.params.id}`);
    res.json({ template: (await templates!.list()).find((template) => template.id === req.params.id) });
  });

  return router;
}
