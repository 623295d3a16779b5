/** The emergency takeover: PUT puts one message on every screen at once, DELETE clears it. */
import { Router } from 'express';
import { EmergencyInputSchema, EmergencyTemplateInputSchema } from '../../shared/commands.ts';
import { NotFoundError } from '../platform/errors.ts';
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

  // Prepared messages: a takeover is "pick one, confirm". Read by staff; edited by staff.
  router.get('/emergency/templates', (_req, res) => {
    res.json({ templates: service.emergencyTemplates?.()?.list() ?? [] });
  });

  router.put('/emergency/templates/:id', (req, res) => {
    const changes = validate(EmergencyTemplateInputSchema, req.body);
    const templates = service.emergencyTemplates?.();
    if (!templates?.update(req.params.id, changes))
      throw new NotFoundError(`no emergency template with id ${req.params.id}`);
    res.json({ template: templates.list().find((template) => template.id === req.params.id) });
  });

  return router;
}
