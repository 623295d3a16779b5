/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider, in this process), without
 * a browser: the first sign-in makes an account with the role its group gives, the role follows
 * the directory, and every bad answer (state, nonce, expired ID token, the provider's refusal, a
 * replay, no sign-in started, SSO not configured) is refused with a clear message and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProvider, TEST_PROVIDER_NAME, type TestProvider } from '../support/oidc-provider.ts';
import { SESSION_COOKIE_LINE, startTestServer, type TestServer } from '../support/server.ts';
import { FIXTURE } from './fixture.ts';
import { MAX_PROVIDER_WORDS, SSO_REFUSAL_COOKIE } from '../../shared/sso-refusal.ts';

let idp: TestProvider;
let server: TestServer;

beforeAll(async () => {
  idp = await startTestProvider({
    ann: { name: 'Ann Admin', email: 'ann@example.org', groups: ['staff', 'signage-admins'] },
    ed: { name: 'Ed Editor', groups: ['signage-editors'] },
    vic: { name: 'Vic Visitor', groups: ['staff'] },
    // A directory user whose name is that of the local admin account.
    admin: { name: 'Someone Else', groups: ['signage-editors'] },
  });
  server = await startTestServer({ programme: FIXTURE, sso: (url) => idp.settingsFor(url) });
});
afterAll(async () => {
  await server?.close();
  await idp?.close();
});

interface CallbackAnswer {
  status: number;
  body: any;
  location: string | null;
  sessionCookie: string | undefined;
  /** The Set-Cookie line of the refusal's cookie for the login page, if any. */
  refusalCookie: string | undefined;
}

/** `accept`: a script asks for JSON; a person's browser asks for HTML first. */
async function answerCallback(url: URL, cookie: string, accept = 'application/json'): Promise<CallbackAnswer> {
  const response = await fetch(url, { redirect: 'manual', headers: { cookie, accept } });
  const type = response.headers.get('content-type') ?? '';
  const session = response.headers.getSetCookie().find((line) => SESSION_COOKIE_LINE.test(line));
  return {
    status: response.status,
    body: type.includes('json') ? await response.json() : await response.text(),
    location: response.headers.get('location'),
    sessionCookie: session?.split(';')[0],
    refusalCookie: response.headers.getSetCookie().find((line) => line.startsWith(`${SSO_REFUSAL_COOKIE}=`)),
  };
}

async function signIn(user: string): Promise<CallbackAnswer> {
  idp.nextUser = user;
  const { callbackUrl, flowCookie } = await idp.walkToCallback(server.url);
  return answerCallback(callbackUrl, flowCookie);
}

/** What a refused sign-in must leave as it was. */
async function snapshot() {
  return { accounts: JSON.stringify(await server.auth.accounts.list()), revision: server.service.revision() };
}

