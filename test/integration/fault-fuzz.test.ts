/**
 * Hostile input on every write route, logged in as staff (or without a session on the public
 * ones): wrong types, huge strings, deep junk, "__proto__"/"constructor" keys, unicode, numbers
 * out of range, impossible dates, HTML and script, broken JSON, odd content types, junk ids.
 * Never a 5xx; every refused request (4xx) leaves the schedule, its revision, the fleet and the
 * clock exactly as they were; and nothing reaches Object.prototype. A fresh server per route.
 */
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectDisplay, type Client } from './clients.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';
import { hostileBody, hostileId, nearlyValid } from './fault-payloads.ts';
import { createFeedPoller } from '../../server/interchange/feeds/feed-poller.ts';

const RUNS = 50;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

interface World {
  server: TestServer;
  cookie: string;
  display: Client;
  ids: {
    sessions: string[];
    venues: string[];
    announcements: string[];
    displays: string[];
    revisions: string[];
    feeds: string[];
  };
}

/** A feed URL the fuzzer may add: fetching it fails at once (no network), as a dead source would. */
const DEAD_FEED = 'http://127.0.0.1:9/schedule.ics';

async function startWorld(): Promise<World> {
  const server = await startTestServer({
    programme: FIXTURE,
    clock: FIXTURE_CLOCK,
    speed: 0,
    // Whatever URL a fuzzed body names, nothing leaves the machine.
    feeds: (service, clock) =>
      createFeedPoller({
        service,
        intervalMs: 60_000,
        now: () => clock.now(),
        fetch: () => Promise.reject(new Error('no network in the fuzz test')),
      }),
  });
  const cookie = await server.login();
  const feed = await server.request('POST', '/api/feeds', { url: DEAD_FEED }, cookie);
  expect(feed.status).toBe(201);
  const { body } = await server.request('POST', '/api/announcements', { text: 'Existing announcement' }, cookie);
  await server.request('PATCH', '/api/sessions/panel', { title: 'Panel (renamed)' }, cookie);
  const display = await connectDisplay(server.url, {
    view: 'room',
    venueId: 'CR3',
    displayId: 'fuzz-door',
    token: 'fuzz-door-token-0123456789abcdef',
  });
  await display.recorder.waitFor('clock');
  return {
    server,
    cookie,
    display,
    ids: {
      sessions: FIXTURE.sessions.map((s) => s.id),
      venues: FIXTURE.venues.map((v) => v.id),
      announcements: [body.announcement.id],
      displays: ['fuzz-door'],
      revisions: ['1', '2', '0', '-1', '999999', '1e3'],
      feeds: [feed.body.id],
    },
  };
}

/**
 * What a refused request must leave untouched (minus what moves by itself: last-seen times, and the
 * clock's time once an accepted request set it running), read from the server's own objects,
 * which are what GET /api/schedule, /api/displays, /api/clock and /api/feeds serialize (the
 * schedule unredacted, so hidden passcodes count too): one JSON string per request instead of
 * four HTTP round trips, which were most of this file's CPU.
 */
async function state({ server }: World): Promise<string> {
  const { simulated, speed } = server.clock.state();
  return JSON.stringify({
    schedule: server.service.schedule(),
    feeds: await server.feeds.list(),
    displays: server.application.fleet.list().map(({ lastSeen: _l, stale: _s, ...rest }) => rest),
    clock: { simulated, speed },
  });
}

interface Route {
  name: string;
  /** "METHOD /path" as the express router declares it: every write route must have a case here. */
  route: string;
  method: string;
  /** Path arbitrary, given the world's known ids. */
  path(ids: World['ids']): fc.Arbitrary<string>;
  /** Sent without the staff cookie. */
  anonymous?: boolean;
  /** Also try text/plain and form bodies (routes that take more than JSON). */
  anyContentType?: boolean;
  /** Reads no body: only unparsable ones are refused. */
  noBody?: boolean;
  /** A body the route accepts, spoiled field by field by the fuzzer. */
  valid?: Record<string, unknown>;
}

