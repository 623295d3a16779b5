// The control panel's live feeds in a real Chromium: add a feed, see a kept staff edit, accept the feed's value.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { FIXTURE, FIXTURE_CLOCK } from '../integration/fixture.ts';
import { createFeedPoller, type FeedPoller } from '../../server/interchange/feeds/feed-poller.ts';
import { sessionOf } from '../support/session-of.ts';

let browser: Browser;
let server: TestServer;
let poller: FeedPoller;
let source: Server;
let feedText: string;
let feedUrl: string;
let page: Page;
let cookie: string;

const csv = (start: string) =>
  `id,title,start,end,venue_id\nfeed-keynote,Feed keynote,2024-10-14T${start},2024-10-14T16:50,CR3\n`;

beforeAll(async () => {
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  feedText = csv('16:00');
  source = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/csv' }).end(feedText));
  await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(source.address() as AddressInfo).port}/feed.csv`;
  server = await startTestServer({
    programme: FIXTURE,
    clock: FIXTURE_CLOCK,
    speed: 0,
    feeds: (service, clock) => (poller = createFeedPoller({ service, intervalMs: 60_000, now: () => clock.now() })),
  });
  cookie = await server.login('Ann');
  const [name, value] = cookie.split('=') as [string, string];
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addCookies([{ name, value, url: server.url }]);
  page = await context.newPage();
  await page.goto(`${server.url}/control#import`);
});
afterEach(async () => {
  await page.context().close();
  await server.close();
  await new Promise((resolve) => source.close(resolve));
});

describe('<feeds-panel>', { timeout: 60_000 }, () => {
  it('adds a feed, lists a kept staff edit and accepts the feed value in one click', async () => {
    await page.getByLabel('Feed URL').fill(feedUrl);
    await page.getByRole('button', { name: 'Add feed' }).click();
    const feeds = page.getByRole('list', { name: 'Feeds' });
    await expect.poll(() => feeds.count()).toBe(1);
    expect(await feeds.textContent()).toContain(feedUrl);
    expect(sessionOf(server.service, 'feed-keynote')!.start).toBe('2024-10-14T16:00:00+02:00');

    await server.request('PATCH', '/api/sessions/feed-keynote', { start: '2024-10-14T16:15' }, cookie);
    feedText = csv('16:05');
    await poller.syncNow((await poller.list())[0]!.id);
    await page.getByRole('button', { name: 'Refresh' }).click();
    const kept = page.getByRole('list', { name: 'Edits kept over the feed' });
    await expect.poll(() => kept.count()).toBe(1);
    expect((await kept.textContent())!.replace(/\s+/g, ' ')).toContain(
      'Feed keynote: feed says 16:05, kept 16:15 set by Ann',
    );

    await page.getByRole('button', { name: "Accept the feed's" }).click();
    await expect.poll(() => kept.count()).toBe(0);
    expect(sessionOf(server.service, 'feed-keynote')!.start).toBe('2024-10-14T16:05:00+02:00');
  });

  it('lists a feed that cannot be reached as failing, with why', async () => {
    source.closeAllConnections();
    await new Promise((resolve) => source.close(resolve));
    source = createServer();
    await page.getByLabel('Feed URL').fill(feedUrl);
    await page.getByRole('button', { name: 'Add feed' }).click();
    const feeds = page.getByRole('list', { name: 'Feeds' });
    await expect.poll(() => feeds.count()).toBe(1);
    expect(await feeds.textContent()).toMatch(/failing since 2024-10-14 \d\d:\d\d: \S+/);
    expect(server.service.revision()).toBe(0);
  });
});