describe('single sign-on', () => {
  it('tells the login page its name', async () => {
    const { body } = await server.request('GET', '/api/sso');
    expect(body).toEqual({ enabled: true, providerName: TEST_PROVIDER_NAME });
  });

  it('makes an account at the first sign-in, with the role of the mapped group, and journals it', async () => {
    const answer = await signIn('ann');
    expect([answer.status, answer.location]).toEqual([303, '/control']);
    const me = await server.request('GET', '/api/me', undefined, answer.sessionCookie);
    expect(me.body).toMatchObject({
      username: 'ann',
      displayName: 'Ann Admin',
      role: 'admin',
      mustChangePassword: false,
    });
    expect((await server.auth.accounts.list()).find((a) => a.username === 'ann')).toMatchObject({ source: 'sso' });
    const admin = await server.login();
    const { body } = await server.request('GET', '/api/changes?since=0', undefined, admin);
    const added = body.changes.filter((change: any) => change.operation === 'account.add');
    expect(added.at(-1)).toMatchObject({ actor: 'ann', actorName: 'Ann Admin' });
    expect(added.at(-1).summary).toContain('single sign-on');
    // The same cookie as a password login: an admin route works, logout ends it.
    expect((await server.request('GET', '/api/accounts', undefined, answer.sessionCookie)).status).toBe(200);
    await server.request('POST', '/api/logout', undefined, answer.sessionCookie);
    expect((await server.request('GET', '/api/me', undefined, answer.sessionCookie)).status).toBe(401);
  });

  it('gives a person without a mapped group a viewer, who may read but not write', async () => {
    const answer = await signIn('vic');
    const me = await server.request('GET', '/api/me', undefined, answer.sessionCookie);
    expect(me.body.role).toBe('viewer');
    expect((await server.request('GET', '/api/changes', undefined, answer.sessionCookie)).status).toBe(200);
    const write = await server.request('POST', '/api/announcements', { text: 'hello' }, answer.sessionCookie);
    expect(write.status).toBe(403);
  });

  it('never links a directory person to a password account of the same name', async () => {
    const answer = await signIn('admin');
    const me = await server.request('GET', '/api/me', undefined, answer.sessionCookie);
    expect(me.body).toMatchObject({ username: 'admin-2', displayName: 'Someone Else', role: 'editor' });
    expect(await server.auth.accounts.get('admin')).toMatchObject({ role: 'admin', ssoSubject: null });
    expect((await server.request('POST', '/api/login', { password: server.password })).status).toBe(204);
  });

  it('refreshes the role from the claim at each sign-in, and refuses a disabled account', async () => {
    expect((await signIn('ed')).status).toBe(303);
    expect((await server.auth.accounts.get('ed'))?.role).toBe('editor');
    idp.users.get('ed')!.groups = ['staff'];
    const demoted = await signIn('ed');
    expect((await server.request('GET', '/api/me', undefined, demoted.sessionCookie)).body.role).toBe('viewer');

    const admin = await server.login();
    expect((await server.request('PATCH', '/api/accounts/ed', { disabled: true }, admin)).status).toBe(200);
    const before = await snapshot();
    const refused = await signIn('ed');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: expect.stringContaining('disabled'), code: 'sso.account-disabled' });
    expect(refused.sessionCookie).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  });
});

