/**
 * Which importer reads a file, recognised from the content (never from the file name).
 * Adding a format (our CSV export, c3voc schedule.json) is one more entry in FORMATS.
 */
import { columns, splitLines } from './text.ts';
import { parseDayHeader } from './dates.ts';
import { looksLikeTime } from './times.ts';
import { parseUnProgramme } from './un-programme.ts';
import { looksLikeScheduleCsv, parseScheduleCsv } from './csv.ts';
import { looksLikeC3voc, parseC3voc } from './c3voc.ts';
import { ImportError, type ImportOptions, type ImportWarning } from './types.ts';
import type { ImportedField } from '../../shared/import-plan.ts';
import type { Programme, Session } from '../../shared/model.ts';

export interface ScheduleFormat {
  /** Short machine name, reported back to the caller. */
  name: string;
  /** What a file of this format looks like, for the "not recognised" message. */
  description: string;
  /** Cheap check on the content; true only when the parser should be given the text. */
  recognises(text: string): boolean;
  /** `fields`: when the file itself says which fields it carries (a CSV by its columns). */
  parse(
    text: string,
    options: ImportOptions,
  ): { programme: Programme; warnings: ImportWarning[]; fields?: readonly ImportedField[] };
  /**
   * The session fields the format carries. Importing into a live schedule changes only these;
   * the others (a join link the format has no place for, say) keep their live values.
   */
  fields: readonly ImportedField[];
}

export interface ImportResult {
  format: string;
  programme: Programme;
  warnings: ImportWarning[];
}

/** A UN programme has day headers and tab-separated rows that start with a time. */
function looksLikeUnProgramme(text: string): boolean {
  let dayHeader = false;
  let timedRow = false;
  for (const raw of splitLines(text)) {
    const cells = columns(raw);
    if (!dayHeader && parseDayHeader(cells.join(' '))) dayHeader = true;
    else if (dayHeader && cells.length >= 2 && looksLikeTime(cells[0]!)) timedRow = true;
    if (dayHeader && timedRow) return true;
  }
  return false;
}

export const FORMATS: readonly ScheduleFormat[] = [
  {
    name: 'un-programme',
    description: 'UN programme text with day headers such as "MONDAY, 14 OCTOBER" and tab-separated rows "time, title, venue"',
    recognises: looksLikeUnProgramme,
    parse: parseUnProgramme,
    fields: ['title', 'kind', 'start', 'end', 'venueId', 'organizers', 'online', 'agendaItems'],
  },
  {
    name: 'csv',
    description: 'our CSV export, with a header line naming the columns id, title, start, end, venue_id, …',
    recognises: looksLikeScheduleCsv,
    parse: parseScheduleCsv,
    fields: ['title', 'kind', 'start', 'end', 'venueId', 'organizers', 'online', 'agendaItems', 'status'],
  },
  {
    name: 'c3voc',
    description: 'c3voc schedule.json as frab and pretalx export it ({"schedule": {"version", "conference": {"days": [...]}}})',
    recognises: looksLikeC3voc,
    parse: parseC3voc,
    fields: ['title', 'kind', 'start', 'end', 'venueId', 'organizers'],
  },
];

/** An import into a live schedule also needs to know which session fields the file carries. */
export interface ImportWithFields extends ImportResult {
  fields: readonly ImportedField[];
}

/** Parses a schedule of any known format; throws ImportError (one line) when none fits. */
export function importWithFields(text: string, options: ImportOptions = {}): ImportWithFields {
  const format = FORMATS.find((f) => f.recognises(text));
  if (!format) {
    const expected = FORMATS.map((f) => f.description).join('; or ');
    throw new ImportError(`not a recognised schedule format (expected ${expected})`);
  }
  const { programme, warnings, fields } = format.parse(text, options);
  return { format: format.name, programme, warnings, fields: fields ?? format.fields };
}

/** Parses a schedule of any known format; throws ImportError (one line) when none fits. */
export function importFile(text: string, options: ImportOptions = {}): ImportResult {
  const { format, programme, warnings } = importWithFields(text, options);
  return { format, programme, warnings };
}
