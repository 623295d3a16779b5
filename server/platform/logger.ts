/**
 * The server's one logger: pino JSON lines (level, time, message, fields) on stdout, pretty when
 * stdout is a terminal and pino-pretty is installed (it is a dev dependency: a production install
 * under a service manager writes JSON for the journal). main.ts makes it and createApplication
 * passes it everywhere; tests pass a silent or capturing one.
 *
 * Secrets never reach a line: the redact paths below cover every field a caller could hand over
 * (headers, bodies, online details), and callers log names and ids, never request bodies.
 */
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

export type LogFields = Record<string, unknown>;

/** What the server's code logs through; small on purpose, so a test can hand in a plain object. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, error?: unknown, fields?: LogFields): void;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Field paths censored in every line, whatever logged them. */
export const REDACTED_PATHS = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'passcode',
  'cookie',
  'authorization',
  'secret',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.passcode',
  '*.cookie',
  '*.authorization',
  '*.secret',
  '*.headers.cookie',
  '*.headers.authorization',
  '*.headers["set-cookie"]',
  '*.online.passcode',
  '*.*.online.passcode',
];

export interface LoggerOptions {
  level?: LogLevel;
  /** Where the lines go (default stdout); tests pass a stream that keeps them. */
  destination?: DestinationStream;
  /** Human-readable lines (default: when stdout is a terminal and pino-pretty is installed). */
  pretty?: boolean;
}

/** pino-pretty as a synchronous stream (no worker thread), or undefined when it is not installed. */
function prettyStream(): DestinationStream | undefined {
  try {
    const pretty = createRequire(import.meta.url)('pino-pretty') as (options: object) => DestinationStream;
    return pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  } catch {
    return undefined;
  }
}

/** A Logger over a pino instance (each method keeps the pino signature: fields first, message last). */
export function fromPino(instance: PinoLogger): Logger & { pino: PinoLogger } {
  return {
    pino: instance,
    info: (message, fields) => instance.info(fields ?? {}, message),
    warn: (message, fields) => instance.warn(fields ?? {}, message),
    error: (message, error, fields) =>
      instance.error(error === undefined ? (fields ?? {}) : { ...fields, err: error }, message),
  };
}

export function createLogger(options: LoggerOptions = {}): Logger & { pino: PinoLogger } {
  const destination =
    options.destination ??
    ((options.pretty ?? process.stdout.isTTY) ? prettyStream() : undefined) ??
    pino.destination({ dest: 1, sync: true });
  const instance = pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
  return fromPino(instance);
}

/** Says nothing: for tests that do not look at the log. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
