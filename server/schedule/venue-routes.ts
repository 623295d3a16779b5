/** Staff edits of a venue's name and directions, and of the display settings (title style). */
import { Router } from 'express';
import { SettingsPatchSchema, VenuePatchSchema } from '../../shared/commands.ts';
import { staffActor } from '../staff/staff-door.ts';
import type { ApiContext } from '../platform/api-context.ts';
import { validate } from '../platform/errors.ts';

export function venuesRouter({ service }: ApiContext): Router {
  const router = Router();

  router.patch('/venues/:id', async (req, res) => {
    const patch = validate(VenuePatchSchema, req.body);
    const { value, revision } = await service.updateVenue(req.params.id, patch, staffActor(res));
    res.json({ venue: value, revision });
  });

  router.patch('/settings', async (req, res) => {
    const patch = validate(SettingsPatchSchema, req.body);
    const { value, revision } = await service.updateSettings(patch, staffActor(res));
    res.json({ settings: value, revision });
  });

  return router;
}
