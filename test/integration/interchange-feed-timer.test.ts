// Issue 15 (3): a feed with a poll interval is fetched again by itself. With the poller's real
// timers and a short interval, the screens follow a changed feed and a failing poll keeps the
// sessions and reports why; with the timers in the test's hand, the delays (interval, doubling
// back-off after failures, back to the interval once it recovers) are checked exactly.
// Every wait is on an event (a display's delta, the poller's error callback, a timer being set).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectDisplay, type Client } from './clients.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';
import {
  createFeedPoller,
  feedActor,
  type FeedPoller,
  type Timers,
} from '../../server/interchange/feeds/feed-poller.ts';
import type { FeedStatus } from '../../shared/feeds.ts';

const HEADER = 'id,title,start,end,venue_id';
const csv = (start: string, title = 'Feed keynote') =>
  `${HEADER}\nfeed-keynote,${title},2024-10-14T${start},2024-10-14T16:50,CR3\n`;

let source: Server;
let feedUrl: string;
let answer: { status: number; text: string };
let server: TestServer | undefined;
const clients: Client[] = [];

beforeEach(async () => {
  answer = { status: 200, text: csv('16:00') };
  source = createServer((_req, res) => res.writeHead(answer.status, { 'content-type': 'text/csv' }).end(answer.text));
  await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(source.address() as AddressInfo).port}/schedule.csv`;
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.socket.close();
  await server?.close();
  server = undefined;
  await new Promise((resolve) => source.close(resolve));
});

const session = (id: string) => server!.service.schedule().sessions.find((s) => s.id === id);

async function listed(cookie: string): Promise<FeedStatus> {
  const [feed] = (await server!.request('GET', '/api/feeds', undefined, cookie)).body as FeedStatus[];
  return feed!;
}

describe('the feed poll timer (real timers, short interval)', () => {
  it('fetches the feed again by itself; a failing poll keeps the sessions and is reported', async () => {
    const failures: FeedStatus[] = [];
    let onFailure = () => {};
    server = await startTestServer({
      programme: FIXTURE,
      clock: FIXTURE_CLOCK,
      speed: 0,
      feeds: (service, clock) =>
        createFeedPoller({
          service,
          intervalMs: 40,
          now: () => clock.now(),
          onError: (feed) => {
            failures.push(feed);
            onFailure();
          },
        }),
    });
    const cookie = await server.login('Ann');
    server.feeds.start();
    const added = await server.request('POST', '/api/feeds', { url: feedUrl }, cookie);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const afterFirstSync = server.service.revision();
    expect(session('feed-keynote')).toMatchObject({ start: '2024-10-14T16:00:00+02:00' });

    const display = await connectDisplay(server.url, { view: 'room', venueId: 'CR3', displayId: 'cr3-door' });
    clients.push(display);
    await display.recorder.waitFor('snapshot');
    // Nobody calls syncNow from here on: only the poller's own timer can bring this change.
    const followed = display.recorder.waitForRevision(afterFirstSync + 1);
    answer = { status: 200, text: csv('16:10', 'Feed keynote (later)') };
    await followed;
    expect(session('feed-keynote')).toMatchObject({
      start: '2024-10-14T16:10:00+02:00',
      title: 'Feed keynote (later)',
    });
    expect(server.service.journalSince(0).at(-1)!.actor).toBe(feedActor(feedUrl));

    const failed = new Promise<void>((resolve) => (onFailure = resolve));
    const before = server.service.schedule();
    answer = { status: 503, text: 'maintenance' };
    await failed;
    expect(failures[0]).toMatchObject({ url: feedUrl, lastError: expect.stringMatching(/^HTTP 503/) });
    expect(server.service.schedule()).toEqual(before);
    const feed = await listed(cookie);
    expect(feed.lastError).toMatch(/^HTTP 503/);
    expect(feed.failingSince).not.toBeNull();
    expect(session('feed-keynote')).toMatchObject({ title: 'Feed keynote (later)' });
  });
});

/** Timers the test fires by hand; `next()` resolves when the poller sets its next one. */
function manualTimers() {
  const pending = new Map<number, { callback: () => void; ms: number }>();
  let handle = 0;
  let waiting: ((timer: { ms: number; fire: () => void }) => void) | undefined;
  const timers: Timers = {
    set(callback, ms) {
      const id = ++handle;
      pending.set(id, { callback, ms });
      const resolve = waiting;
      waiting = undefined;
      resolve?.({ ms, fire: () => (pending.delete(id), callback()) });
      return id;
    },
    clear: (id) => void pending.delete(id as number),
  };
  const next = () => new Promise<{ ms: number; fire: () => void }>((resolve) => (waiting = resolve));
  return { timers, next, pending };
}

describe('the feed poll timer (timers in the test’s hand)', () => {
  it('polls every interval, doubles the wait after each failure and returns to the interval', async () => {
    const clock = manualTimers();
    let poller!: FeedPoller;
    server = await startTestServer({
      programme: FIXTURE,
      clock: FIXTURE_CLOCK,
      speed: 0,
      feeds: (service, serverClock) =>
        (poller = createFeedPoller({
          service,
          intervalMs: 60_000,
          now: () => serverClock.now(),
          timers: clock.timers,
        })),
    });
    const cookie = await server.login('Ann');
    poller.start();
    let timer = clock.next();
    expect((await server.request('POST', '/api/feeds', { url: feedUrl }, cookie)).status).toBe(201);
    const id = (await listed(cookie)).id;

    // Each poll: fire the timer, wait for the poll to finish, which sets the next timer.
    const poll = async () => {
      const { fire } = await timer;
      timer = clock.next();
      fire();
      await poller.syncNow(id);
      return (await timer).ms;
    };
    expect((await timer).ms).toBe(60_000);

    answer = { status: 200, text: csv('16:20') };
    expect(await poll()).toBe(60_000);
    expect(session('feed-keynote')!.start).toBe('2024-10-14T16:20:00+02:00');

    answer = { status: 500, text: 'down' };
    const before = server.service.schedule();
    expect(await poll()).toBe(120_000);
    expect(await poll()).toBe(240_000);
    expect(server.service.schedule()).toEqual(before);
    expect(await listed(cookie)).toMatchObject({ lastError: expect.stringMatching(/^HTTP 500/) });

    answer = { status: 200, text: csv('16:25') };
    expect(await poll()).toBe(60_000);
    expect(await listed(cookie)).toMatchObject({ lastError: null, failingSince: null });
    expect(session('feed-keynote')!.start).toBe('2024-10-14T16:25:00+02:00');
    // One timer per feed: a poll replaces the one before it.
    expect(clock.pending.size).toBe(1);

    await server.close();
    server = undefined;
    expect(clock.pending.size).toBe(0);
  });
});
