/**
 * Importer for our CSV schedule (columns in csv-format.ts), recognised by its header line.
 *
 * Unlike the UN text, a CSV file is data staff edit in a spreadsheet: a bad header or a bad row
 * refuses the whole file (ImportProblemsError lists every problem with its row), so a typo never
 * half-applies. "Row" is the line where the record starts, which is the row number a spreadsheet
 * shows for files without line breaks inside cells.
 */
import { CsvError } from 'csv-parse';
import { DateTime } from 'luxon';
import { parse } from 'csv-parse/sync';
import { ProgrammeSchema, type Programme, type Session, type Venue } from '../../../shared/model.ts';
import { venueDay } from '../../../shared/time.ts';
import { parseInstant } from '../../../shared/time-parse.ts';
import { ProblemList } from '../import-error.ts';
import { CSV_COLUMNS, headerName, isScheduleHeader, unguardCell, type CsvColumn } from './csv-format.ts';
import { readCsvRow, type CsvCells, type CsvRow } from './csv-rows.ts';
import { rowTranslations, translatedTitleLanguage, translationColumns } from './translation-columns.ts';
import type { ImportedField } from '../../../shared/import-plan.ts';
import { assignIds, eventIdRequest } from './stable-ids.ts';
import { headerLine } from './text.ts';
import {
  ImportError,
  NoSessionsError,
  type ImportOptions,
  type ImportWarning,
  type ParseResult,
} from '../import-types.ts';
import { DEFAULT_TIMEZONE, isKnownZone } from './zones.ts';

interface CsvRecord {
  line: number;
  cells: string[];
}

/** The header names of the first non-blank line, or null when it does not read as CSV. */
function headerOf(text: string): string[] | null {
  const first = headerLine(text);
  if (first === '') return null;
  try {
    const [cells] = parse(first, { relax_quotes: true }) as string[][];
    return cells ? cells.map(headerName) : null;
  } catch {
    return null;
  }
}

export function looksLikeScheduleCsv(text: string): boolean {
  const names = headerOf(text);
  return names !== null && isScheduleHeader(names);
}

function records(text: string): CsvRecord[] {
  try {
    const parsed = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as Array<{
      info: { lines: number };
      record: string[];
    }>;
    // info.lines is where the record ends; cells with line breaks started that many lines earlier.
    return parsed.map(({ info, record }) => ({
      line: info.lines - record.reduce((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0),
      cells: record,
    }));
  } catch (error) {
    if (error instanceof CsvError) {
      const where = (error as CsvError & { lines?: number }).lines;
      throw new ImportError(`not readable as CSV: ${error.message.replace(/ at line \d+$/, '')}`, where);
    }
    throw error;
  }
}

/** Column of each header cell; header problems (unknown, repeated, missing columns) go to `problems`. */
function readHeader(header: CsvRecord, problems: ProblemList): Array<CsvColumn | null> {
  const seen = new Set<string>();
  const columns = header.cells.map((raw) => {
    const name = headerName(raw);
    if (name === '') return null;
    // Translated titles (title_fr) are read apart, by translationColumns.
    if (translatedTitleLanguage(raw) !== undefined) return null;
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      problems.add(header.line, `unknown column "${raw.trim()}" (the columns are: ${CSV_COLUMNS.join(', ')})`);
      return null;
    }
    if (seen.has(name)) problems.add(header.line, `column "${name}" appears twice`);
    seen.add(name);
    return name as CsvColumn;
  });
  if (!isScheduleHeader([...seen])) {
    problems.add(header.line, 'the header needs the columns title, start, end and venue_id or venue_name');
  }
  return columns;
}

function cellsOf(record: CsvRecord, columns: Array<CsvColumn | null>, problems: ProblemList): CsvCells | null {
  const extra = record.cells.slice(columns.length).filter((c) => c.trim() !== '');
  if (extra.length > 0) {
    problems.add(record.line, `${record.cells.length} cells but the header has ${columns.length} columns`);
    return null;
  }
  const cells: CsvCells = {};
  columns.forEach((column, i) => {
    if (column) cells[column] = unguardCell(record.cells[i] ?? '');
  });
  return cells;
}

function chooseZone(options: ImportOptions): string {
  if (options.timezone === undefined) return DEFAULT_TIMEZONE;
  if (!isKnownZone(options.timezone)) throw new ImportError(`unknown time zone "${options.timezone}"`);
  return options.timezone;
}

