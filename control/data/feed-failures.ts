/**
 * Why a feed's last sync failed, in the reader's words, from the code the server stored with it
 * (shared/feeds.ts). A failure without a code (stored before codes, or of a kind the server could
 * not name) has only the server's English, which the panel shows as sent, set apart.
 */
import type { PanelMessages } from '../i18n/messages.ts';
import type { FeedFailureCode, FeedStatus } from '../../shared/feeds.ts';
import { count, type Params } from './server-errors.ts';

/** Every code of FEED_FAILURE_PARAMS (the type makes a missing one fail to compile). */
export const FEED_FAILURES: Record<FeedFailureCode, (t: PanelMessages, params: Params) => string> = {
  'feed.unreachable': (t) => t.feedErrUnreachable,
  'feed.tls': (t) => t.feedErrTls,
  'feed.timeout': (t, p) => t.feedErrTimeout(count(p, 'seconds')),
  'feed.http-status': (t, p) => t.feedErrHttpStatus(count(p, 'status')),
  'feed.too-large': (t, p) => t.feedErrTooLarge(count(p, 'megabytes')),
  'feed.empty': (t) => t.feedErrEmpty,
  'feed.unknown-format': (t) => t.feedErrUnknownFormat,
  'feed.unreadable': (t) => t.feedErrUnreadable,
  'feed.unreadable-line': (t, p) => t.feedErrUnreadableLine(count(p, 'line')),
  'feed.no-sessions': (t) => t.feedErrNoSessions,
  'feed.not-stored': (t) => t.feedErrNotStored,
};

/** Worded here from its code, or the server's English to be quoted as sent (set apart, it is not the reader's language). */
export type FeedFailureText = { worded: string } | { asSent: string };

export function feedFailureText(
  feed: Pick<FeedStatus, 'lastError' | 'lastErrorCode' | 'lastErrorParams'>,
  t: PanelMessages,
): FeedFailureText {
  const word = feed.lastErrorCode ? FEED_FAILURES[feed.lastErrorCode] : undefined;
  return word ? { worded: word(t, feed.lastErrorParams ?? {}) } : { asSent: feed.lastError ?? '' };
}
