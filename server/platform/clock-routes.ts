/**
 * GET /api/clock (public): the server's venue time. PUT /api/clock (staff, an extension): the
 * rehearsal "time warp" — jump to an instant, change the speed, or go back to real time. Screens
 * learn about it through the `clock` socket event, which the realtime layer sends on every change.
 */
import { Router } from 'express';
import { z } from 'zod';
import { TimeInput } from '../../shared/commands.ts';
import { toVenueIso } from '../../shared/time.ts';
import { parseInstant } from '../../shared/time-parse.ts';
import { MAX_SPEED, type ServerClock } from './server-clock.ts';
import { staffActor } from '../staff/staff-door.ts';
import type { ApiContext } from './api-context.ts';
import { validate } from './errors.ts';

const ClockSettingsSchema = z
  .strictObject({
    /** An instant (venue time when written without an offset) or "real". */
    time: z.union([z.literal('real'), TimeInput]).optional(),
    /** Clock seconds per real second; 0 freezes the clock. */
    speed: z.number().min(0).max(MAX_SPEED).optional(),
  })
  .refine((body) => body.time !== undefined || body.speed !== undefined, { message: 'give time and/or speed' });

export function clockView(clock: ServerClock, timezone: string) {
  const { simulated, speed } = clock.state();
  return { now: toVenueIso(clock.now(), timezone), simulated, speed };
}

export function clockRouter({ clock, service, logger }: ApiContext): Router {
  const router = Router();

  router.get('/clock', (_req, res) => {
    res.json(clockView(clock, service.schedule().timezone));
  });

  router.put('/clock', (req, res) => {
    const { time, speed } = validate(ClockSettingsSchema, req.body);
    const timezone = service.schedule().timezone;
    const instant = time === undefined || time === 'real' ? time : parseInstant(time, timezone);
    clock.set({ time: instant, speed });
    const view = clockView(clock, timezone);
    logger.info(
      `clock set by ${staffActor(res).name}: ${view.now}, speed ${view.speed}${view.simulated ? ' (simulated)' : ''}`,
    );
    res.json(view);
  });

  return router;
}
