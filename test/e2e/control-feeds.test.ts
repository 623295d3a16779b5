// The control panel's live feeds in a real Chromium: add a feed, see a kept staff edit, accept the feed's value.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeFileContexts, sharedChromium } from '../support/shared-browser.ts';
import type { TestServer } from '../support/server.ts';
import type { FeedPoller } from '../../server/interchange/feeds/feed-poller.ts';
import { serveFeed, type FeedSource } from '../support/feed-source.ts';
import { startFeedFixtureServer } from '../integration/fixture-server.ts';
import { openSignedIn } from './control-fixture.ts';
import { sessionOf } from '../support/session-of.ts';

let browser: Browser;
let server: TestServer;
let poller: FeedPoller;
let source: FeedSource;
let feedText: string;
let feedUrl: string;
let page: Page;
let cookie: string;

const csv = (start: string) =>
  `id,title,start,end,venue_id\nfeed-keynote,Feed keynote,2024-10-14T${start},2024-10-14T16:50,CR3\n`;

beforeAll(async () => {
  browser = await sharedChromium();
}, 120_000);
afterAll(async () => {
  await closeFileContexts(browser);
});

beforeEach(async () => {
  feedText = csv('16:00');
  source = await serveFeed((_req, res) => res.writeHead(200, { 'content-type': 'text/csv' }).end(feedText));
  feedUrl = source.url('/feed.csv');
  ({ server, poller } = await startFeedFixtureServer());
  cookie = await server.login('Ann');
  page = await openSignedIn(browser, server, 'Ann', '/control#import');
});
afterEach(async () => {
  await page.context().close();
  await server.close();
  await source.close();
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
    await source.close();
    await page.getByLabel('Feed URL').fill(feedUrl);
    await page.getByRole('button', { name: 'Add feed' }).click();
    const feeds = page.getByRole('list', { name: 'Feeds' });
    await expect.poll(() => feeds.count()).toBe(1);
    await expect.poll(() => feeds.locator('.failing').count()).toBe(1);
    expect((await feeds.locator('.failing').textContent())!.replace(/\s+/g, ' ').trim()).toMatch(
      /^failing since 2024-10-14 \d\d:\d\d: the feed’s server cannot be reached \(no connection, unknown host or connection refused\)\.$/,
    );
    expect(server.service.revision()).toBe(0);
  });

  it("words why a feed fails in the staff member's language; a failure stored before codes is quoted as stored", async () => {
    expect((await server.request('PATCH', '/api/me', { language: 'fr' }, cookie)).status).toBeLessThan(300);
    await page.reload();
    feedText = 'Dear colleagues, see you on Monday.';
    await page.getByLabel('URL du flux').fill(feedUrl);
    await page.getByRole('button', { name: 'Ajouter le flux' }).click();
    const failing = page.getByRole('list', { name: 'Flux' }).locator('.failing');
    await expect.poll(() => failing.count()).toBe(1);
    expect((await failing.textContent())!.replace(/\s+/g, ' ').trim()).toMatch(
      /^en échec depuis 2024-10-14 \d\d:\d\d : le flux n’est pas dans un format de programme que nous savons lire\.$/,
    );
    // Nothing of the server's English is shown for a coded failure.
    expect(await failing.locator('bdi').count()).toBe(0);

    // A row from before failures had codes: only its English is known, quoted as stored, set apart.
    const records = server.service.feedRecords?.();
    if (!records) throw new Error('the test server keeps its feeds in its database');
    const [stored] = await records.all();
    await records.put({
      ...stored!,
      lastError: 'HTTP 500 Internal Server Error',
      lastErrorCode: null,
      lastErrorParams: {},
    });
    await page.getByRole('button', { name: 'Actualiser' }).click();
    await expect.poll(() => failing.locator('bdi').textContent()).toBe('HTTP 500 Internal Server Error');
  });
});
