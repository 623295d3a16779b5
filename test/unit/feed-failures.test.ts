/**
 * Why a feed's sync failed: the server names each kind of failure with a code (shared/feeds.ts),
 * keeps the English line for logs, stores both (an old row has only the English), and the panel
 * words every code in every language, with its params, never as the English.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FEED_FAILURE_CODES, FEED_FAILURE_PARAMS } from '../../shared/feeds.ts';
import { LANGUAGES } from '../../shared/languages.ts';
import { classifyFeedFailure, feedFailure } from '../../server/interchange/feeds/feed-failure.ts';
import { readSchedule } from '../../server/interchange/detect-format.ts';
import { ImportProblemsError } from '../../server/interchange/import-error.ts';
import { migrate } from '../../server/schedule/store/migrations.ts';
import { openFeedRecords } from '../../server/interchange/feeds/feed-records.ts';
import { FEED_FAILURES, feedFailureText } from '../../control/data/feed-failures.ts';
import { loadMessages } from '../../control/i18n/panel-locale.ts';
import { en } from '../../control/i18n/en.ts';

const OPTIONS = { timeoutMs: 20_000 };

/** What readSchedule throws for this text. */
function readerError(text: string): unknown {
  try {
    readSchedule(text, { timezone: 'Europe/Vienna' });
  } catch (error) {
    return error;
  }
  throw new Error('the text was read');
}

describe('classifying a failed feed sync', () => {
  it('names a network failure, a timeout and an HTTP status', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
    });
    expect(classifyFeedFailure(refused, OPTIONS)).toEqual({
      message: "cannot reach the feed's server: connect ECONNREFUSED 127.0.0.1:9",
      code: 'feed.unreachable',
      params: {},
    });
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(classifyFeedFailure(timeout, OPTIONS)).toEqual({
      message: 'no answer within 20s',
      code: 'feed.timeout',
      params: { seconds: 20 },
    });
    const status = feedFailure('feed.http-status', 'HTTP 502 Bad Gateway', { status: 502 });
    expect(classifyFeedFailure(status, OPTIONS)).toEqual({
      message: 'HTTP 502 Bad Gateway',
      code: 'feed.http-status',
      params: { status: 502 },
    });
  });

  it("names a connection's failure by the socket's code, never by fetch's wording", () => {
    const socket = (code: string, message = `connect ${code} feeds.example:443`) =>
      Object.assign(new Error(message), { code });
    // Another fetch (or another Node) words its own error differently; the cause's code decides.
    const reset = new TypeError('network error', { cause: socket('ECONNRESET', 'read ECONNRESET') });
    expect(classifyFeedFailure(reset, OPTIONS)).toEqual({
      message: "cannot reach the feed's server: read ECONNRESET",
      code: 'feed.unreachable',
      params: {},
    });
    // Every address of the host refused: the cause is an AggregateError of each attempt.
    const everyAddress = new TypeError('fetch failed', {
      cause: new AggregateError([socket('EHOSTUNREACH'), socket('ECONNREFUSED')]),
    });
    expect(classifyFeedFailure(everyAddress, OPTIONS)).toMatchObject({ code: 'feed.unreachable' });
    for (const code of ['ENOTFOUND', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']) {
      expect(classifyFeedFailure(new TypeError('fetch failed', { cause: socket(code) }), OPTIONS).code, code).toBe(
        'feed.unreachable',
      );
    }
    for (const code of [
      'CERT_HAS_EXPIRED',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'SELF_SIGNED_CERT_IN_CHAIN',
    ]) {
      expect(classifyFeedFailure(new TypeError('fetch failed', { cause: socket(code) }), OPTIONS), code).toEqual({
        message: `the feed's server's certificate is not accepted: connect ${code} feeds.example:443`,
        code: 'feed.tls',
        params: {},
      });
    }
    // A code of no known kind keeps only its English.
    const odd = new TypeError('fetch failed', { cause: socket('EWHATEVER', 'something odd') });
    expect(classifyFeedFailure(odd, OPTIONS)).toEqual({
      message: 'fetch failed: something odd',
      code: null,
      params: {},
    });
  });

  it("names what the readers refuse, with the reader's line when it gives one", () => {
    const prose = classifyFeedFailure(readerError('Dear colleagues, see you on Monday.'), OPTIONS);
    expect(prose).toMatchObject({ code: 'feed.unknown-format', params: {} });
    expect(prose.message).toMatch(/^not a recognised schedule format/);

    const brokenJson = classifyFeedFailure(
      readerError('{\n  "schedule": {\n    "version": "1",\n    "conference": ]\n}'),
      OPTIONS,
    );
    expect(brokenJson).toMatchObject({ code: 'feed.unreadable-line', params: { line: 4 } });
    expect(brokenJson.message).toMatch(/^line 4: not valid JSON/);

    const rows = new ImportProblemsError(
      [
        { line: 3, message: 'start: not a time' },
        { line: 7, message: 'venue_id: missing' },
      ],
      'row',
    );
    expect(classifyFeedFailure(rows, OPTIONS)).toMatchObject({ code: 'feed.unreadable-line', params: { line: 3 } });
  });

  it('anything else keeps only its English', () => {
    expect(classifyFeedFailure(new Error('something new\nwith a second line'), OPTIONS)).toEqual({
      message: 'something new',
      code: null,
      params: {},
    });
  });
});

const SAMPLE: Record<string, string | number> = { seconds: 20, status: 503, megabytes: 2, line: 42 };

describe('wording a failed feed sync', () => {
  it('the panel words exactly the codes the server stores', () => {
    expect(Object.keys(FEED_FAILURES).sort()).toEqual([...FEED_FAILURE_CODES].sort());
  });

  it.each(LANGUAGES)('%s words every code with its params, not as the English error', async (language) => {
    const t = await loadMessages(language);
    for (const code of FEED_FAILURE_CODES) {
      const lastErrorParams = Object.fromEntries(FEED_FAILURE_PARAMS[code].map((name) => [name, SAMPLE[name]!]));
      const failure = feedFailureText({ lastError: 'ENGLISH', lastErrorCode: code, lastErrorParams }, t);
      expect('worded' in failure && failure.worded, code).toBeTruthy();
      if (!('worded' in failure)) continue;
      expect(failure.worded).not.toContain('ENGLISH');
      for (const value of Object.values(lastErrorParams))
        expect(failure.worded, `${language} ${code}`).toContain(String(value));
      if (language !== 'en')
        expect(failure.worded, `${language} ${code}`).not.toBe(FEED_FAILURES[code](en, lastErrorParams));
    }
  });

  it('a failure without a code is quoted as the server sent it', () => {
    expect(feedFailureText({ lastError: 'HTTP 500', lastErrorCode: null, lastErrorParams: {} }, en)).toEqual({
      asSent: 'HTTP 500',
    });
  });
});

describe('storing a failed feed sync', () => {
  it('a row written before codes reads back with its English and no code', async () => {
    const db = new Database(':memory:');
    try {
      migrate(db, 17);
      db.prepare(
        "INSERT INTO feeds (id, url, last_error, failing_since) VALUES ('f1', 'https://x.example/a.ics', ?, ?)",
      ).run('HTTP 500 Internal Server Error', '2024-10-14T13:00:00+02:00');
      migrate(db);
      const [old] = await openFeedRecords(db).all();
      expect(old).toMatchObject({
        lastError: 'HTTP 500 Internal Server Error',
        lastErrorCode: null,
        lastErrorParams: {},
      });
    } finally {
      db.close();
    }
  });
});
