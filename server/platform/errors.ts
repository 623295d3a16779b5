/**
 * The server's one error type. Its kind says what went wrong in terms the client can act on; the
 * HTTP error handler (http-errors.ts) is the only place that maps kinds to status codes, and the
 * CLIs print the message as their one line. Importers add the line they stopped at; bulk
 * refusals add details (every bad row) that reach the client as extra JSON fields. A refusal the
 * panel words in the reader's language also carries a stable `code` and its `params`; the English
 * `error` stays, for every other client and for codes a panel does not know.
 */
// zod classic, not mini: importing it installs zod's English messages for every schema, the
// model's zod/mini ones included (shared/model.ts), and every server path (the import worker
// too) comes through this file before it parses anything.
import { z } from 'zod';
import { formatZodError } from '../../shared/commands.ts';
import { refusal, type CodedRefusal } from '../../shared/refusal-codes.ts';

export type ErrorKind =
  'invalid' | 'not-found' | 'conflict' | 'too-large' | 'unsupported-media' | 'unavailable' | 'cannot-listen';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'unsupported-media': 415,
  // The database did not take the write: nothing changed, and the same request may succeed later.
  unavailable: 503,
  // A port the server could not listen on (taken, not allowed): a refused start (exit 1), never an answer.
  'cannot-listen': 500,
};

export interface ErrorOptions {
  /** The request field (or CLI option) at fault. */
  field?: string;
  /** Extra JSON fields for the client, e.g. `{ reason: 'stale', revision }`. */
  details?: Record<string, unknown>;
  /** What went wrong, stable across wordings (`field.too-long`, `undo.changed`), and what it names. */
  coded?: ErrorCode;
}

export interface ErrorCode {
  code: string;
  params?: Record<string, string | number | boolean>;
}

export class AppError extends Error {
  readonly field?: string;
  readonly details?: Record<string, unknown>;
  readonly coded?: ErrorCode;

  constructor(
    readonly kind: ErrorKind,
    message: string,
    options: ErrorOptions = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.field = options.field;
    this.details = options.details;
    this.coded = options.coded;
  }

  get status(): number {
    return STATUS[this.kind];
  }
}

export class ValidationError extends AppError {
  constructor(message: string, field?: string, coded?: ErrorCode) {
    super('invalid', message, { field, coded });
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, field?: string, coded?: ErrorCode) {
    super('not-found', message, { field, coded });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details?: Record<string, unknown>, field?: string, coded?: ErrorCode) {
    super('conflict', message, { field, details, coded });
  }
}

/** A write the database refused or never answered: the change was not made (the cause is logged). */
export class UnavailableError extends AppError {
  /** `coded` when the panel must say more than "nothing was changed" (a pairing nobody confirmed). */
  constructor(message: string, coded: CodedRefusal = refusal('store.unavailable')) {
    super('unavailable', message, { coded });
  }
}

/** Parses a value with a command schema; the ValidationError names the first bad field. */
export function validate<S extends z.core.$ZodType>(schema: S, value: unknown): z.output<S> {
  // z.safeParse, not schema.safeParse: the model's schemas are zod/mini ones (shared/model.ts).
  const result = z.safeParse(schema, value ?? {});
  if (result.success) return result.data;
  const { error, field, code, params } = formatZodError(result.error);
  throw new ValidationError(error, field, code ? { code, params } : undefined);
}
