/**
 * Staff accounts on a real server: every route and socket event against every role (the routes
 * are read from the express router itself), account changes closing live channels, the journal
 * naming people, bad input, and the login limits and cookies of the attack review.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_PERMISSIONS, SOCKET_PERMISSIONS, routePermission } from '../../server/staff/permissions.ts';
import { allows, type Grant } from '../../shared/staff.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { createStaffAuth } from '../../server/staff/staff-auth.ts';
import { connectControl, refusedConnection } from './clients.ts';
import { FIXTURE } from './fixture.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ programme: FIXTURE });
});
afterAll(() => server.close());

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every [METHOD, path] the /api router serves, found by walking express's own stacks. */
function apiRoutes(): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) found.push([method.toUpperCase(), layer.route.path]);
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  const appRouter = (server.application.app as unknown as { router: { stack: Layer[] } }).router;
  const api = appRouter.stack.find((layer) => layer.handle?.stack?.some((inner) => inner.handle?.stack));
  walk(api!.handle!.stack!);
  return found.filter(([method]) => method !== '_ALL');
}

const GRANTS: Array<[string, Grant]> = [
  ['viewer', { role: 'viewer', emergency: false }],
  ['editor', { role: 'editor', emergency: false }],
  ['duty', { role: 'editor', emergency: true }],
  ['boss', { role: 'admin', emergency: false }],
];

function concrete(path: string): string {
  return '/api' + path.replace(':revision', '999999').replace(/:[a-z]+/g, 'no-such-thing');
}

describe('one permission table for every route', () => {
  it('every route of the router has a row (a new route cannot be forgotten)', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(25);
    const listed = new Set(ROUTE_PERMISSIONS.map((rule) => `${rule.method} ${rule.path}`));
    const missing = routes.map(([method, path]) => `${method} ${path}`).filter((route) => !listed.has(route));
    expect(missing).toEqual([]);
  });

  it('each role gets 403 exactly where the table says, on every write route', async () => {
    const cookies = new Map<string, string>();
    for (const [name, grant] of GRANTS) cookies.set(name, await server.loginAs(name, grant.role, grant.emergency));
    const writes = apiRoutes().filter(([method]) => method !== 'GET' && method !== 'HEAD');
    for (const [method, path] of writes) {
      const permission = routePermission(method, path);
      if (permission === 'public' || path === '/logout' || path === '/me/password') continue;
      for (const [name, grant] of GRANTS) {
        const revision = server.service.revision();
        const { status } = await server.request(method, concrete(path), {}, cookies.get(name));
        const expected = allows(grant, permission) ? 'allowed' : 'refused';
        expect([method, path, name, status === 403 ? 'refused' : 'allowed']).toEqual([method, path, name, expected]);
        if (expected === 'refused') expect(server.service.revision()).toBe(revision);
      }
    }
  });

  it('every /control event has a row, and a viewer may open the panel', async () => {
    expect(Object.keys(SOCKET_PERMISSIONS).sort()).toEqual(['connect', 'time:sync']);
    const panel = await connectControl(server.url, await server.loginAs('viewer', 'viewer'));
    const serverNow = await panel.socket.timeout(2000).emitWithAck('time:sync');
    expect(typeof serverNow).toBe('number');
    panel.socket.close();
  });
});