describe('single sign-on refuses bad answers and writes nothing', () => {
  async function refused(
    answer: Promise<CallbackAnswer>,
    status: number,
    message: RegExp,
    code: string,
    params: Record<string, unknown> = {},
  ): Promise<void> {
    const before = await snapshot();
    const { status: got, body, sessionCookie } = await answer;
    expect([got, body.error]).toEqual([status, expect.stringMatching(message)]);
    expect(body).toMatchObject({ code, params });
    expect(sessionCookie).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  }

  it('a wrong state', async () => {
    idp.nextUser = 'newcomer-1';
    idp.users.set('newcomer-1', { name: 'New One', groups: ['signage-admins'] });
    const { callbackUrl, flowCookie } = await idp.walkToCallback(server.url);
    callbackUrl.searchParams.set('state', 'not-the-state-we-sent');
    await refused(answerCallback(callbackUrl, flowCookie), 400, /wrong state/, 'sso.wrong-state');
  });

  it('a wrong nonce in the ID token', async () => {
    idp.nextUser = 'newcomer-1';
    const { callbackUrl, flowCookie } = await idp.walkToCallback(server.url, (authorize) =>
      authorize.searchParams.set('nonce', 'a-nonce-of-another-sign-in'),
    );
    await refused(answerCallback(callbackUrl, flowCookie), 401, /wrong nonce/, 'sso.wrong-nonce');
  });

  it("the provider's refusal", async () => {
    idp.nextUser = null;
    const { callbackUrl, flowCookie } = await idp.walkToCallback(server.url);
    expect(callbackUrl.searchParams.get('error')).toBe('access_denied');
    await refused(
      answerCallback(callbackUrl, flowCookie),
      401,
      /provider refused: access_denied \(the person cancelled/,
      'sso.provider-refused',
      { reason: expect.stringMatching(/^access_denied \(the person cancelled/) },
    );
  });

  it("a person's browser is sent back to the login with the refusal in a cookie, not in the address", async () => {
    idp.nextUser = null;
    const { callbackUrl, flowCookie } = await idp.walkToCallback(server.url);
    const before = await snapshot();
    const answer = await answerCallback(callbackUrl, flowCookie, 'text/html,application/xhtml+xml,*/*;q=0.8');
    expect(answer.status).toBe(303);
    expect(answer.sessionCookie).toBeUndefined();
    // Nothing in the address but the mark: a link anyone can make carries no words for the page.
    expect(answer.location).toBe('/control?signin=refused');
    const [pair, ...attributes] = answer.refusalCookie!.split('; ');
    expect(attributes).toEqual(expect.arrayContaining(['Max-Age=60', 'Path=/control', 'SameSite=Lax']));
    expect(attributes.some((attribute) => /^HttpOnly$/i.test(attribute))).toBe(false);
    const said = JSON.parse(decodeURIComponent(pair!.slice(`${SSO_REFUSAL_COOKIE}=`.length)));
    expect(said).toEqual({
      code: 'sso.provider-refused',
      params: { reason: expect.stringMatching(/^access_denied \(the person cancelled/) },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("cuts the provider's words to what the login page shows", async () => {
    idp.nextUser = null;
    const { callbackUrl, flowCookie } = await idp.walkToCallback(server.url);
    callbackUrl.searchParams.set('error', 'e'.repeat(300));
    callbackUrl.searchParams.set('error_description', 'd'.repeat(300));
    const answer = await answerCallback(callbackUrl, flowCookie);
    expect(answer.body.code).toBe('sso.provider-refused');
    expect(answer.body.params.reason).toHaveLength(MAX_PROVIDER_WORDS);
  });

  it('an answer for a sign-in this browser did not start, and a replay', async () => {
    idp.nextUser = 'newcomer-1';
    const { callbackUrl, flowCookie } = await idp.walkToCallback(server.url);
    const notStarted = ['sso.not-started', { minutes: 10 }] as const;
    await refused(answerCallback(callbackUrl, ''), 400, /not started in this browser/, ...notStarted);
    expect((await answerCallback(callbackUrl, flowCookie)).status).toBe(303);
    // A sign-in is used up by its answer: the same answer again finds nothing.
    await refused(answerCallback(callbackUrl, flowCookie), 400, /not started in this browser/, ...notStarted);
  });

  it('an ID token that has expired by our clock', async () => {
    const late = await startTestServer({
      programme: FIXTURE,
      // Our clock two hours ahead of the provider's: its one-hour ID tokens arrive expired.
      sso: (url) => idp.settingsFor(url, { clockSkewSeconds: 2 * 3600 }),
    });
    try {
      idp.nextUser = 'newcomer-1';
      const { callbackUrl, flowCookie } = await idp.walkToCallback(late.url);
      const before = JSON.stringify(await late.auth.accounts.list());
      const answer = await answerCallback(callbackUrl, flowCookie);
      expect([answer.status, answer.body.error]).toEqual([401, expect.stringMatching(/ID token has expired/)]);
      expect(answer.body.code).toBe('sso.token-expired');
      expect(JSON.stringify(await late.auth.accounts.list())).toBe(before);
    } finally {
      await late.close();
    }
  });

  it('a provider that cannot be reached', async () => {
    const closed = await startTestProvider({});
    const settings = (url: string) => closed.settingsFor(url);
    await closed.close();
    const cut = await startTestServer({ programme: FIXTURE, sso: settings });
    try {
      const { status, body } = await cut.request('GET', '/api/sso/login');
      expect([status, body.error]).toEqual([502, expect.stringContaining('cannot reach the sign-in provider')]);
      expect(body).toMatchObject({
        code: 'sso.provider-unreachable',
        params: { issuer: expect.stringMatching(/^http/) },
      });
    } finally {
      await cut.close();
    }
  });

  it('a server without single sign-on', async () => {
    const plain = await startTestServer({ programme: FIXTURE });
    try {
      expect((await plain.request('GET', '/api/sso')).body).toEqual({ enabled: false });
      for (const path of ['/api/sso/login', '/api/sso/callback?code=x&state=y']) {
        const { status, body } = await plain.request('GET', path);
        expect([status, body.error]).toEqual([400, expect.stringContaining('not configured')]);
        expect(body).toMatchObject({ code: 'sso.not-configured', params: {} });
      }
    } finally {
      await plain.close();
    }
  });
});
