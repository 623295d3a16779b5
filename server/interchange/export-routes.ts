/**
 * The public exports: iCalendar feeds (whole schedule and per venue), our CSV, c3voc
 * schedule.json. Each is generated from the live schedule on request.
 */
import { Router, type Request } from 'express';
import { c3vocSchedule } from './writers/c3voc-export.ts';
import { scheduleCsv } from './writers/csv-export.ts';
import { calendarIcs } from './writers/ical-export.ts';
import { publicSchedule } from '../realtime/redact.ts';
import { staffSession } from '../staff/staff-door.ts';
import type { ApiContext } from '../platform/api-context.ts';
import { NotFoundError } from '../platform/errors.ts';

const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

/** The server's own address as the client reached it (through a trusted proxy when configured). */
function baseUrl(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}/`;
}

export function exportsRouter({ service, clock }: ApiContext): Router {
  const router = Router();

  router.get('/calendar.ics', (_req, res) => {
    res.type(CALENDAR_TYPE).setHeader('Content-Disposition', 'inline; filename="schedule.ics"');
    res.send(calendarIcs(service.schedule()));
  });

  router.get('/venues/:id/calendar.ics', (req, res) => {
    const schedule = service.schedule();
    const venue = schedule.venues.find((v) => v.id === req.params.id);
    if (!venue) throw new NotFoundError(`no venue with id ${req.params.id}`);
    res.type(CALENDAR_TYPE).setHeader('Content-Disposition', `inline; filename="${venue.id}.ics"`);
    res.send(calendarIcs(schedule, venue));
  });

  // Public, so hidden passcodes are left out unless a staff member asks (their copy round-trips fully).
  router.get('/export/schedule.csv', (_req, res) => {
    const schedule = service.schedule();
    res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', 'attachment; filename="schedule.csv"');
    res.send(scheduleCsv(staffSession(res) ? schedule : publicSchedule(schedule)));
  });

  router.get('/export/schedule.json', (req, res) => {
    const schedule = service.schedule();
    const { title, acronym, dayChange } = schedule.conference ?? {};
    res.json(
      c3vocSchedule(schedule, {
        baseUrl: baseUrl(req),
        now: clock.now(),
        ...(title && { title }),
        ...(acronym && { acronym }),
        ...(dayChange && { dayChange }),
      }),
    );
  });

  return router;
}
