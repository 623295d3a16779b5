/**
 * POST /api/login { username?, password } → 204 with the session cookie (no username = admin);
 * POST /api/logout; GET /api/me; PATCH /api/me { language }; POST /api/me/password. Wrong guesses are slowed per address and
 * per account (server/staff/login-limiter.ts); the answer to an unknown user and to a wrong
 * password is the same, and takes as long.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { PASSWORD_MAX, type MeView } from '../../shared/staff.ts';
import type { StaffAuth } from './staff-auth.ts';
import { staffSession } from './staff-door.ts';
import { ADMIN_USERNAME } from './accounts.ts';
import { DEFAULT_LOGIN_RATE_LIMIT, LoginLimiter, type LoginRateLimit } from './login-limiter.ts';
import type { ApiContext } from '../platform/api-context.ts';
import { validate } from '../platform/errors.ts';
import { LANGUAGES, isLanguage } from '../../shared/languages.ts';

export { DEFAULT_LOGIN_RATE_LIMIT, type LoginRateLimit };

const LoginSchema = z.strictObject({
  username: z.string().trim().min(1, 'must not be empty').max(100).optional(),
  password: z.string().min(1, 'must not be empty').max(PASSWORD_MAX),
  /** Sent by panels of the single-password version (their journal label); ignored now. */
  name: z.string().max(100).optional(),
});

const MeChangeSchema = z.strictObject({
  language: z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` }),
});

const PasswordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1, 'must not be empty').max(PASSWORD_MAX),
  newPassword: z.string().min(1, 'must not be empty').max(PASSWORD_MAX),
});

export function cookieOptions(req: Request) {
  // Secure whenever the browser reached us over HTTPS (directly, or through a trusted proxy).
  return { httpOnly: true, sameSite: 'strict' as const, path: '/', secure: req.secure };
}

/** Sets the session cookie under the name that fits the connection (`__Host-` over HTTPS). */
export function setSessionCookie(req: Request, res: Response, auth: StaffAuth, token: string): void {
  res.cookie(auth.cookieName(req.secure), token, { ...cookieOptions(req), maxAge: auth.sessionLifetimeMs });
}

export function authRouter(
  { auth, clientAddress, logger }: ApiContext,
  limits: LoginRateLimit = DEFAULT_LOGIN_RATE_LIMIT,
): Router {
  const router = Router();
  const limiter = new LoginLimiter(limits);
  const tooMany = (res: Response) =>
    res.status(429).json({ error: 'too many wrong passwords; wait a little and try again' });

  router.post('/login', async (req, res) => {
    const { username = ADMIN_USERNAME, password } = validate(LoginSchema, req.body);
    const accountKey = `account:${username.toLowerCase()}`;
    const keys = [`address:${clientAddress(req)}`, accountKey];
    const admission = limiter.admit(keys);
    if (!admission) return void tooMany(res);
    let token: string | null;
    try {
      if (admission.delayMs > 0) await sleep(admission.delayMs);
      token = await auth.login(password, username);
    } finally {
      admission.release();
    }
    if (token) {
      limiter.succeed(accountKey);
      logger.info('staff signed in', { username, address: req.ip });
      setSessionCookie(req, res, auth, token);
      res.status(204).end();
      return;
    }
    limiter.fail(keys);
    // The name tried and where from, for the venue's security log; never what was typed as the password.
    logger.warn('sign-in refused', { username, address: req.ip });
    if (admission.limited) return void tooMany(res);
    res.status(401).json({ error: 'wrong username or password', field: 'password' });
  });

  router.post('/logout', async (req, res) => {
    const session = staffSession(res);
    if (session) await auth.logout(session);
    // Over HTTPS a cookie set earlier over plain HTTP (before TLS was set up) goes too.
    const names = req.secure ? [auth.cookieName(true), auth.cookieName(false)] : [auth.cookieName(false)];
    for (const name of names) res.clearCookie(name, cookieOptions(req));
    res.status(204).end();
  });

  router.get('/me', async (_req, res) => {
    const session = staffSession(res)!;
    const me: MeView = {
      username: session.actor,
      displayName: session.displayName,
      role: session.role,
      emergency: session.emergency,
      mustChangePassword: session.mustChangePassword,
    };
    const language = await auth.accounts.store.language(session.actor);
    if (isLanguage(language)) me.language = language;
    res.json(me);
  });

  // The person's own preferences; only the language for now. Not journalled: it changes nobody's screen.
  router.patch('/me', async (req, res) => {
    const session = staffSession(res)!;
    const { language } = validate(MeChangeSchema, req.body);
    await auth.accounts.store.setLanguage(session.actor, language);
    res.status(204).end();
  });

  router.post('/me/password', async (req, res) => {
    const session = staffSession(res)!;
    const { currentPassword, newPassword } = validate(PasswordChangeSchema, req.body);
    await auth.accounts.changeOwnPassword(session.actor, currentPassword, newPassword);
    // The change ended every session of the account, this one too: hand it a fresh one.
    setSessionCookie(req, res, auth, await auth.issue(session.actor));
    res.status(204).end();
  });

  return router;
}
