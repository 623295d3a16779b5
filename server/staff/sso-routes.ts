/**
 * Single sign-on routes: GET /api/sso (is it configured, under which name: the login page asks),
 * GET /api/sso/login (off to the provider) and GET /api/sso/callback (back from it, with the same
 * session cookie a password login gets). They are mounted whether or not SSO is configured, so
 * the permission table and the route list stay the same; unconfigured, they answer 400.
 */
import { Router, type Request, type Response } from 'express';
import type { SsoAnswer } from '../../shared/staff.ts';
import { refusal } from '../../shared/refusal-codes.ts';
import {
  SSO_REFUSAL_COOKIE,
  SSO_REFUSAL_COOKIE_PATH,
  SSO_REFUSAL_COOKIE_SECONDS,
  SSO_REFUSAL_SEARCH,
  ssoRefusalCookieValue,
} from '../../shared/sso-refusal.ts';
import type { ApiContext } from '../platform/api-context.ts';
import { setSessionCookie } from './login-routes.ts';
import { SSO_FLOW_LIFETIME_MS, SsoError, type SingleSignOn } from './sso.ts';
import { readCookie } from './staff-auth.ts';

/** Holds the id of the sign-in under way; only the SSO routes ever see it. */
export const SSO_FLOW_COOKIE = 'signage_sso_flow';
const FLOW_COOKIE_PATH = '/api/sso';
/** Where a person lands after signing in or being refused: the page the refusal's cookie is sent to. */
const PANEL = SSO_REFUSAL_COOKIE_PATH;

function flowCookieOptions(req: Request) {
  // Lax, not Strict: the provider's redirect back is a navigation from another site, and a
  // Strict cookie would stay behind. HttpOnly: no page script needs it.
  return { httpOnly: true, sameSite: 'lax' as const, path: FLOW_COOKIE_PATH, secure: req.secure };
}

/**
 * A failed sign-in: JSON (the English error, its code and params) for scripts; a person's browser
 * goes back to the panel's login, which words the code in the reader's language next to the
 * sign-in button (control/components/login-form.ts). The code and params go in a cookie, not the
 * address: a link anyone can make must not put words on our login page (shared/sso-refusal.ts).
 */
function refuse(req: Request, res: Response, { status, message, coded }: SsoError): void {
  if (req.accepts(['json', 'html']) === 'html') {
    res.cookie(SSO_REFUSAL_COOKIE, ssoRefusalCookieValue(coded), {
      path: SSO_REFUSAL_COOKIE_PATH,
      sameSite: 'lax',
      secure: req.secure,
      // The login page's script reads it (and deletes it); it holds only what the page shows.
      httpOnly: false,
      maxAge: SSO_REFUSAL_COOKIE_SECONDS * 1000,
    });
    res.redirect(303, `${PANEL}?${SSO_REFUSAL_SEARCH}`);
  } else {
    res.status(status).json({ error: message, code: coded.code, params: coded.params });
  }
}

const NOT_CONFIGURED = new SsoError(
  400,
  'single sign-on is not configured on this server; sign in with a username and password',
  refusal('sso.not-configured'),
);

export function ssoRouter({ auth, logger }: ApiContext, sso: SingleSignOn | undefined): Router {
  const router = Router();

  router.get('/sso', (_req, res) => {
    const answer: SsoAnswer = sso ? { enabled: true, providerName: sso.providerName } : { enabled: false };
    res.json(answer);
  });

  router.get('/sso/login', async (req, res) => {
    if (!sso) return refuse(req, res, NOT_CONFIGURED);
    try {
      const { flowId, url } = await sso.begin();
      res.cookie(SSO_FLOW_COOKIE, flowId, { ...flowCookieOptions(req), maxAge: SSO_FLOW_LIFETIME_MS });
      res.redirect(303, url.href);
    } catch (error) {
      if (!(error instanceof SsoError)) throw error;
      logger.warn(`single sign-on: ${error.message}`);
      refuse(req, res, error);
    }
  });

  router.get('/sso/callback', async (req, res) => {
    if (!sso) return refuse(req, res, NOT_CONFIGURED);
    const flowId = readCookie(req.headers.cookie, SSO_FLOW_COOKIE);
    // One use: whatever happens next, this browser's sign-in is over.
    res.clearCookie(SSO_FLOW_COOKIE, flowCookieOptions(req));
    const query = new URL(req.originalUrl, 'http://callback.invalid').searchParams;
    try {
      const person = await sso.finish(flowId, query);
      const account = await auth.accounts.signInFromDirectory(person);
      if (!account) {
        throw new SsoError(403, 'this account is disabled; ask an admin to enable it', refusal('sso.account-disabled'));
      }
      await auth.accounts.recordLogin(account.username);
      setSessionCookie(req, res, auth, await auth.issue(account.username));
      res.redirect(303, PANEL);
    } catch (error) {
      if (!(error instanceof SsoError)) throw error;
      logger.warn(`single sign-on refused: ${error.message}`);
      refuse(req, res, error);
    }
  });

  return router;
}
