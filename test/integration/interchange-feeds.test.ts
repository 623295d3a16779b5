// Issue 15 (3): live feeds. A feed served by a local HTTP server changes and the screens follow; a
// staff edit survives the next sync and is listed as kept; a failing, garbage or empty feed keeps
// the schedule and reports failing (a far date too); a sync that changes nothing writes no revision.
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeVenueCert } from '../support/venue-cert-files.ts';
import type { TestServer } from '../support/server.ts';
import { serveFeed, type FeedSource } from '../support/feed-source.ts';
import { startFeedFixtureServer } from './fixture-server.ts';
import { connectDisplay, type Client } from './clients.ts';
import { feedActor, type FeedPoller } from '../../server/interchange/feeds/feed-poller.ts';

const HEADER = 'id,title,start,end,venue_id';
const KEYNOTE = 'feed-keynote,Feed keynote,2024-10-14T16:00,2024-10-14T16:50,CR3';
const CLOSING = 'feed-closing,Feed closing,2024-10-14T17:00,2024-10-14T17:30,CR3';

let server: TestServer;
let cookie: string;
let poller: FeedPoller;
let source: FeedSource;
let body: { status: number; text: string };
let requests: Array<Record<string, string | string[] | undefined>>;
let feedUrl: string;
const clients: Client[] = [];

