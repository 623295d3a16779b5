/** The staff door: login, logout, 401 on every staff route and on /control, rate limit, cookie flags. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectControl, refusedConnection } from './clients.ts';
import { FIXTURE } from './fixture.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ programme: FIXTURE, password: 'correct horse battery' });
});
afterAll(() => server.close());

/** Every route that needs staff, with a body that would otherwise be valid. */
const STAFF_ROUTES: Array<[method: string, path: string, body?: unknown]> = [
  ['PATCH', '/api/sessions/opening', { title: 'Hacked' }],
  ['POST', '/api/sessions', { title: 'X', venueId: 'M7', start: '2024-10-14T19:00', end: '2024-10-14T20:00' }],
  ['DELETE', '/api/sessions/opening'],
  ['POST', '/api/sessions/opening/delay', { minutes: 5 }],
  ['POST', '/api/announcements', { text: 'Hacked' }],
  ['DELETE', '/api/announcements/any'],
  ['PUT', '/api/emergency', { text: 'Hacked' }],
  ['DELETE', '/api/emergency'],
  ['GET', '/api/changes?since=0'],
  ['POST', '/api/changes/1/undo'],
  ['GET', '/api/displays'],
  ['PUT', '/api/clock', { time: '2024-10-15T09:00' }],
];

describe('cross-origin writes', () => {
  it('a write a browser marks as cross-site is refused even with a valid cookie', async () => {
    const cookie = await server.login('Ann');
    const revision = server.service.revision();
    const refused: Array<Record<string, string>> = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'http://evil.example' },
    ];
    for (const headers of refused) {
      const response = await fetch(`${server.url}/api/emergency`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: JSON.stringify({ text: 'Evacuate' }),
      });
      expect(response.status).toBe(403);
    }
    expect(server.service.revision()).toBe(revision);
  });

  it('a same-origin write from the panel passes', async () => {
    const cookie = await server.login('Ann');
    const response = await fetch(`${server.url}/api/sessions/opening`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie, 'sec-fetch-site': 'same-origin', origin: server.url },
      body: JSON.stringify({ title: 'Opening (same origin)' }),
    });
    expect(response.status).toBe(200);
  });
});

describe('without a staff session', () => {
  it.each(STAFF_ROUTES)('%s %s → 401 and changes nothing', async (method, path, body) => {
    const revision = server.service.revision();
    const { status, body: answer } = await server.request(method, path, body);
    expect(status).toBe(401);
    expect(answer.error).toMatch(/login/);
    expect(server.service.revision()).toBe(revision);
  });

  it('a forged or tampered cookie is refused', async () => {
    const cookie = await server.login('Ann');
    const name = server.auth.cookieName(false);
    const [payload, signature] = cookie.slice(`${name}=`.length).split('.') as [string, string];
    const otherSignature = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, actor: 'Mallory' })).toString('base64url');
    for (const forged of [`${payload}.${otherSignature}`, `${forgedPayload}.${signature}`, 'garbage', '']) {
      expect((await server.request('GET', '/api/displays', undefined, `${name}=${forged}`)).status).toBe(401);
    }
    expect((await server.request('GET', '/api/displays', undefined, cookie)).status).toBe(200);
  });

  it('the /control namespace refuses the handshake', async () => {
    const error = await refusedConnection(connectControl(server.url));
    expect(error.message).toMatch(/staff login required/);
  });

  it('public reads stay open', async () => {
    for (const path of [
      '/api/schedule',
      '/api/clock',
      '/api/calendar.ics',
      '/api/venues/M7/calendar.ics',
      '/api/export/schedule.csv',
      '/api/export/schedule.json',
    ]) {
      expect((await server.request('GET', path)).status, path).toBe(200);
    }
  });

  it('staff reads stay closed whatever the letter case or trailing slash (express matches both)', async () => {
    for (const path of ['/api/CHANGES?since=0', '/api/Changes', '/api/changes/', '/api/DISPLAYS', '/api/Displays/']) {
      expect((await server.request('GET', path)).status, path).toBe(401);
    }
  });

  it('an unknown /api path is staff-only by default: 401 before 404', async () => {
    expect((await server.request('GET', '/api/nothing-here')).status).toBe(401);
  });
});

