/**
 * Why a feed's sync failed, as the English line the logs and metrics keep and the code the panel
 * words (shared/feeds.ts FEED_FAILURE_PARAMS). The poller throws FeedFailure for what it checks
 * itself; everything else (fetch, the readers, the store) is classified here by what it threw.
 */
import { AppError } from '../../platform/errors.ts';
import { ImportError, NoSessionsError, UnrecognisedFormatError } from '../import-types.ts';
import { ImportProblemsError } from '../import-error.ts';
import { FEED_FAILURE_PARAMS, type FeedFailureCode } from '../../../shared/feeds.ts';
import { firstLine } from '../../platform/first-line.ts';

type ParamsOf<C extends FeedFailureCode> = Record<(typeof FEED_FAILURE_PARAMS)[C][number], string | number>;

export interface ClassifiedFailure {
  /** One line of English. */
  message: string;
  /** Null when the failure is of no known kind: the panel then shows the English as sent. */
  code: FeedFailureCode | null;
  params: Record<string, string | number>;
}

/** A failure the poller recognises itself (an HTTP status, an empty or oversized body, no sessions). */
export class FeedFailure extends Error {
  constructor(
    readonly code: FeedFailureCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'FeedFailure';
  }
}

/** Makes one with its params checked against the code's list. */
export function feedFailure<C extends FeedFailureCode>(
  code: C,
  message: string,
  ...params: (typeof FEED_FAILURE_PARAMS)[C]['length'] extends 0 ? [] : [ParamsOf<C>]
): FeedFailure {
  return new FeedFailure(code, message, params[0]);
}

/** Node's fetch rejects with TypeError('fetch failed') and the socket's error as its cause. */
function networkCause(error: unknown): string | undefined {
  if (!(error instanceof TypeError) || error.message !== 'fetch failed') return undefined;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.message ?? cause?.code ?? 'no connection';
}

export function classifyFeedFailure(error: unknown, { timeoutMs }: { timeoutMs: number }): ClassifiedFailure {
  const coded = (code: FeedFailureCode, message: string, params: Record<string, string | number> = {}) => ({
    message: firstLine(message),
    code,
    params,
  });
  if (error instanceof FeedFailure) return coded(error.code, error.message, error.params);
  if (error instanceof Error && error.name === 'TimeoutError') {
    const seconds = timeoutMs / 1000;
    return coded('feed.timeout', `no answer within ${seconds}s`, { seconds });
  }
  const cause = networkCause(error);
  if (cause !== undefined) return coded('feed.unreachable', `cannot reach the feed's server: ${cause}`);
  if (error instanceof UnrecognisedFormatError) return coded('feed.unknown-format', error.message);
  if (error instanceof NoSessionsError) return coded('feed.no-sessions', error.message);
  if (error instanceof ImportProblemsError && error.problems.length > 0) {
    return coded('feed.unreadable-line', error.message, { line: error.problems[0]!.line });
  }
  if (error instanceof ImportError) {
    return error.line === undefined
      ? coded('feed.unreadable', error.message)
      : coded('feed.unreadable-line', error.message, { line: error.line });
  }
  if (error instanceof AppError && error.kind === 'unavailable') return coded('feed.not-stored', error.message);
  const message = error instanceof Error ? error.message : String(error);
  return { message: firstLine(message), code: null, params: {} };
}