const fixed = (path: string) => () => fc.constant(path);
const ROUTES: Route[] = [
  {
    name: 'PATCH a session',
    route: 'PATCH /api/sessions/:id',
    method: 'PATCH',
    path: (ids) => hostileId(ids.sessions).map((id) => `/api/sessions/${id}`),
    valid: {
      title: 'New title',
      venueId: 'M7',
      start: '2024-10-14T15:00',
      end: '2024-10-14T15:50',
      status: 'cancelled',
      organizers: { lead: 'UNODC', partners: [] },
      expectedVersion: 1,
      force: true,
    },
  },
  {
    name: 'POST a session',
    route: 'POST /api/sessions',
    method: 'POST',
    path: fixed('/api/sessions'),
    valid: { title: 'New', venueId: 'CR3', start: '2024-10-14T16:00', end: '2024-10-14T16:50', kind: 'other' },
  },
  {
    name: 'POST a delay',
    route: 'POST /api/sessions/:id/delay',
    method: 'POST',
    path: (ids) => hostileId(ids.sessions).map((id) => `/api/sessions/${id}/delay`),
    valid: { minutes: 15, shiftFollowing: true },
  },
  {
    name: 'PATCH a venue',
    route: 'PATCH /api/venues/:id',
    method: 'PATCH',
    path: (ids) => hostileId(ids.venues).map((id) => `/api/venues/${id}`),
    valid: { name: 'Conference Room 3', building: 'C-Building', floor: null, directions: '1st floor, turn left' },
  },
  {
    name: 'PATCH the settings',
    route: 'PATCH /api/settings',
    method: 'PATCH',
    path: fixed('/api/settings'),
    valid: { titleStyle: 'as-written' },
  },
  {
    name: 'DELETE a session',
    route: 'DELETE /api/sessions/:id',
    method: 'DELETE',
    path: (ids) =>
      fc
        .tuple(hostileId(ids.sessions), hostileId(['1', '2']))
        .map(([id, version]) => `/api/sessions/${id}?expectedVersion=${version}`),
  },
  {
    name: 'POST an announcement',
    route: 'POST /api/announcements',
    method: 'POST',
    path: fixed('/api/announcements'),
    valid: { text: 'Coffee', severity: 'urgent', venueIds: ['CR3', 'lobby'], expiresInMinutes: 30 },
  },
  {
    name: 'DELETE an announcement',
    route: 'DELETE /api/announcements/:id',
    method: 'DELETE',
    path: (ids) => hostileId(ids.announcements).map((id) => `/api/announcements/${id}`),
  },
  {
    name: 'PUT the emergency',
    route: 'PUT /api/emergency',
    method: 'PUT',
    path: fixed('/api/emergency'),
    valid: { text: 'Please leave the building' },
  },
  { name: 'DELETE the emergency', route: 'DELETE /api/emergency', method: 'DELETE', path: fixed('/api/emergency') },
  {
    name: 'POST an undo',
    route: 'POST /api/changes/:revision/undo',
    method: 'POST',
    path: (ids) => hostileId(ids.revisions).map((rev) => `/api/changes/${rev}/undo`),
  },
  {
    name: 'PUT the clock',
    route: 'PUT /api/clock',
    method: 'PUT',
    path: fixed('/api/clock'),
    valid: { time: '2024-10-14T13:00', speed: 2 },
  },
  {
    name: 'POST a login',
    route: 'POST /api/login',
    method: 'POST',
    path: fixed('/api/login'),
    anonymous: true,
    valid: { password: 'not the password', name: 'Eve' },
  },
  {
    name: 'POST a logout',
    route: 'POST /api/logout',
    method: 'POST',
    path: fixed('/api/logout'),
    anonymous: true,
    noBody: true,
  },
  {
    name: 'POST a pairing',
    route: 'POST /api/displays/pair',
    method: 'POST',
    path: fixed('/api/displays/pair'),
    valid: { code: 'ABC123', view: 'room', venueId: 'CR3', name: 'Door' },
  },
  {
    name: 'PATCH a display',
    route: 'PATCH /api/displays/:id',
    method: 'PATCH',
    path: (ids) => hostileId(ids.displays).map((id) => `/api/displays/${id}`),
    valid: { name: 'Door', view: 'room', venueId: 'M7' },
  },
  {
    name: 'POST identify',
    route: 'POST /api/displays/:id/identify',
    method: 'POST',
    path: (ids) => hostileId(ids.displays).map((id) => `/api/displays/${id}/identify`),
    // Reads no body: a real screen's id is accepted whatever is sent, so no share of refusals is expected.
    noBody: true,
  },
  {
    name: 'POST reload',
    route: 'POST /api/displays/:id/reload',
    method: 'POST',
    path: (ids) => hostileId(ids.displays).map((id) => `/api/displays/${id}/reload`),
    // Reads no body: a real screen's id is accepted whatever is sent, so no share of refusals is expected.
    noBody: true,
  },
  {
    name: 'DELETE a display',
    route: 'DELETE /api/displays/:id',
    method: 'DELETE',
    path: (ids) => hostileId(ids.displays).map((id) => `/api/displays/${id}`),
  },
  {
    name: 'POST forget offline screens',
    route: 'POST /api/displays/forget-offline',
    method: 'POST',
    path: fixed('/api/displays/forget-offline'),
    noBody: true,
  },
  {
    name: 'PUT an emergency template',
    route: 'PUT /api/emergency/templates/:id',
    method: 'PUT',
    path: () =>
      fc.oneof(
        fc.constant('/api/emergency/templates/evacuation'),
        fc.string().map((id) => `/api/emergency/templates/${encodeURIComponent(id)}`),
      ),
    valid: { label: 'Evacuation', text: 'Leave the building by the nearest exit.' },
  },
  {
    name: 'POST an account',
    route: 'POST /api/accounts',
    method: 'POST',
    path: fixed('/api/accounts'),
    valid: { username: 'fuzzed', role: 'viewer', displayName: 'Fuzzed', emergency: false },
  },
  {
    name: 'PATCH my own settings (panel language)',
    route: 'PATCH /api/me',
    method: 'PATCH',
    path: () => fc.constant('/api/me'),
    valid: { language: 'fr' },
  },
  {
    name: 'PATCH an account',
    route: 'PATCH /api/accounts/:username',
    method: 'PATCH',
    path: () =>
      fc.oneof(
        fc.constant('/api/accounts/admin'),
        fc.string().map((name) => `/api/accounts/${encodeURIComponent(name)}`),
      ),
    valid: { displayName: 'Renamed' },
  },
  {
    name: 'POST an account reset',
    route: 'POST /api/accounts/:username/reset',
    method: 'POST',
    path: () => fc.string().map((name) => `/api/accounts/${encodeURIComponent(name)}/reset`),
    noBody: true,
  },
  {
    name: 'POST my new password',
    route: 'POST /api/me/password',
    method: 'POST',
    path: fixed('/api/me/password'),
    valid: { currentPassword: 'wrong-password-here', newPassword: 'a-long-new-password-42' },
  },
  {
    name: 'POST a feed',
    route: 'POST /api/feeds',
    method: 'POST',
    path: fixed('/api/feeds'),
    valid: { url: 'http://127.0.0.1:9/other.ics' },
  },
  {
    name: 'DELETE a feed',
    route: 'DELETE /api/feeds/:id',
    method: 'DELETE',
    path: (ids) => hostileId(ids.feeds).map((id) => `/api/feeds/${id}`),
  },
  {
    name: 'POST accept what a feed wanted',
    route: 'POST /api/feeds/:id/kept/:sessionId/accept',
    method: 'POST',
    path: (ids) =>
      fc
        .tuple(hostileId(ids.feeds), hostileId(ids.sessions))
        .map(([feed, session]) => `/api/feeds/${feed}/kept/${session}/accept`),
  },
  {
    name: 'POST an import preview',
    route: 'POST /api/import/preview',
    method: 'POST',
    path: fixed('/api/import/preview'),
    anyContentType: true,
  },
  {
    name: 'POST an import',
    route: 'POST /api/import/apply',
    method: 'POST',
    path: fixed('/api/import/apply'),
    anyContentType: true,
  },
];