describe('login', () => {
  it('401 for a wrong password', async () => {
    const { status, body } = await server.request('POST', '/api/login', { password: 'wrong' });
    expect(status).toBe(401);
    expect(body.error).toMatch(/wrong username or password/);
  });

  it('400 for a missing password or an unknown field', async () => {
    expect((await server.request('POST', '/api/login', {})).body.field).toBe('password');
    expect((await server.request('POST', '/api/login', { password: 'x', role: 'admin' })).body.field).toBe('role');
  });

  it('204 with an HttpOnly, SameSite=Strict session cookie for 12 hours', async () => {
    const response = await fetch(`${server.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'correct horse battery' }),
    });
    expect(response.status).toBe(204);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${server.auth.cookieName(false)}=`))!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Strict/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).toMatch(/; Max-Age=43200/i);
    // Plain HTTP here: Secure would make the browser drop the cookie.
    expect(cookie).not.toMatch(/; Secure/i);
  });

  it('the cookie is Secure when the browser came over HTTPS through a trusted proxy', async () => {
    const proxied = await startTestServer({ programme: FIXTURE, trustProxy: true });
    try {
      const response = await fetch(`${proxied.url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ password: proxied.password }),
      });
      expect(response.status).toBe(204);
      expect(response.headers.getSetCookie()[0]).toMatch(/; Secure/i);
    } finally {
      await proxied.close();
    }
  });

  it('the name given at login is the journal actor', async () => {
    const cookie = await server.login('Chris');
    const { body } = await server.request('PATCH', '/api/sessions/panel', { title: 'Panel by Chris' }, cookie);
    const journal = await server.request('GET', `/api/changes?since=${body.revision - 1}`, undefined, cookie);
    expect(journal.body.changes[0].actor).toBe('Chris');
  });

  it('without a username the login is the admin, and the journal names the admin', async () => {
    const cookie = await server.login();
    const { body } = await server.request('PATCH', '/api/sessions/panel', { title: 'Panel by staff' }, cookie);
    const journal = await server.request('GET', `/api/changes?since=${body.revision - 1}`, undefined, cookie);
    expect(journal.body.changes[0]).toMatchObject({ actor: 'admin', actorName: 'Administrator' });
  });
});

describe('logout', () => {
  it('revokes the session and closes its /control channel', async () => {
    const cookie = await server.login();
    expect((await server.request('GET', '/api/displays', undefined, cookie)).status).toBe(200);
    const panel = await connectControl(server.url, cookie);
    const closed = new Promise<string>((resolve) => panel.socket.once('disconnect', resolve));

    const logout = await server.request('POST', '/api/logout', undefined, cookie);
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie()[0]).toMatch(new RegExp(`^${server.auth.cookieName(false)}=;`));
    expect(await closed).toBe('io server disconnect');
    expect((await server.request('GET', '/api/displays', undefined, cookie)).status).toBe(401);
  });

  it('is harmless without a session', async () => {
    expect((await server.request('POST', '/api/logout')).status).toBe(204);
  });
});

/** The login's first lifetime in the expiry test, and the longest it is doubled to. */
const SHORT_LOGIN_MS = 1_000;
const LONGEST_LOGIN_MS = 16_000;

describe('session expiry', () => {
  // The expiry is the server's real clock, so the test waits out the whole login: it lasts 1 s,
  // doubled only when the machine was too busy to open the channel before it ran out (what ran
  // out is then the time, not a bug: at least the login's lifetime had passed since it began).
  it('closes the /control channel when the staff session expires, and refuses it from then on', async () => {
    for (let lifetimeMs = SHORT_LOGIN_MS; ; lifetimeMs *= 2) {
      const short = await startTestServer({ programme: FIXTURE, sessionLifetimeMs: lifetimeMs });
      try {
        const loginStarted = Date.now();
        const outOfTime = () => Date.now() - loginStarted >= lifetimeMs && lifetimeMs < LONGEST_LOGIN_MS;
        const cookie = await short.login();
        const panel = await connectControl(short.url, cookie).catch((error: unknown) => {
          if (outOfTime()) return undefined;
          throw error;
        });
        if (!panel) continue;
        const closed = new Promise<string>((resolve) => panel.socket.once('disconnect', resolve));
        const snapshot = panel.recorder.waitFor('snapshot');
        const first = await Promise.race([snapshot.then(() => 'snapshot'), closed.then(() => 'closed')]);
        if (first === 'closed' && outOfTime()) {
          snapshot.catch(() => {}); // it will not come now
          continue;
        }
        await snapshot;
        expect(await closed).toBe('io server disconnect');
        const refused = await refusedConnection(connectControl(short.url, cookie));
        expect(refused.message).toMatch(/staff login required/);
        return;
      } finally {
        await short.close();
      }
    }
  });
});

describe('login rate limit', () => {
  let limited: TestServer;
  afterEach(() => limited?.close());

  it('answers 429 to wrong guesses past the limit, yet the right password still logs in', async () => {
    limited = await startTestServer({ programme: FIXTURE, loginRateLimit: { windowMs: 60_000, limit: 3 } });
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await limited.request('POST', '/api/login', { password: 'guess' })).status).toBe(401);
    }
    const blocked = await limited.request('POST', '/api/login', { password: 'guess again' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toMatch(/too many/);
    expect((await limited.request('POST', '/api/login', { password: limited.password })).status).toBe(204);
  });

  it('does not count successful logins', async () => {
    limited = await startTestServer({ programme: FIXTURE, loginRateLimit: { windowMs: 60_000, limit: 2 } });
    for (let attempt = 0; attempt < 4; attempt++) await limited.login();
    expect((await limited.request('POST', '/api/login', { password: limited.password })).status).toBe(204);
  });

  it('behind a trusted proxy, a client cannot dodge the limit by inventing X-Forwarded-For addresses', async () => {
    limited = await startTestServer({
      programme: FIXTURE,
      trustProxy: true,
      loginRateLimit: { windowMs: 60_000, limit: 3 },
    });
    const statuses = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      // The client forges the first entry; the proxy appends the address it really saw.
      const response = await fetch(`${limited.url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${attempt}, 198.51.100.7` },
        body: JSON.stringify({ password: 'guess' }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('the default limit is 10 failed attempts per 5 minutes', async () => {
    limited = await startTestServer({ programme: FIXTURE });
    const statuses = [];
    for (let attempt = 0; attempt < 11; attempt++)
      statuses.push((await limited.request('POST', '/api/login', { password: 'guess' })).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
  });
});
