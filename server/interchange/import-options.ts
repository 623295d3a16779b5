/**
 * The import options every way in accepts — `npm run import`, `npm start -- --programme`, the
 * import routes and the panel, live feeds — checked by one function, so each refuses the same
 * bad value with the same message. The caller names the options in its own way (`--timezone`
 * on a command line, `timezone` in a JSON body) through `label`.
 */
import { DateTime, IANAZone } from 'luxon';
import { ImportError, type ImportOptions } from './import-types.ts';
import { parseColumnsOption } from './readers/spreadsheet-columns.ts';

export interface RawImportOptions {
  timezone?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** "title=Session,start=From" as typed. */
  columns?: string | undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Throws ImportError with one line naming the option; `label('from')` → "--from" or "from". */
export function parseImportOptions(
  raw: RawImportOptions,
  label: (name: string) => string = (n) => `--${n}`,
): ImportOptions {
  const options: ImportOptions = {};
  const timezone = raw.timezone?.trim();
  if (timezone) {
    if (!IANAZone.isValidZone(timezone)) {
      throw new ImportError(
        `${label('timezone')}: unknown time zone "${timezone}" (expected an IANA name such as Europe/Vienna)`,
      );
    }
    options.timezone = timezone;
  }
  for (const name of ['from', 'to'] as const) {
    const value = raw[name]?.trim();
    if (!value) continue;
    if (!DATE.test(value) || !DateTime.fromISO(value).isValid) {
      throw new ImportError(`${label(name)}: "${value}" is not a date (expected YYYY-MM-DD)`);
    }
    options[name] = value;
  }
  if ((options.from === undefined) !== (options.to === undefined)) {
    throw new ImportError(`${label('from')} and ${label('to')} go together`);
  }
  if (options.from !== undefined && options.to! < options.from) {
    throw new ImportError(`${label('to')} ${options.to} is before ${label('from')} ${options.from}`);
  }
  const columns = raw.columns?.trim();
  if (columns) {
    try {
      options.columns = parseColumnsOption(columns);
    } catch (error) {
      throw new ImportError((error as Error).message.replace(/^--columns/, label('columns')));
    }
  }
  return options;
}
