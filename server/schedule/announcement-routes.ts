/** Staff announcements: POST shows one (on every screen, or the listed venues / "lobby"); DELETE removes it. */
import { Router } from 'express';
import { AnnouncementInputSchema } from '../../shared/commands.ts';
import { staffActor } from '../staff/staff-door.ts';
import type { ApiContext } from '../platform/api-context.ts';
import { validate } from '../platform/errors.ts';

export function announcementsRouter({ service }: ApiContext): Router {
  const router = Router();

  router.post('/announcements', async (req, res) => {
    const input = validate(AnnouncementInputSchema, req.body);
    const { value, revision } = await service.createAnnouncement(input, staffActor(res));
    res.status(201).json({ announcement: value, revision });
  });

  router.delete('/announcements/:id', async (req, res) => {
    const { value, revision } = await service.deleteAnnouncement(req.params.id, staffActor(res));
    res.json({ id: value.id, revision });
  });

  return router;
}
