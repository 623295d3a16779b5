/**
 * Why a feed's sync failed, as the English line the logs and metrics keep and the code the panel
 * words (shared/feeds.ts FEED_FAILURE_PARAMS). The poller throws FeedFailure for what it checks
 * itself (a status, a body, a store that would not take the changes); everything else (fetch,
 * the readers) is classified here by what it threw.
 */
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

/** No connection to the feed's server: unknown host, refused, reset, no route, no TCP answer in time. */
const UNREACHABLE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** OpenSSL's verification failures that do not start with CERT_ (those and ERR_TLS_* / ERR_SSL_* are TLS too). */
const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'HOSTNAME_MISMATCH',
]);

function isTlsCode(code: string): boolean {
  return code.startsWith('CERT_') || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || TLS_CODES.has(code);
}

type Cause = { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };

/**
 * What the connection failed with, by its stable code, never by English text: fetch rejects with
 * its own error and the socket's (or TLS's) error as the cause, an AggregateError when every
 * address of the host was tried; the first cause with a code decides.
 */
function connectionFailure(error: unknown): { code: string; message: string } | undefined {
  let cause = (error as Cause | undefined)?.cause as Cause | undefined;
  for (let depth = 0; cause && depth < 5; depth++) {
    if (typeof cause.code === 'string') {
      const message = typeof cause.message === 'string' && cause.message !== '' ? cause.message : cause.code;
      return { code: cause.code, message };
    }
    const first = Array.isArray(cause.errors) ? (cause.errors[0] as Cause | undefined) : undefined;
    cause = (first ?? cause.cause) as Cause | undefined;
  }
  return undefined;
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
  const connection = connectionFailure(error);
  if (connection && isTlsCode(connection.code)) {
    return coded('feed.tls', `the feed's server's certificate is not accepted: ${connection.message}`);
  }
  if (connection && UNREACHABLE_CODES.has(connection.code)) {
    return coded('feed.unreachable', `cannot reach the feed's server: ${connection.message}`);
  }
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
  const message = error instanceof Error ? error.message : String(error);
  // A connection's failure of no known kind: its cause says what happened, for the logs.
  const detail = connection ? `${firstLine(message)}: ${connection.message}` : message;
  return { message: firstLine(detail), code: null, params: {} };
}