beforeEach(async () => {
  body = { status: 200, text: `${HEADER}\n${KEYNOTE}\n${CLOSING}\n` };
  requests = [];
  source = await serveFeed((req, res) => {
    requests.push(req.headers);
    const etag = `"${createHash('sha256').update(body.text).digest('hex').slice(0, 16)}"`;
    if (body.status === 200 && req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
    res.writeHead(body.status, { 'content-type': 'text/csv', ...(body.status === 200 && { etag }) }).end(body.text);
  });
  feedUrl = source.url('/schedule.csv');
  ({ server, poller } = await startFeedFixtureServer());
  cookie = await server.login('Ann');
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.socket.close();
  await server.close();
  await source.close();
});

const session = (id: string) => server.service.schedule().sessions.find((s) => s.id === id);

async function addFeed() {
  const added = await server.request('POST', '/api/feeds', { url: feedUrl }, cookie);
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  return added.body as {
    id: string;
    url: string;
    lastSyncAt: string | null;
    lastError: string | null;
    failingSince: string | null;
  };
}

describe('live feeds', () => {
  it('imports a feed as one revision by the feed, and a display follows when the feed changes', async () => {
    const feed = await addFeed();
    expect(feed).toMatchObject({ url: feedUrl, lastError: null, failingSince: null });
    expect(feed.lastSyncAt).not.toBeNull();
    expect(server.service.revision()).toBe(1);
    expect(server.service.journalSince(0).at(-1)!.actor).toBe(feedActor(feedUrl));
    expect(session('feed-keynote')).toMatchObject({ title: 'Feed keynote', venueId: 'CR3' });

    const list = await server.request('GET', '/api/feeds', undefined, cookie);
    expect(list.body).toEqual([expect.objectContaining({ id: feed.id, url: feedUrl, failingSince: null })]);
    expect((await server.request('GET', '/api/feeds')).status).toBe(401);

    // Unchanged: a 304 thanks to the ETag, and no revision.
    expect(await poller.syncNow(feed.id)).toBe('not-modified');
    expect(requests.at(-1)!['if-none-match']).toMatch(/^"/);
    expect(server.service.revision()).toBe(1);

    const display = await connectDisplay(server.url, { view: 'room', venueId: 'CR3', displayId: 'cr3-door' });
    clients.push(display);
    await display.recorder.waitFor('snapshot');
    body.text = `${HEADER}\n${KEYNOTE.replace('16:00', '16:10').replace('16:50', '16:55')}\n${CLOSING}\n`;
    const delta = display.recorder.waitForRevision(2);
    expect(await poller.syncNow(feed.id)).toBe('applied');
    await delta;
    expect(session('feed-keynote')).toMatchObject({
      start: '2024-10-14T16:10:00+02:00',
      end: '2024-10-14T16:55:00+02:00',
    });
    expect(server.service.revision()).toBe(2);
  });

  it('keeps a staff edit made after the last sync, lists it, and applies the feed on accept', async () => {
    const feed = await addFeed();
    const edited = await server.request(
      'PATCH',
      '/api/sessions/feed-keynote',
      { start: '2024-10-14T16:15', end: '2024-10-14T17:00' },
      cookie,
    );
    expect(edited.status).toBe(200);
    body.text = `${HEADER}\n${KEYNOTE.replace('16:00', '16:05')}\n${CLOSING.replace('Feed closing', 'Feed farewell')}\n`;
    expect(await poller.syncNow(feed.id)).toBe('applied');
    expect(session('feed-keynote')).toMatchObject({ start: '2024-10-14T16:15:00+02:00' });
    expect(session('feed-closing')).toMatchObject({ title: 'Feed farewell' });

    const [listed] = (await server.request('GET', '/api/feeds', undefined, cookie)).body;
    expect(listed.kept).toEqual([
      {
        sessionId: 'feed-keynote',
        title: 'Feed keynote',
        field: 'start',
        feedSays: '2024-10-14T16:05:00+02:00',
        kept: '2024-10-14T16:15:00+02:00',
        keptBy: 'Ann',
      },
      {
        sessionId: 'feed-keynote',
        title: 'Feed keynote',
        field: 'end',
        feedSays: '2024-10-14T16:50:00+02:00',
        kept: '2024-10-14T17:00:00+02:00',
        keptBy: 'Ann',
      },
    ]);
    // The next sync still keeps it.
    body.text += '\n';
    await poller.syncNow(feed.id);
    expect(session('feed-keynote')!.start).toBe('2024-10-14T16:15:00+02:00');

    const accepted = await server.request('POST', `/api/feeds/${feed.id}/kept/feed-keynote/accept`, {}, cookie);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.kept).toEqual([]);
    expect(session('feed-keynote')).toMatchObject({
      start: '2024-10-14T16:05:00+02:00',
      end: '2024-10-14T16:50:00+02:00',
    });
  });

  it('a failing, garbage or empty feed keeps the schedule and is marked failing', async () => {
    const feed = await addFeed();
    const before = server.service.schedule();
    // The English for logs and metrics, and the code with its params for the panel to word.
    const cases: Array<[{ status: number; text: string }, RegExp, string, Record<string, unknown>]> = [
      [{ status: 500, text: 'oops' }, /^HTTP 500/, 'feed.http-status', { status: 500 }],
      [
        { status: 200, text: 'Dear colleagues, see you on Monday.' },
        /not a recognised schedule format/,
        'feed.unknown-format',
        {},
      ],
      [{ status: 200, text: '' }, /^the feed returned nothing$/, 'feed.empty', {}],
      [{ status: 200, text: `${HEADER}\n` }, /no sessions found/, 'feed.no-sessions', {}],
      // A date typo in the feed is refused by the staff-edit window, naming row and field (issue 14).
      [
        { status: 200, text: `${HEADER}\n${KEYNOTE}\n${CLOSING.replaceAll('2024-10-14', '2100-10-14')}\n` },
        /row 3: start: 2100-10-14 is more than a year away/,
        'feed.unreadable-line',
        { line: 3 },
      ],
    ];
    let firstFailure: string | null = null;
    for (const [next, message, code, params] of cases) {
      body = next;
      expect(await poller.syncNow(feed.id)).toBe('failed');
      const [listed] = (await server.request('GET', '/api/feeds', undefined, cookie)).body;
      expect(listed.lastError).toMatch(message);
      expect([listed.lastErrorCode, listed.lastErrorParams]).toEqual([code, params]);
      firstFailure ??= listed.failingSince;
      expect(listed.failingSince).toBe(firstFailure);
      expect(server.service.schedule()).toEqual(before);
    }
    body = { status: 200, text: `${HEADER}\n${KEYNOTE}\n${CLOSING}\n` };
    await poller.syncNow(feed.id);
    const [healthy] = (await server.request('GET', '/api/feeds', undefined, cookie)).body;
    expect(healthy).toMatchObject({ lastError: null, lastErrorCode: null, lastErrorParams: {}, failingSince: null });
    expect(server.service.revision()).toBe(before.revision);
  });

  it('a feed on a port where nothing listens is unreachable, and the code is what the database holds', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    feedUrl = `http://127.0.0.1:${port}/schedule.csv`;
    const feed = await addFeed();
    expect(await poller.syncNow(feed.id)).toBe('failed');
    const [listed] = (await server.request('GET', '/api/feeds', undefined, cookie)).body;
    expect(listed).toMatchObject({
      lastError: expect.stringMatching(/^cannot reach the feed's server: .*ECONNREFUSED/),
      lastErrorCode: 'feed.unreachable',
      lastErrorParams: {},
      failingSince: expect.any(String),
    });
    // What GET /api/feeds answered is what the database holds, not only the poller's memory.
    const [stored] = (await server.service.feedRecords?.()?.all()) ?? [];
    expect(stored).toMatchObject({ lastErrorCode: 'feed.unreachable', lastError: listed.lastError });
  });

  it('a feed whose certificate is not trusted is named as such, not as unreachable', async () => {
    const cert = writeVenueCert(['localhost'], ['127.0.0.1']);
    // Signed by a venue authority this process does not trust.
    const https = createHttpsServer({ cert: readFileSync(cert.cert), key: readFileSync(cert.key) }, (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/csv' }).end(body.text),
    );
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    try {
      feedUrl = `https://127.0.0.1:${(https.address() as AddressInfo).port}/schedule.csv`;
      const feed = await addFeed();
      expect(await poller.syncNow(feed.id)).toBe('failed');
      const [listed] = (await server.request('GET', '/api/feeds', undefined, cookie)).body;
      expect(listed).toMatchObject({
        lastError: expect.stringMatching(/^the feed's server's certificate is not accepted: /),
        lastErrorCode: 'feed.tls',
        lastErrorParams: {},
      });
    } finally {
      https.closeAllConnections();
      await new Promise((resolve) => https.close(resolve));
      rmSync(cert.dir, { recursive: true, force: true });
    }
  });

  it('changes the database does not take are named as not stored, and the next sync stores them', async () => {
    const feed = await addFeed();
    const before = server.service.revision();
    const renamed = KEYNOTE.replace('Feed keynote', 'Feed keynote renamed');
    body = { status: 200, text: `${HEADER}\n${renamed}\n${CLOSING}\n` };
    const refusing = vi
      .spyOn(server.service, 'applyImport')
      .mockRejectedValueOnce(new Error('SQLITE_IOERR: disk I/O error\n    at Statement.run'));
    try {
      expect(await poller.syncNow(feed.id)).toBe('failed');
    } finally {
      refusing.mockRestore();
    }
    const [listed] = (await server.request('GET', '/api/feeds', undefined, cookie)).body;
    expect(listed).toMatchObject({
      lastError: "the feed's changes could not be stored: SQLITE_IOERR: disk I/O error",
      lastErrorCode: 'feed.not-stored',
      lastErrorParams: {},
    });
    expect(server.service.revision()).toBe(before);
    expect(await poller.syncNow(feed.id)).toBe('applied');
    expect(session('feed-keynote')?.title).toBe('Feed keynote renamed');
  });

  it('removes a feed without touching its sessions, and refuses a bad URL naming the field', async () => {
    const feed = await addFeed();
    expect((await server.request('DELETE', `/api/feeds/${feed.id}`, undefined, cookie)).status).toBe(204);
    expect((await server.request('GET', '/api/feeds', undefined, cookie)).body).toEqual([]);
    expect(session('feed-keynote')).toBeDefined();
    const bad = await server.request('POST', '/api/feeds', { url: 'ftp://example.org/x.ics' }, cookie);
    expect([bad.status, bad.body.field]).toEqual([400, 'url']);
  });
});
