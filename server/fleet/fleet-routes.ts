/**
 * The display fleet's routes (all behind the staff door):
 *   GET    /api/displays               → every known screen: what it shows, connected (or stale:
 *                                         connected but silent), last rendered revision, what it
 *                                         reported about itself (user agent, screen size, clock skew)
 *   POST   /api/displays/pair          { code, view, venueId?, name? } → 201 the display
 *   PATCH  /api/displays/:id           { name?, view?, venueId?, directions?, language?, languages?,
 *                                           rotationSeconds? } → 200 the display
 *                                         (directions: venue id → this screen's own way there; replaces the set;
 *                                         languages: one, or two taking turns every rotationSeconds, 5–60;
 *                                         language: one, as before rotations — either field, not both)
 *   POST   /api/displays/:id/identify  → 200 { sent }   (the screen shows its name for a few seconds)
 *   POST   /api/displays/:id/reload    → 200 { sent }   (the screen reloads its page)
 *   DELETE /api/displays/:id           → 204            (a connected screen shows a pairing code again)
 * `sent` is false when the screen is not connected: commands are not queued. A change to a screen
 * is answered once its record is stored (on PostgreSQL: committed); 503 when the database did not
 * take it, and then nothing changed.
 */
import { Router } from 'express';
import { z } from 'zod';
import { VenueId, type Schedule } from '../../shared/model.ts';
import { RotationSeconds, ScreenLanguage, ScreenLanguageList } from '../../shared/screen-languages-schema.ts';
import { NotFoundError, ValidationError } from '../platform/errors.ts';
import { refusal } from '../../shared/refusal-codes.ts';
import { defaultDisplayName } from './display-names.ts';
import type { Assignment } from './fleet-entry.ts';
import type { ApiContext } from '../platform/api-context.ts';
import { validate } from '../platform/errors.ts';

const Name = z.string().trim().min(1, 'must not be empty').max(100);
const View = z.enum(['room', 'lobby']);

const PairSchema = z.strictObject({
  code: z.string().trim().min(1, 'must not be empty').max(20),
  view: View,
  venueId: z.optional(VenueId),
  name: Name.optional(),
});

/** A screen's own directions to rooms: at most one short line per venue of the schedule. */
const Directions = z
  .record(VenueId, z.string().trim().min(1, 'must not be empty').max(100))
  .refine((record) => Object.keys(record).length <= 200, 'lists too many venues');

const UpdateSchema = z
  .strictObject({
    name: Name.optional(),
    view: View.optional(),
    venueId: z.optional(VenueId),
    directions: Directions.optional(),
    language: ScreenLanguage.optional(),
    languages: ScreenLanguageList.optional(),
    rotationSeconds: RotationSeconds.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, {
    message: 'must change at least one of: name, view, venueId, directions, language, languages, rotationSeconds',
  })
  .refine((body) => body.language === undefined || body.languages === undefined, {
    message: 'give either language or languages, not both',
    path: ['languages'],
  });

/** `language` alone (one language, as before rotations) or `languages`: both set the first and the second. */
function languageChange(body: z.infer<typeof UpdateSchema>) {
  const languages = body.languages ?? (body.language !== undefined ? [body.language] : undefined);
  if (!languages) return { rotationSeconds: body.rotationSeconds };
  return { language: languages[0], secondLanguage: languages[1] ?? null, rotationSeconds: body.rotationSeconds };
}

/** A room assignment needs a venue of this schedule; the lobby takes none. */
function assignmentFor(schedule: Schedule, view: 'room' | 'lobby', venueId: string | undefined): Assignment {
  if (view === 'lobby') {
    if (venueId !== undefined) throw new ValidationError('venueId: is only for the room view', 'venueId');
    return { view: 'lobby' };
  }
  if (venueId === undefined) throw new ValidationError('venueId: is required for the room view', 'venueId');
  if (!schedule.venues.some((venue) => venue.id === venueId))
    throw new NotFoundError(`venueId: no venue with id ${venueId}`, 'venueId', refusal('venue.not-found', { venueId }));
  return { view: 'room', venueId };
}

export function fleetRouter({ service, fleet: displays }: ApiContext): Router {
  const router = Router();
  router.get('/displays', (_req, res) => {
    res.json(displays.list());
  });

  router.post('/displays/pair', async (req, res) => {
    const body = validate(PairSchema, req.body);
    const assignment = assignmentFor(service.schedule(), body.view, body.venueId);
    const name = body.name ?? defaultDisplayName(service.schedule(), assignment);
    res.status(201).json(await displays.pair(body.code, assignment, name));
  });

  router.patch('/displays/:id', async (req, res) => {
    const body = validate(UpdateSchema, req.body);
    const current = displays.get(req.params.id);
    if (!current)
      throw new NotFoundError(
        `no display with id ${req.params.id}`,
        undefined,
        refusal('display.not-found', { id: req.params.id }),
      );
    let assignment: Assignment | undefined;
    if (body.view !== undefined || body.venueId !== undefined) {
      // A room alone means "show that room's door".
      const view = body.view ?? (body.venueId !== undefined ? 'room' : current.view);
      assignment = assignmentFor(service.schedule(), view, body.venueId);
    }
    for (const venueId of Object.keys(body.directions ?? {})) {
      if (!service.schedule().venues.some((v) => v.id === venueId)) {
        throw new NotFoundError(
          `directions.${venueId}: no venue with id ${venueId}`,
          `directions.${venueId}`,
          refusal('venue.not-found', { venueId }),
        );
      }
    }
    res.json(
      await displays.update(req.params.id, {
        name: body.name,
        assignment,
        directions: body.directions,
        ...languageChange(body),
      }),
    );
  });

  router.post('/displays/:id/identify', async (req, res) => {
    res.json({ sent: await displays.command(req.params.id, { type: 'identify' }) });
  });

  router.post('/displays/:id/reload', async (req, res) => {
    res.json({ sent: await displays.command(req.params.id, { type: 'reload' }) });
  });

  // Bulk clean-up of the fleet list (the panel confirms first, naming how many).
  router.post('/displays/forget-offline', async (_req, res) => {
    res.json({ forgotten: await displays.forgetOffline() });
  });

  router.delete('/displays/:id', async (req, res) => {
    await displays.forget(req.params.id);
    res.status(204).end();
  });

  return router;
}
