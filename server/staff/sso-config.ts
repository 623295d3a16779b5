/**
 * Single sign-on settings: the `--sso-*` options and `SIGNAGE_SSO_*` variables, checked at boot
 * (server/platform/config.ts calls ssoSettings), and the one rule that turns a person's claim
 * values into a role. A problem is thrown as an Error with one line naming the option.
 */
import { isIP } from 'node:net';
import { ROLES, isRole, type Role } from '../../shared/staff.ts';

/** Where the provider sends people back to; the route lives in server/staff/sso-routes.ts. */
export const SSO_CALLBACK_PATH = '/api/sso/callback';
export const DEFAULT_SSO_SCOPE = 'openid profile email';
export const DEFAULT_SSO_ROLE_CLAIM = 'groups';

export interface SsoSettings {
  /** The provider's issuer URL (its discovery document is `<issuer>/.well-known/openid-configuration`). */
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** This server's `/api/sso/callback` as the browser reaches it (registered with the provider). */
  redirectUrl: URL;
  /** Shown on the login button: "Sign in with <name>". */
  providerName: string;
  scope: string;
  /** The ID-token (or userinfo) claim whose values decide the role, e.g. `groups` or `roles`. */
  roleClaim: string;
  /** Claim value → role; the highest role among a person's values wins, none = viewer. */
  roleMap: ReadonlyMap<string, Role>;
  /**
   * Seconds the provider's clock runs ahead of ours (openid-client's clockSkew). Not an option:
   * tests use it to present an ID token that has expired by our clock.
   */
  clockSkewSeconds?: number;
}

/** The option values config.ts's parseArgs read (undefined = not given). */
export interface SsoOptionValues {
  'sso-issuer'?: string | undefined;
  'sso-client-id'?: string | undefined;
  'sso-redirect-url'?: string | undefined;
  'sso-name'?: string | undefined;
  'sso-scope'?: string | undefined;
  'sso-role-claim'?: string | undefined;
  'sso-role-map'?: string | undefined;
}

type OptionName = keyof SsoOptionValues;

const VARIABLES: Record<OptionName, string> = {
  'sso-issuer': 'SIGNAGE_SSO_ISSUER',
  'sso-client-id': 'SIGNAGE_SSO_CLIENT_ID',
  'sso-redirect-url': 'SIGNAGE_SSO_REDIRECT_URL',
  'sso-name': 'SIGNAGE_SSO_NAME',
  'sso-scope': 'SIGNAGE_SSO_SCOPE',
  'sso-role-claim': 'SIGNAGE_SSO_ROLE_CLAIM',
  'sso-role-map': 'SIGNAGE_SSO_ROLE_MAP',
};
/** Only a variable: a secret on the command line is visible to every user of the machine (ps). */
export const CLIENT_SECRET_VARIABLE = 'SIGNAGE_SSO_CLIENT_SECRET';

/** Plain http is accepted only on this machine (a test or a local provider): tokens travel on it. */
export function isLoopbackHost(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1';
}

function httpUrl(text: string, label: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${label} must be a URL such as https://login.example.org/ (got "${text}")`);
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) return url;
  throw new Error(`${label} must be an https:// URL (http:// only on this machine) (got "${text}")`);
}

/** "signage-admins=admin,signage-editors=editor" → a map; values may contain anything but , and =. */
export function parseRoleMap(text: string, label: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const item of text.split(',')) {
    const entry = item.trim();
    if (entry === '') continue;
    const at = entry.lastIndexOf('=');
    const value = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim();
    if (at <= 0 || value === '') {
      throw new Error(`${label} takes claim=role pairs such as signage-admins=admin (got "${entry}")`);
    }
    if (!isRole(role)) throw new Error(`${label}: role must be ${ROLES.join(', ')} (got "${role}" for "${value}")`);
    map.set(value, role);
  }
  return map;
}

/** The role a person's claim values give: the highest mapped one, viewer when none is mapped. */
export function roleFromClaim(claim: unknown, roleMap: ReadonlyMap<string, Role>): Role {
  const values = Array.isArray(claim) ? claim : claim === undefined || claim === null ? [] : [claim];
  let best: Role = 'viewer';
  for (const value of values) {
    const role = typeof value === 'string' || typeof value === 'number' ? roleMap.get(String(value)) : undefined;
    if (role && ROLES.indexOf(role) > ROLES.indexOf(best)) best = role;
  }
  return best;
}

/**
 * The SSO settings from options (first) and variables, or undefined when none is given. Giving
 * some but not all of issuer, client id, secret and redirect URL is a mistake worth stopping for.
 */
export function ssoSettings(values: SsoOptionValues, env: NodeJS.ProcessEnv): SsoSettings | undefined {
  const read = (name: OptionName): { value: string; label: string } | undefined => {
    const option = values[name];
    if (option !== undefined) return { value: option.trim(), label: `--${name}` };
    const variable = env[VARIABLES[name]];
    return variable ? { value: variable.trim(), label: VARIABLES[name] } : undefined;
  };
  const secret = env[CLIENT_SECRET_VARIABLE];
  const given = (Object.keys(VARIABLES) as OptionName[]).some((name) => read(name) !== undefined) || !!secret;
  if (!given) return undefined;

  const required: Array<[OptionName | 'secret', string]> = [
    ['sso-issuer', `--sso-issuer (or ${VARIABLES['sso-issuer']})`],
    ['sso-client-id', `--sso-client-id (or ${VARIABLES['sso-client-id']})`],
    ['secret', CLIENT_SECRET_VARIABLE],
    ['sso-redirect-url', `--sso-redirect-url (or ${VARIABLES['sso-redirect-url']})`],
  ];
  const missing = required
    .filter(([name]) => (name === 'secret' ? !secret : !read(name)?.value))
    .map(([, label]) => label);
  if (missing.length > 0) throw new Error(`single sign-on needs ${missing.join(', ')} as well`);

  const issuerSetting = read('sso-issuer')!;
  const issuer = httpUrl(issuerSetting.value, issuerSetting.label);
  const redirectSetting = read('sso-redirect-url')!;
  const redirectUrl = httpUrl(redirectSetting.value, redirectSetting.label);
  if (redirectUrl.pathname !== SSO_CALLBACK_PATH || redirectUrl.search || redirectUrl.hash) {
    throw new Error(
      `${redirectSetting.label} must be this server's ${SSO_CALLBACK_PATH}, e.g. https://signage.example.org${SSO_CALLBACK_PATH} (got "${redirectSetting.value}")`,
    );
  }
  const roleMapSetting = read('sso-role-map');
  const roleMap = roleMapSetting ? parseRoleMap(roleMapSetting.value, roleMapSetting.label) : new Map<string, Role>();
  const roleClaim = read('sso-role-claim')?.value || DEFAULT_SSO_ROLE_CLAIM;
  const scope = read('sso-scope')?.value || DEFAULT_SSO_SCOPE;
  if (!scope.split(/\s+/).includes('openid')) {
    throw new Error(`${read('sso-scope')!.label} must include openid (got "${scope}")`);
  }
  const providerName = read('sso-name')?.value || issuer.hostname;
  // eslint-disable-next-line no-control-regex
  if (providerName.length > 60 || /[\u0000-\u001f\u007f]/.test(providerName)) {
    throw new Error(`${read('sso-name')!.label} must be at most 60 characters without control characters`);
  }
  return {
    issuer,
    clientId: read('sso-client-id')!.value,
    clientSecret: secret!,
    redirectUrl,
    providerName,
    scope,
    roleClaim,
    roleMap,
  };
}
