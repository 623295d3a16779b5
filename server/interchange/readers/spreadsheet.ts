/**
 * A spreadsheet saved as CSV or TSV, in the organiser's own columns ("Title, Date, Start, End,
 * Room, Organiser" in English, French, German or Spanish; or named with --columns). Dates ISO,
 * DD/MM/YYYY or DD.MM.YYYY; times HH:MM; a start or end cell may also hold date and time.
 * As for our CSV: any bad row refuses the whole file, every bad row listed with its line.
 * Our own export CSV is recognised first, by its header, and never comes here.
 */
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { normaliseTitle } from './stable-ids.ts';
import { ProblemList } from '../import-error.ts';
import { ImportError, type ImportOptions, type ImportWarning, type ParseResult } from '../import-types.ts';
import { DEFAULT_TIMEZONE } from './zones.ts';
import { headerLine } from './text.ts';
import { finishReading, optionZone, type SourceSession } from './source-programme.ts';
import { columnsFromHeaders, columnsFromMapping, type ColumnMap } from './spreadsheet-columns.ts';
import { rowTranslations, translationColumns } from './translation-columns.ts';

const DATE_FORMS: [RegExp, (m: RegExpExecArray) => [number, number, number]][] = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
  [/^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/, (m) => [Number(m[3]), Number(m[2]), Number(m[1])]],
];
const TIME = /^(\d{1,2})[:h.](\d{2})(?::(\d{2}))?$/;

function delimiterOf(headerLine: string): string {
  const counts = ['\t', ';', ','].map((d) => [d, headerLine.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![1] > 0 ? counts[0]![0] : ',';
}

function headerCells(text: string): string[] {
  const line = headerLine(text);
  try {
    return ((parse(line, { delimiter: delimiterOf(line), relax_quotes: true }) as string[][])[0] ?? []).map((c) =>
      c.trim(),
    );
  } catch {
    return [];
  }
}

/** A header row naming at least a title and a start column in one of the known languages. */
export function looksLikeSpreadsheet(text: string, options: ImportOptions = {}): boolean {
  const header = headerCells(text);
  if (header.length < 2) return false;
  if (options.columns) return true;
  const map = columnsFromHeaders(header);
  return map.title !== undefined && map.start !== undefined;
}

function readDate(text: string): { y: number; m: number; d: number } | null {
  for (const [form, fields] of DATE_FORMS) {
    const m = form.exec(text);
    if (m) {
      const [y, mo, d] = fields(m);
      return DateTime.fromObject({ year: y, month: mo, day: d }).isValid ? { y, m: mo, d } : null;
    }
  }
  return null;
}

/** A cell with a time, or a date and a time; `day` is the row's date column, if any. */
function readWhen(cell: string, day: ReturnType<typeof readDate>, zone: string): number | string {
  const parts = cell.trim().split(/[ T]+/);
  const time = TIME.exec(parts[parts.length - 1] ?? '');
  const date = parts.length > 1 ? readDate(parts.slice(0, -1).join(' ')) : day;
  if (!time || Number(time[1]) > 23 || Number(time[2]) > 59)
    return `"${cell}" is not a time (HH:MM) or a date and time`;
  if (!date)
    return parts.length > 1
      ? `"${cell}": the date is not YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY`
      : `"${cell}" has no date and the row has no date column`;
  return DateTime.fromObject(
    { year: date.y, month: date.m, day: date.d, hour: Number(time[1]), minute: Number(time[2]) },
    { zone },
  ).toMillis();
}

const NO_ROWS = 'This looks like a spreadsheet, but it has no rows below its header';

export function parseSpreadsheet(text: string, options: ImportOptions = {}): ParseResult {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = delimiterOf(headerLine(body));
  let rows: { info: { lines: number }; record: string[] }[];
  try {
    rows = parse(body, {
      delimiter,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
    }) as unknown as typeof rows;
  } catch (error) {
    throw new ImportError(
      `This looks like a spreadsheet, but it cannot be read as ${delimiter === '\t' ? 'TSV' : 'CSV'}: ${(error as Error).message}`,
    );
  }
  const header = (rows[0]?.record ?? []).map((c) => c.trim());
  const map: ColumnMap = options.columns ? columnsFromMapping(options.columns, header) : columnsFromHeaders(header);
  const missing = (['title', 'start'] as const).filter((f) => map[f] === undefined);
  if (missing.length)
    throw new ImportError(
      `This looks like a spreadsheet, but no column is the ${missing.join(' or ')} (columns: ${header.join(', ')}); name them with --columns ${missing[0]}=HEADER`,
      1,
    );

  const translated = translationColumns(header);
  const zone = optionZone(options.timezone) ?? DEFAULT_TIMEZONE;
  const warnings: ImportWarning[] = [];
  if (!options.timezone)
    warnings.push({
      line: 1,
      message: `a spreadsheet names no time zone: times are read in ${DEFAULT_TIMEZONE} (give --timezone to choose)`,
    });
  const problems = new ProblemList('row');
  const sessions: SourceSession[] = [];
  const cell = (record: string[], field: keyof ColumnMap): string =>
    map[field] === undefined ? '' : (record[map[field]!] ?? '').trim();
  for (const { info, record } of rows.slice(1)) {
    const line = info.lines - record.reduce((n, c) => n + (c.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
    if (record.every((c) => c.trim() === '')) continue;
    const errors: string[] = [];
    const title = cell(record, 'title');
    if (!title) errors.push(`${header[map.title!]}: empty`);
    const dateCell = cell(record, 'date');
    const day = dateCell ? readDate(dateCell) : null;
    if (dateCell && !day)
      errors.push(`${header[map.date!]}: "${dateCell}" is not YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY`);
    const start = readWhen(cell(record, 'start'), day, zone);
    if (typeof start === 'string') errors.push(`${header[map.start!]}: ${start}`);
    const endCell = cell(record, 'end');
    const end = endCell
      ? readWhen(
          endCell,
          day ?? (typeof start === 'number' ? readDate(DateTime.fromMillis(start, { zone }).toISODate()!) : null),
          zone,
        )
      : typeof start === 'number'
        ? start + 60 * 60_000
        : 0;
    if (typeof end === 'string') errors.push(`${header[map.end!]}: ${end}`);
    else if (typeof start === 'number' && !(end > start)) errors.push(`${header[map.end!]}: must be after the start`);
    if (errors.length || typeof start === 'string' || typeof end === 'string') {
      errors.forEach((e) => problems.add(line, e));
      continue;
    }
    if (!endCell) warnings.push({ line, message: `"${title}" has no end: one hour assumed` });
    const status = cell(record, 'status').toLowerCase();
    sessions.push({
      line,
      key: `${DateTime.fromMillis(start, { zone }).toISODate()}|${normaliseTitle(title)}`,
      title,
      ...rowTranslations(translated, record),
      start,
      end,
      venueName: cell(record, 'room') || 'Unassigned room',
      organizers: cell(record, 'organiser')
        .split(/\s*[;\n]\s*/)
        .filter(Boolean),
      cancelled: /^(cancel+ed|annule|abgesagt|cancelado|storniert)/.test(
        status.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''),
      ),
    });
  }
  return finishReading(problems, sessions, zone, 'sheet', warnings, NO_ROWS);
}