/**
 * One fuzz request through node:http: fetch's streams and Response objects cost about half a
 * millisecond of CPU more per request, paid here 1,650 times. The URL is parsed as fetch parses it
 * (WHATWG URL), so the server sees the same request target.
 */
function send(world: World, route: Route, path: string, body: string, contentType: string) {
  const headers: Record<string, string> = {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
  };
  if (!route.anonymous) headers.cookie = world.cookie;
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = httpRequest(new URL(world.server.url + path), { method: route.method, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, text }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

// Each case gets its own server (accepted fuzz changes the schedule, and the next route's ids
// must still be there), closed as soon as its case ends instead of being kept until the file ends.
let current: World | undefined;
async function freshWorld(): Promise<World> {
  current = await startWorld();
  return current;
}
afterEach(async () => {
  current?.display.socket.close();
  await current?.server.close();
  current = undefined;
});

/** Every write route the running application declares, as "METHOD /path" (mount paths included). */
function declaredWriteRoutes(app: unknown): string[] {
  const found: string[] = [];
  const walk = (stack: any[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths: string[] = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const method of Object.keys(layer.route.methods)) {
          if (['get', 'head', 'options'].includes(method)) continue;
          for (const path of paths) found.push(`${method.toUpperCase()} ${prefix}${path}`);
        }
      } else if (Array.isArray(layer.handle?.stack)) {
        const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        walk(layer.handle.stack, prefix + mount);
      }
    }
  };
  walk((app as { router: { stack: unknown[] } }).router.stack, '');
  return found.sort();
}