describe('account changes', () => {
  it('disabling a user closes their open panel at once and refuses their cookie', async () => {
    const admin = await server.login();
    const cookie = await server.loginAs('intern', 'editor');
    const panel = await connectControl(server.url, cookie);
    const closed = new Promise<string>((resolve) => panel.socket.once('disconnect', resolve));
    const { status } = await server.request('PATCH', '/api/accounts/intern', { disabled: true }, admin);
    expect(status).toBe(200);
    expect(await closed).toBe('io server disconnect');
    expect((await server.request('GET', '/api/changes', undefined, cookie)).status).toBe(401);
    expect((await refusedConnection(connectControl(server.url, cookie))).message).toMatch(/login required/);
  });

  it('a new role ends the sessions; the journal records the change and who made it', async () => {
    const admin = await server.login();
    const cookie = await server.loginAs('promoted', 'viewer');
    const { body } = await server.request('PATCH', '/api/accounts/promoted', { role: 'editor' }, admin);
    expect((await server.request('GET', '/api/changes', undefined, cookie)).status).toBe(401);
    const journal = await server.request('GET', `/api/changes?since=${body.revision - 1}`, undefined, admin);
    expect(journal.body.changes[0]).toMatchObject({
      actor: 'admin',
      actorName: 'Administrator',
      operation: 'account.change',
      summary: 'promoted is now editor',
    });
  });

  it('a schedule change carries the username and display name of its author', async () => {
    const admin = await server.login();
    await server.request(
      'POST',
      '/api/accounts',
      { username: 'maria', displayName: 'Maria Rossi', role: 'editor', password: 'a long enough pass phrase' },
      admin,
    );
    const login = await server.request('POST', '/api/login', {
      username: 'maria',
      password: 'a long enough pass phrase',
    });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const { body } = await server.request('PATCH', '/api/sessions/panel', { title: 'Panel, by Maria' }, cookie);
    const journal = await server.request('GET', `/api/changes?since=${body.revision - 1}`, undefined, cookie);
    expect(journal.body.changes[0]).toMatchObject({ actor: 'maria', actorName: 'Maria Rossi' });
  });

  it('a reset gives a one-time password that must be changed before anything else', async () => {
    const admin = await server.login();
    await server.loginAs('forgetful', 'editor');
    const { body } = await server.request('POST', '/api/accounts/forgetful/reset', undefined, admin);
    const login = await server.request('POST', '/api/login', { username: 'forgetful', password: body.oneTimePassword });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    expect((await server.request('GET', '/api/me', undefined, cookie)).body).toMatchObject({
      mustChangePassword: true,
    });
    expect((await server.request('POST', '/api/announcements', { text: 'x' }, cookie)).status).toBe(403);
    const change = await server.request(
      'POST',
      '/api/me/password',
      { currentPassword: body.oneTimePassword, newPassword: 'my own pass phrase' },
      cookie,
    );
    expect(change.status).toBe(204);
    const fresh = change.headers.getSetCookie()[0]!.split(';')[0]!;
    expect((await server.request('GET', '/api/me', undefined, fresh)).body).toMatchObject({
      mustChangePassword: false,
    });
  });

  it.each([
    [{ username: 'new user', role: 'editor' }, 400, 'username'],
    [{ username: 'bell\u0007', role: 'editor' }, 400, 'username'],
    [{ username: 'newbie', role: 'boss' }, 400, 'role'],
    [{ username: 'newbie', role: 'editor', password: 'short' }, 400, 'password'],
    [{ username: 'newbie', role: 'editor', password: 'password1234' }, 400, 'password'],
    [{ username: 'ADMIN', role: 'editor' }, 409, 'username'],
  ])('bad account %j → %i naming %s, nothing written', async (input, status, field) => {
    const admin = await server.login();
    const before = (await server.request('GET', '/api/accounts', undefined, admin)).body.accounts.length;
    const revision = server.service.revision();
    const answer = await server.request('POST', '/api/accounts', input, admin);
    expect([answer.status, answer.body.field]).toEqual([status, field]);
    expect((await server.request('GET', '/api/accounts', undefined, admin)).body.accounts.length).toBe(before);
    expect(server.service.revision()).toBe(revision);
  });
});

describe('cookies and logout', () => {
  it('a decoy cookie of the same name does not lock staff out', async () => {
    const cookie = await server.login();
    const decoy = `${server.auth.cookieName(false)}=junk; signage_session=junk`;
    const { status } = await server.request('GET', '/api/changes', undefined, `${decoy}; ${cookie}`);
    expect(status).toBe(200);
  });

  it('over plain HTTP the cookie name is unique to the server and stable across restarts; over HTTPS it is __Host-', async () => {
    const cookie = await server.login();
    const name = server.auth.cookieName(false);
    expect(name).toMatch(/^signage_session_[0-9a-f]{12}$/);
    expect(cookie.startsWith(`${name}=`)).toBe(true);
    // The well-known name is not ours any more, so a page on another port cannot aim a cookie at it.
    const token = cookie.slice(name.length + 1);
    expect((await server.request('GET', '/api/changes', undefined, `signage_session=${token}`)).status).toBe(401);

    const other = await startTestServer({ programme: FIXTURE });
    try {
      expect(other.auth.cookieName(false)).not.toBe(name);
      expect(other.auth.cookieName(true)).toBe('__Host-signage_session');
    } finally {
      await other.close();
    }
    // Derived from the data directory's session secret: the same after a restart.
    const reopened = await createStaffAuth({ dataDir: server.dataDir, password: server.password });
    try {
      expect(reopened.cookieName(false)).toBe(name);
    } finally {
      await reopened.close();
    }
  });

  it('a logged-out cookie stays refused after a restart (the list is in the database)', async () => {
    const own = await startTestServer({ programme: FIXTURE });
    const cookie = await own.login();
    await own.request('POST', '/api/logout', undefined, cookie);
    const again = await own.restart();
    try {
      expect((await again.request('GET', '/api/changes', undefined, cookie)).status).toBe(401);
      expect((await again.request('GET', '/api/changes', undefined, await again.login())).status).toBe(200);
    } finally {
      await again.close();
    }
  });
});

describe('login limits', () => {
  it('a direct client rotating X-Forwarded-For gets 429 (only the configured proxy is believed)', async () => {
    const own = await startTestServer({
      programme: FIXTURE,
      trustProxy: ['10.9.9.9'],
      loginRateLimit: { windowMs: 60_000, limit: 3 },
    });
    try {
      const statuses = [];
      for (let attempt = 0; attempt < 6; attempt++) {
        const response = await fetch(`${own.url}/api/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${attempt}` },
          body: JSON.stringify({ username: `guess${attempt}`, password: 'guess' }),
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    } finally {
      await own.close();
    }
  });

  it('the right password from an address that saw 10 failures still logs in', async () => {
    const own = await startTestServer({ programme: FIXTURE });
    try {
      for (let attempt = 0; attempt < 10; attempt++) {
        await own.request('POST', '/api/login', { username: `colleague${attempt}`, password: 'wrong' });
      }
      expect((await own.request('POST', '/api/login', { password: 'wrong again' })).status).toBe(429);
      expect((await own.request('POST', '/api/login', { password: own.password })).status).toBe(204);
    } finally {
      await own.close();
    }
  });
});
