/**
 * What the live feeds routes answer: the server makes it (server/interchange/feeds/), the control
 * panel shows it (control/data/feeds-api.ts). Types only, so the panel's bundle stays free of the
 * server's code.
 */

/** What a feed last said about one of its sessions: staff edits are what differs from it. */
export interface SyncedValues {
  title: string;
  start: string;
  end: string;
  venueId: string;
  status: string;
}

/** A change the feed wanted that was not applied because staff had edited the session since. */
export interface KeptEdit {
  sessionId: string;
  title: string;
  field: keyof SyncedValues;
  feedSays: string;
  kept: string;
  /** The journal actor who made the kept change. */
  keptBy: string;
}

/**
 * Why a feed's last sync failed, as stable codes with the params each one names; the panel words
 * every one in every language (control/data/feed-failures.ts), and its catalogue test reads this
 * list. The server classifies failures in server/interchange/feeds/feed-failure.ts.
 */
export const FEED_FAILURE_PARAMS = {
  /** No connection: unknown host, connection refused or reset, no route. */
  'feed.unreachable': [],
  /** The feed's server's certificate is not trusted: expired, self-signed, from an unknown authority, for another name. */
  'feed.tls': [],
  /** The feed's server gave no answer within the poller's timeout. */
  'feed.timeout': ['seconds'],
  /** Any answer but 2xx or 304. */
  'feed.http-status': ['status'],
  'feed.too-large': ['megabytes'],
  'feed.empty': [],
  'feed.unknown-format': [],
  /** A reader refused the text without naming a line. */
  'feed.unreadable': [],
  /** A reader refused the text at this (first) line or row. */
  'feed.unreadable-line': ['line'],
  /** Read, but not one session in it (a calendar without events, a CSV with only its header). */
  'feed.no-sessions': [],
  /** The database did not take the feed's changes (server/interchange/feeds/feed-poller.ts); the next sync tries again. */
  'feed.not-stored': [],
} as const satisfies Record<string, readonly string[]>;

export type FeedFailureCode = keyof typeof FEED_FAILURE_PARAMS;

export const FEED_FAILURE_CODES = Object.keys(FEED_FAILURE_PARAMS) as FeedFailureCode[];

/** One feed as GET /api/feeds lists it. */
export interface FeedStatus {
  id: string;
  url: string;
  lastSyncAt: string | null;
  /** The last failure in English (logs, metrics, other clients); null once a sync succeeds. */
  lastError: string | null;
  /**
   * The same failure as a code with its params, for the panel to word; null for a failure stored
   * before codes existed, or one the server could not classify (then lastError is all there is).
   */
  lastErrorCode: FeedFailureCode | null;
  lastErrorParams: Record<string, string | number>;
  failingSince: string | null;
  kept: KeptEdit[];
}
