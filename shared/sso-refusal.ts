/**
 * How a refused single sign-on travels back to a person: the server redirects the browser to the
 * panel's login with `?signin=refused&code=sso.…` and the code's params (server/staff/sso-routes.ts),
 * and the login form words it in the reader's language (control/components/login-form.ts). The
 * panel takes from the address only a known `sso.*` code and the params that code declares, so
 * nothing else a link may carry is ever shown.
 */
import { REFUSAL_PARAMS, type CodedRefusal, type RefusalCode } from './refusal-codes.ts';

const MARK = 'signin';
const REFUSED = 'refused';
/** The provider's own words are cut to 400 characters on the server; anything longer was not sent by it. */
const MAX_PARAM_LENGTH = 500;

/** The query string (without "?") that carries a refusal to the login page. */
export function ssoRefusalSearch({ code, params }: CodedRefusal): string {
  const search = new URLSearchParams({ [MARK]: REFUSED, code });
  for (const [name, value] of Object.entries(params)) search.set(name, String(value));
  return search.toString();
}

function isSsoCode(code: string): code is RefusalCode {
  return code.startsWith('sso.') && Object.hasOwn(REFUSAL_PARAMS, code);
}

export interface SsoRefusalInAddress {
  /** Undefined for a code this panel cannot word: the login then says only that single sign-on failed. */
  refusal: CodedRefusal | undefined;
}

/**
 * The refusal an address carries: null when it carries none, `{ refusal: undefined }` for a code
 * this panel cannot word (a newer server, a hand-made link): the login then says only that single
 * sign-on failed.
 */
export function readSsoRefusal(search: string): SsoRefusalInAddress | null {
  const query = new URLSearchParams(search);
  if (query.get(MARK) !== REFUSED) return null;
  const code = query.get('code') ?? '';
  if (!isSsoCode(code)) return { refusal: undefined };
  const params: Record<string, string> = {};
  for (const name of REFUSAL_PARAMS[code] as readonly string[]) {
    const value = query.get(name);
    if (value === null || value === '' || value.length > MAX_PARAM_LENGTH) return { refusal: undefined };
    params[name] = value;
  }
  return { refusal: { code, params } };
}
