/**
 * A real OpenID Connect provider (the `oidc-provider` package) inside the test process, on port 0,
 * for the single sign-on tests. Its login step signs in whoever the test names in `nextUser` (null
 * = the person cancels: the provider answers access_denied), and consent is implied (a first-party
 * app), so a browser or plain fetch goes through without forms.
 *
 *   const idp = await startTestProvider({ ann: { name: 'Ann', groups: ['signage-admins'] } });
 *   const server = await startTestServer({ sso: (url) => idp.settingsFor(url) });
 *   idp.nextUser = 'ann';
 *   const { callbackUrl, flowCookie } = await idp.walkToCallback(server.url);
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { SSO_CALLBACK_PATH, type SsoSettings } from '../../server/staff/sso-config.ts';
import { parseRoleMap } from '../../server/staff/sso-config.ts';

export interface DirectoryUser {
  name: string;
  email?: string;
  groups: string[];
}

export const TEST_CLIENT_ID = 'venue-signage';
const TEST_CLIENT_SECRET = 'a-test-client-secret-of-some-length';
export const TEST_ROLE_MAP = 'signage-admins=admin,signage-editors=editor';
export const TEST_PROVIDER_NAME = 'Test Directory';

export interface TestProvider {
  issuer: string;
  /** Who the next login step signs in (an id of `users`), or null to refuse (access_denied). */
  nextUser: string | null;
  readonly users: Map<string, DirectoryUser>;
  /** Registers the redirect URL of the signage server at `serverUrl`; the settings it starts with. */
  settingsFor(serverUrl: string, extra?: Partial<SsoSettings>): SsoSettings;
  /**
   * A sign-in without a browser: starts it at the signage server, walks the provider's redirects
   * (with its own cookie jar) and stops at the redirect back. `tamper` may change the URL sent
   * to the provider (e.g. another nonce).
   */
  walkToCallback(
    serverUrl: string,
    tamper?: (authorizeUrl: URL) => void,
  ): Promise<{ callbackUrl: URL; flowCookie: string }>;
  close(): Promise<void>;
}

/** name=value of each Set-Cookie header (attributes dropped), for a jar of name → value. */
function absorbCookies(jar: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(';')[0]!;
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

export async function startTestProvider(users: Record<string, DirectoryUser>): Promise<TestProvider> {
  let provider: Provider | undefined;
  const httpServer = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  // localhost while the signage server is 127.0.0.1: another site to the browser, as a real
  // provider is, so the redirect back is a cross-site navigation (the cookies' SameSite matters).
  const issuer = `http://localhost:${(httpServer.address() as AddressInfo).port}`;
  const directory = new Map(Object.entries(users));
  // One signing key for the provider's life: a client that cached it keeps verifying.
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const redirectUris: string[] = [];

  const world: TestProvider = {
    issuer,
    nextUser: null,
    users: directory,
    settingsFor(serverUrl, extra = {}) {
      const redirectUrl = new URL(SSO_CALLBACK_PATH, serverUrl);
      redirectUris.push(redirectUrl.href);
      provider = createProvider(issuer, signingKey, redirectUris, directory);
      return {
        issuer: new URL(issuer),
        clientId: TEST_CLIENT_ID,
        clientSecret: TEST_CLIENT_SECRET,
        redirectUrl,
        providerName: TEST_PROVIDER_NAME,
        scope: 'openid profile email',
        roleClaim: 'groups',
        roleMap: parseRoleMap(TEST_ROLE_MAP, 'test'),
        ...extra,
      };
    },
    async walkToCallback(serverUrl, tamper) {
      const start = await fetch(new URL('/api/sso/login', serverUrl), {
        redirect: 'manual',
        headers: { accept: 'application/json' },
      });
      if (start.status !== 303) throw new Error(`/api/sso/login answered ${start.status}: ${await start.text()}`);
      const ours = new Map<string, string>();
      absorbCookies(ours, start);
      let next = new URL(start.headers.get('location')!);
      tamper?.(next);
      const jar = new Map<string, string>();
      for (let hop = 0; hop < 10; hop += 1) {
        if (next.origin !== issuer) return { callbackUrl: next, flowCookie: cookieHeader(ours) };
        const answer = await fetch(next, { redirect: 'manual', headers: { cookie: cookieHeader(jar) } });
        absorbCookies(jar, answer);
        const location = answer.headers.get('location');
        if (!location)
          throw new Error(`the provider stopped at ${next.href} with ${answer.status}: ${await answer.text()}`);
        next = new URL(location, next);
      }
      throw new Error('the provider redirected more than 10 times');
    },
    async close() {
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      if (!provider) throw new Error('settingsFor was not called');
      if (!req.url?.startsWith('/interaction/')) return void provider.callback()(req, res);
      await provider.interactionDetails(req, res);
      const user = world.nextUser;
      const result =
        user === null
          ? { error: 'access_denied', error_description: 'the person cancelled the sign-in' }
          : { login: { accountId: user } };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  }

  return world;
}

function createProvider(
  issuer: string,
  jwk: JsonWebKey,
  redirectUris: string[],
  users: Map<string, DirectoryUser>,
): Provider {
  return new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: [...redirectUris],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...jwk, kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['a-test-cookie-signing-key'] },
    pkce: { required: () => true },
    // Set, so the provider does not print a notice for each default.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 3600, IdToken: 3600 },
    // Profile claims (groups among them) reach the client through userinfo, OpenID Connect's
    // default for the code flow: the signage server must look there too.
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'groups'], email: ['email'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const user = users.get(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, preferred_username: sub, name: user.name, email: user.email, groups: user.groups }),
      };
    },
    // A first-party app: the venue's own directory does not ask people to consent.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
  });
}
