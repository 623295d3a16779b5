/**
 * The /api router: JSON parsing with a size limit, the staff door (checked once, here), one router
 * per feature, and a JSON 404 for anything else.
 */
import express, { Router } from 'express';
import { staffDoor } from '../auth/middleware.ts';
import { announcementsRouter } from './announcements.ts';
import { authRouter, type LoginRateLimit } from './auth.ts';
import { changesRouter } from './changes.ts';
import { clockRouter } from './clock.ts';
import type { ApiContext } from './context.ts';
import { displaysRouter } from './displays.ts';
import { emergencyRouter } from './emergency.ts';
import { apiNotFound, requireJsonBody } from './errors.ts';
import { exportsRouter } from './exports.ts';
import { fleetRouter } from './fleet.ts';
import { importRouter } from './import.ts';
import { scheduleRouter } from './schedule.ts';
import { sessionsRouter } from './sessions.ts';
import { accountsRouter } from '../staff/accounts-routes.ts';

export const BODY_LIMIT = '100kb';

export interface ApiOptions {
  loginRateLimit?: LoginRateLimit | undefined;
  /** Extra public or staff routers (exports, ...) mounted behind the same door. */
  extraRouters?: Router[] | undefined;
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
  // Schedule files come as text/plain or large JSON: this router reads its own bodies.
  api.use(importRouter(context));
  api.use(requireJsonBody);
  api.use(express.json({ limit: BODY_LIMIT, strict: false }));
  api.use(authRouter(context, options.loginRateLimit));
  api.use(scheduleRouter(context));
  api.use(clockRouter(context));
  api.use(sessionsRouter(context));
  api.use(announcementsRouter(context));
  api.use(emergencyRouter(context));
  api.use(changesRouter(context));
  api.use(displaysRouter(context));
  api.use(fleetRouter(context));
  api.use(exportsRouter(context));
  api.use(accountsRouter(context));
  for (const router of options.extraRouters ?? []) api.use(router);
  api.use(apiNotFound);
  return api;
}
