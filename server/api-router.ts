/**
 * The /api router: JSON parsing with a size limit, the staff door (checked once, here), one router
 * per feature, and a JSON 404 for anything else.
 */
import express, { Router } from 'express';
import { staffDoor } from './staff/staff-door.ts';
import { idempotentWrites } from './platform/idempotency.ts';
import { announcementsRouter } from './schedule/announcement-routes.ts';
import { authRouter, type LoginRateLimit } from './staff/login-routes.ts';
import { changesRouter } from './schedule/journal-routes.ts';
import { clockRouter } from './platform/clock-routes.ts';
import type { ApiContext } from './platform/api-context.ts';
import { emergencyRouter } from './schedule/emergency-routes.ts';
import { apiNotFound, requireJsonBody } from './platform/http-errors.ts';
import { exportsRouter } from './interchange/export-routes.ts';
import { fleetRouter } from './fleet/fleet-routes.ts';
import { importRouter } from './interchange/import-routes.ts';
import { feedsRouter } from './interchange/feeds/feed-routes.ts';
import type { PlanOptions } from './interchange/import-planning.ts';
import { scheduleRouter } from './schedule/schedule-routes.ts';
import { sessionsRouter } from './schedule/session-routes.ts';
import { venuesRouter } from './schedule/venue-routes.ts';
import { accountsRouter } from './staff/accounts-routes.ts';
import { ssoRouter } from './staff/sso-routes.ts';

export const BODY_LIMIT = '100kb';

export interface ApiOptions {
  loginRateLimit?: LoginRateLimit | undefined;
  /** When imports go to a worker thread and how long it may take (default: import-planning.ts). */
  importPlanning?: PlanOptions | undefined;
}

export function apiRouter(context: ApiContext, options: ApiOptions = {}): Router {
  const api = Router();
  api.use((_req, res, next) => {
    // Answers depend on the live schedule and on who asks: never cache them.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // The door reads only the cookie, so it runs before any body is read.
  api.use(staffDoor(context.auth));
  // Before every write router (the import router too), so no write route can be forgotten.
  api.use(
    idempotentWrites(context.service.idempotency?.(), (error) =>
      context.logger.error('cannot store an idempotent answer', error),
    ),
  );
  // Schedule files come as text/plain or large JSON: this router reads its own bodies.
  api.use(importRouter(context, options.importPlanning));
  api.use(requireJsonBody);
  api.use(express.json({ limit: BODY_LIMIT, strict: false }));
  api.use(authRouter(context, options.loginRateLimit));
  api.use(ssoRouter(context, context.sso));
  api.use(scheduleRouter(context));
  api.use(clockRouter(context));
  api.use(sessionsRouter(context));
  api.use(venuesRouter(context));
  api.use(announcementsRouter(context));
  api.use(emergencyRouter(context));
  api.use(changesRouter(context));
  api.use(fleetRouter(context));
  api.use(exportsRouter(context));
  api.use(accountsRouter(context));
  api.use(feedsRouter(context.feeds));
  api.use(apiNotFound);
  return api;
}
