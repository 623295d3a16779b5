/**
 * What every importer returns, whatever the input format: a programme that passes ProgrammeSchema,
 * plus the warnings about rows it could not read or had to guess about (never a silent drop).
 */
import type { Programme } from '../../shared/model.ts';
import { AppError } from '../platform/errors.ts';

export interface ImportWarning {
  /** 1-based line number in the input text. */
  line: number;
  message: string;
}

export interface ParseResult {
  programme: Programme;
  warnings: ImportWarning[];
  /** Session id → the 1-based line it was read from, so later checks can name the line. */
  sessionLines?: ReadonlyMap<string, number>;
}

export interface ImportOptions {
  /** IANA zone of the venue; overrides whatever the input says or implies. */
  timezone?: string;
  /** Venue-local dates (YYYY-MM-DD, inclusive) between which recurring events are expanded. */
  from?: string;
  to?: string;
  /** A spreadsheet's own column names for our fields: { title: 'Session', start: 'From', … }. */
  columns?: Record<string, string>;
}

/**
 * Input that cannot be imported at all. The message is one line, ready for a terminal or a log,
 * and names the line when there is one.
 */
export class ImportError extends AppError {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super('invalid', line === undefined ? message : `line ${line}: ${message}`);
  }
}

/** Text that no reader recognises as a schedule (readSchedule): not a broken file, another kind of file. */
export class UnrecognisedFormatError extends ImportError {}

/** A schedule of a known format that holds not one session: readable, but nothing to import. */
export class NoSessionsError extends ImportError {}