/** A CSV carries offsets, not a zone: say so when they do not fit the zone we read it in. */
function checkOffsets(rows: CsvRow[], zone: string, chosen: boolean, warnings: ImportWarning[]): void {
  const fits = (iso: string): boolean => {
    const written = DateTime.fromISO(iso, { setZone: true });
    return written.offset === written.setZone(zone).offset;
  };
  const misfit = rows.find((r) => !r.writtenTimes.every(fits));
  if (misfit) {
    warnings.push({
      line: misfit.line,
      message: `times carry offsets that ${zone} does not have on those days; ${chosen ? 'check' : 'choose'} the venue's zone with --timezone`,
    });
  }
}

/** The session fields a file's columns carry: a file without a kind column keeps live kinds. */
const FIELD_COLUMNS: Array<[ImportedField, CsvColumn[]]> = [
  ['title', ['title']],
  ['start', ['start']],
  ['end', ['end']],
  ['venueId', ['venue_id', 'venue_name']],
  ['kind', ['kind']],
  ['status', ['status']],
  ['organizers', ['organizer_lead', 'organizer_partners']],
  ['online', ['meeting_id', 'passcode', 'show_passcode', 'url']],
  ['agendaItems', ['agenda_items']],
];

function fieldsOf(columns: Array<CsvColumn | null>, translated: boolean): ImportedField[] {
  const fields = FIELD_COLUMNS.filter(([, names]) => names.some((n) => columns.includes(n))).map(([field]) => field);
  return translated ? [...fields, 'translations'] : fields;
}

export function parseScheduleCsv(text: string, options: ImportOptions = {}): ParseResult & { fields: ImportedField[] } {
  const zone = chooseZone(options);
  const all = records(text);
  const header = all[0];
  if (!header) throw new ImportError('the file is empty');
  const problems = new ProblemList('row');
  const columns = readHeader(header, problems);
  problems.throwIfAny();
  const translated = translationColumns(header.cells);

  const rows: CsvRow[] = [];
  const warnings: ImportWarning[] = [];
  const venues = new Map<string, Venue>();
  const firstRowOfId = new Map<string, number>();
  for (const record of all.slice(1)) {
    const cells = cellsOf(record, columns, problems);
    if (!cells) continue;
    const result = readCsvRow(cells, record.line, zone);
    if (!result.ok) {
      result.errors.forEach((message) => problems.add(record.line, message));
      continue;
    }
    const { row } = result;
    Object.assign(row.session, rowTranslations(translated, record.cells.map(unguardCell)));
    if (row.id !== undefined) {
      const first = firstRowOfId.get(row.id);
      if (first !== undefined) problems.add(row.line, `id: "${row.id}" is already used on row ${first}`);
      else firstRowOfId.set(row.id, row.line);
    }
    const known = venues.get(row.venue.id);
    if (!known) venues.set(row.venue.id, row.venue);
    else if (known.name !== row.venue.name || known.kind !== row.venue.kind) {
      warnings.push({
        line: row.line,
        message: `venue ${row.venue.id} is named "${known.name}" (${known.kind}) on an earlier row; keeping that`,
      });
    }
    rows.push(row);
  }
  problems.throwIfAny();
  if (rows.length === 0) throw new NoSessionsError('no sessions found (only a header)');
  checkOffsets(rows, zone, options.timezone !== undefined, warnings);

  const sessionLines = new Map<string, number>();
  const programme = toProgramme(rows, [...venues.values()], zone, sessionLines);
  return {
    programme,
    warnings: warnings.sort((a, b) => a.line - b.line),
    fields: fieldsOf(columns, translated.size > 0),
    sessionLines,
  };
}

function toProgramme(rows: CsvRow[], venues: Venue[], zone: string, lines: Map<string, number>): Programme {
  // Rows without an id get the importer's stable one: day + a hash of the title.
  const derived = assignIds(
    rows.map((r) =>
      eventIdRequest(
        venueDay(parseInstant(r.session.start, zone), zone),
        r.session.title,
        r.session.start.slice(11, 16).replace(':', ''),
        r.session.venueId,
      ),
    ),
  );
  const taken = new Set(rows.flatMap((r) => (r.id === undefined ? [] : [r.id])));
  const sessions: Session[] = rows.map((r, i) => {
    let id = r.id ?? derived[i]!;
    for (let n = 2; r.id === undefined && taken.has(id); n += 1) id = `${derived[i]}-${n}`;
    taken.add(id);
    lines.set(id, r.line);
    return { id, ...r.session };
  });
  const rank = (v: Venue): number => (v.kind === 'online' ? 2 : v.id.startsWith('Plenary') ? 0 : 1);
  venues.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'en', { numeric: true }));
  const checked = ProgrammeSchema.safeParse({ timezone: zone, venues, sessions });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ImportError(`invalid programme: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return checked.data;
}
