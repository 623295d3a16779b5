/**
 * The set-up most REST test files share: one server on the fixture programme, its clock frozen at
 * FIXTURE_CLOCK, and a staff member (Ann, admin) signed in — made before the file's tests and
 * closed after them. A test that restarts the server puts the new one back into `world.server`.
 */
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';
import { createFeedPoller, type FeedPoller } from '../../server/interchange/feeds/feed-poller.ts';

export interface FixtureWorld {
  server: TestServer;
  /** Ann's session cookie, `name=value`. */
  cookie: string;
}

export function fixtureServerPerFile(): FixtureWorld {
  const world = {} as FixtureWorld;
  beforeAll(async () => {
    world.server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
    world.cookie = await world.server.login('Ann');
  });
  afterAll(() => world.server?.close());
  return world;
}

/**
 * A server on the fixture programme (clock frozen at FIXTURE_CLOCK) whose live feeds are polled
 * only when a test says so (`poller.syncNow`): the interval is a minute, longer than any test.
 */
export async function startFeedFixtureServer(): Promise<{ server: TestServer; poller: FeedPoller }> {
  let poller!: FeedPoller;
  const server = await startTestServer({
    programme: FIXTURE,
    clock: FIXTURE_CLOCK,
    speed: 0,
    feeds: (service, clock) => (poller = createFeedPoller({ service, intervalMs: 60_000, now: () => clock.now() })),
  });
  return { server, poller };
}
