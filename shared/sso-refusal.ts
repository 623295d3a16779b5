/**
 * How a refused single sign-on travels back to a person: the server redirects the browser to the
 * panel's login with only `?signin=refused` in the address, and the refusal itself (an `sso.*`
 * code and its params) in a short-lived cookie (server/staff/sso-routes.ts); the login form reads
 * and deletes the cookie and words the code in the reader's language
 * (control/components/login-form.ts).
 *
 * Why a cookie: anyone can send a person a link to the genuine login page, so nothing in the
 * address may be shown as the server's words (a forged issuer, a forged "reason"). A cross-site
 * page cannot set our cookie, so what the cookie says came from this server's redirect. An
 * address that says "refused" without the cookie (a forged or an old link, cookies blocked) gets
 * only the generic "single sign-on failed". The cookie is readable by the page on purpose (not
 * HttpOnly): it holds nothing secret, only what the page is about to show.
 */
import { REFUSAL_PARAMS, type RefusalCode } from './refusal-codes.ts';

const MARK = 'signin';
const REFUSED = 'refused';

/** The cookie that carries the refusal from the server's redirect to the login page. */
export const SSO_REFUSAL_COOKIE = 'sso_refusal';
/** Sent only with the panel's pages, where the login form reads it. */
export const SSO_REFUSAL_COOKIE_PATH = '/control';
/** Long enough for the redirect and the page's first script, short enough not to outlive the moment. */
export const SSO_REFUSAL_COOKIE_SECONDS = 60;

/** The provider's own words (`reason`) are cut to this many characters on the server. */
export const MAX_PROVIDER_WORDS = 400;

export type SsoRefusalCode = Extract<RefusalCode, `sso.${string}`>;

export interface SsoRefusal {
  code: SsoRefusalCode;
  params: Record<string, string | number>;
}

/** The query string (without "?") that sends a person back to the login after a refusal. */
export const SSO_REFUSAL_SEARCH = `${MARK}=${REFUSED}`;

/** The provider's error and description, as the refusal's `reason`: at most MAX_PROVIDER_WORDS characters. */
export function providerWords(error: string, description: string | null | undefined): string {
  const words = description ? `${error} (${description})` : error;
  return words.slice(0, MAX_PROVIDER_WORDS);
}

/** The cookie's value (the server sets it; express URL-encodes it). */
export function ssoRefusalCookieValue({ code, params }: SsoRefusal): string {
  return JSON.stringify({ code, params });
}

function isSsoCode(code: unknown): code is SsoRefusalCode {
  return typeof code === 'string' && code.startsWith('sso.') && Object.hasOwn(REFUSAL_PARAMS, code);
}

/** How each param a `sso.*` code declares is checked before it is shown. */
const PARAM_CHECKS: Record<string, (value: unknown) => boolean> = {
  minutes: (value) => typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 24 * 60,
  reason: (value) => typeof value === 'string' && value !== '' && value.length <= MAX_PROVIDER_WORDS,
  issuer: (value) => typeof value === 'string' && /^https?:\/\//.test(value) && URL.canParse(value),
};

/** The refusal a cookie value says, or undefined when it is not one this panel can word. */
function parseRefusal(value: string): SsoRefusal | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeURIComponent(value));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { code, params } = parsed as { code?: unknown; params?: unknown };
  if (!isSsoCode(code) || typeof params !== 'object' || params === null) return undefined;
  const checked: Record<string, string | number> = {};
  for (const name of REFUSAL_PARAMS[code] as readonly string[]) {
    const param = (params as Record<string, unknown>)[name];
    if (!PARAM_CHECKS[name]?.(param)) return undefined;
    checked[name] = param as string | number;
  }
  return { code, params: checked };
}

export interface SsoRefusalInAddress {
  /** Undefined when the panel cannot word it: the login then says only that single sign-on failed. */
  refusal: SsoRefusal | undefined;
}

/** The value of one cookie in a `document.cookie` / Cookie header string, if set. */
function cookieValue(cookies: string, name: string): string | undefined {
  for (const pair of cookies.split(';')) {
    const at = pair.indexOf('=');
    if (at !== -1 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * The refusal an address and the page's cookies carry: null when the address says none;
 * `{ refusal: undefined }` when the address says "refused" but the cookie is missing or not one
 * this panel can word (a forged or an old link, a newer server).
 */
export function readSsoRefusal(search: string, cookies: string): SsoRefusalInAddress | null {
  if (new URLSearchParams(search).get(MARK) !== REFUSED) return null;
  const value = cookieValue(cookies, SSO_REFUSAL_COOKIE);
  return { refusal: value === undefined ? undefined : parseRefusal(value) };
}

/** What `document.cookie` is set to, to delete the refusal's cookie once it has been read. */
export function ssoRefusalCookieDeletion(secure: boolean): string {
  return `${SSO_REFUSAL_COOKIE}=; Path=${SSO_REFUSAL_COOKIE_PATH}; Max-Age=0; SameSite=Lax${secure ? '; Secure' : ''}`;
}
