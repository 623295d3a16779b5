/**
 * POST /api/login { password, name? } → 204 with the session cookie; POST /api/logout.
 * Login is rate-limited per client address, counting only failed attempts, so a whole staff team
 * behind one NAT can still sign in while guessing stays slow.
 */
import { Router, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { DEFAULT_ACTOR, SESSION_COOKIE } from './staff-auth.ts';
import { staffSession } from './staff-door.ts';
import type { ApiContext } from '../platform/api-context.ts';
import { validate } from '../platform/errors.ts';

const LoginSchema = z.strictObject({
  password: z.string().min(1, 'must not be empty').max(1000),
  /** Recorded as the actor of this session's changes in the journal. */
  name: z.string().trim().min(1, 'must not be empty').max(100).optional(),
});

export interface LoginRateLimit {
  windowMs: number;
  limit: number;
}

export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimit = { windowMs: 5 * 60_000, limit: 10 };

function cookieOptions(req: Request) {
  // Secure whenever the browser reached us over HTTPS (directly, or through a trusted proxy).
  return { httpOnly: true, sameSite: 'strict' as const, path: '/', secure: req.secure };
}

export function authRouter({ auth }: ApiContext, limits: LoginRateLimit = DEFAULT_LOGIN_RATE_LIMIT): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: limits.windowMs,
    limit: limits.limit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req: Request, res: Response) => {
      res.status(429).json({ error: 'too many login attempts; wait a few minutes and try again' });
    },
  });

  router.post('/login', limiter, async (req, res) => {
    const { password, name } = validate(LoginSchema, req.body);
    const token = await auth.login(password, name ?? DEFAULT_ACTOR);
    if (!token) {
      res.status(401).json({ error: 'wrong password', field: 'password' });
      return;
    }
    res.cookie(SESSION_COOKIE, token, { ...cookieOptions(req), maxAge: auth.sessionLifetimeMs });
    res.status(204).end();
  });

  router.post('/logout', (req, res) => {
    const session = staffSession(res);
    if (session) auth.logout(session);
    res.clearCookie(SESSION_COOKIE, cookieOptions(req));
    res.status(204).end();
  });

  return router;
}