describe('hostile requests to every write route', () => {
  it('fuzzes every write route the router declares (a new route cannot be forgotten)', async () => {
    const world = await freshWorld();
    const declared = declaredWriteRoutes(world.server.application.app);
    expect(declared.length).toBeGreaterThan(10);
    expect([...new Set(ROUTES.map((r) => r.route))].sort()).toEqual(declared);
  });

  for (const route of ROUTES) {
    it(`${route.method} ${route.name}: no 5xx, refused requests change nothing`, async () => {
      const world = await freshWorld();
      const contentType = route.anyContentType
        ? fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded')
        : fc.constant('application/json');
      const bodies = route.valid ? fc.oneof(hostileBody, nearlyValid(route.valid)) : hostileBody;
      let refused = 0;
      // A refused request must leave the state as it found it. The state before a request is the one
      // read after the previous request (nothing else moves it: the clock is frozen and last-seen
      // times are left out), so each request costs one state read instead of two.
      let before = await state(world);
      await fc.assert(
        fc.asyncProperty(route.path(world.ids), bodies, contentType, async (path, body, type) => {
          const { status, text } = await send(world, route, path, body, type);
          expect(status, `${route.method} ${path} ${body.slice(0, 200)} → ${text.slice(0, 200)}`).toBeLessThan(500);
          if (status >= 400) {
            refused++;
            const expected = before;
            before = await state(world); // so that fast-check's shrinking compares with the live state
            // Compared as values (key order aside), with a readable difference when it fails.
            if (before !== expected) {
              expect(JSON.parse(before), `${route.method} ${path} ${body.slice(0, 200)} changed the state`).toEqual(
                JSON.parse(expected),
              );
            }
          } else {
            before = await state(world);
          }
        }),
        { numRuns: RUNS },
      );
      // The junk is overwhelmingly refused; a route that accepted all of it would be suspicious.
      if (!route.noBody) expect(refused).toBeGreaterThan(RUNS / 2);
      expect((await world.server.request('GET', '/api/schedule')).status).toBe(200);
    }, 60_000);
  }

  it('leaves Object.prototype alone', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
