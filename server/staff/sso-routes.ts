/**
 * Single sign-on routes: GET /api/sso (is it configured, under which name: the login page asks),
 * GET /api/sso/login (off to the provider) and GET /api/sso/callback (back from it, with the same
 * session cookie a password login gets). They are mounted whether or not SSO is configured, so
 * the permission table and the route list stay the same; unconfigured, they answer 400.
 */
import { Router, type Request, type Response } from 'express';
import type { SsoAnswer } from '../../shared/staff.ts';
import type { ApiContext } from '../platform/api-context.ts';
import { setSessionCookie } from './login-routes.ts';
import { SSO_FLOW_LIFETIME_MS, SsoError, type SingleSignOn } from './sso.ts';
import { readCookie } from './staff-auth.ts';

/** Holds the id of the sign-in under way; only the SSO routes ever see it. */
export const SSO_FLOW_COOKIE = 'signage_sso_flow';
const FLOW_COOKIE_PATH = '/api/sso';
/** Where a signed-in person lands. */
const PANEL = '/control';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function flowCookieOptions(req: Request) {
  // Lax, not Strict: the provider's redirect back is a navigation from another site, and a
  // Strict cookie would stay behind. HttpOnly: no page script needs it.
  return { httpOnly: true, sameSite: 'lax' as const, path: FLOW_COOKIE_PATH, secure: req.secure };
}

/** A failed sign-in: JSON for scripts, a short page with a way back for a person's browser. */
function refuse(req: Request, res: Response, status: number, message: string): void {
  res.status(status);
  if (req.accepts(['json', 'html']) === 'html') {
    res
      .type('html')
      .send(
        `<!doctype html><html lang="en"><meta charset="utf-8"><title>Sign-in failed</title>` +
          `<h1>Sign-in failed</h1><p role="alert">${escapeHtml(message)}</p>` +
          `<p><a href="${PANEL}">Back to the control panel</a></p></html>`,
      );
  } else {
    res.json({ error: message });
  }
}

const NOT_CONFIGURED = 'single sign-on is not configured on this server; sign in with a username and password';

export function ssoRouter({ auth, logger }: ApiContext, sso: SingleSignOn | undefined): Router {
  const router = Router();

  router.get('/sso', (_req, res) => {
    const answer: SsoAnswer = sso ? { enabled: true, providerName: sso.providerName } : { enabled: false };
    res.json(answer);
  });

  router.get('/sso/login', async (req, res) => {
    if (!sso) return refuse(req, res, 400, NOT_CONFIGURED);
    try {
      const { flowId, url } = await sso.begin();
      res.cookie(SSO_FLOW_COOKIE, flowId, { ...flowCookieOptions(req), maxAge: SSO_FLOW_LIFETIME_MS });
      res.redirect(303, url.href);
    } catch (error) {
      if (!(error instanceof SsoError)) throw error;
      logger.warn(`single sign-on: ${error.message}`);
      refuse(req, res, error.status, error.message);
    }
  });

  router.get('/sso/callback', async (req, res) => {
    if (!sso) return refuse(req, res, 400, NOT_CONFIGURED);
    const flowId = readCookie(req.headers.cookie, SSO_FLOW_COOKIE);
    // One use: whatever happens next, this browser's sign-in is over.
    res.clearCookie(SSO_FLOW_COOKIE, flowCookieOptions(req));
    const query = new URL(req.originalUrl, 'http://callback.invalid').searchParams;
    try {
      const person = await sso.finish(flowId, query);
      const account = await auth.accounts.signInFromDirectory(person);
      if (!account) throw new SsoError(403, 'this account is disabled; ask an admin to enable it');
      await auth.accounts.recordLogin(account.username);
      setSessionCookie(req, res, auth, await auth.issue(account.username));
      res.redirect(303, PANEL);
    } catch (error) {
      if (!(error instanceof SsoError)) throw error;
      logger.warn(`single sign-on refused: ${error.message}`);
      refuse(req, res, error.status, error.message);
    }
  });

  return router;
}
