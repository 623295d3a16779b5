/**
 * Which importer reads a file, recognised from the content (never from the file name).
 * Adding a format (our CSV export, c3voc schedule.json) is one more entry in FORMATS.
 */
import { columns, splitLines } from './text.ts';
import { parseDayHeader } from './dates.ts';
import { looksLikeTime } from './times.ts';
import { parseUnProgramme } from './un-programme.ts';
import { ImportError, type ImportOptions, type ImportWarning } from './types.ts';
import type { Programme } from '../../shared/model.ts';

export interface ScheduleFormat {
  /** Short machine name, reported back to the caller. */
  name: string;
  /** What a file of this format looks like, for the "not recognised" message. */
  description: string;
  /** Cheap check on the content; true only when the parser should be given the text. */
  recognises(text: string): boolean;
  parse(text: string, options: ImportOptions): { programme: Programme; warnings: ImportWarning[] };
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
  },
];

/** Parses a schedule of any known format; throws ImportError (one line) when none fits. */
export function importFile(text: string, options: ImportOptions = {}): ImportResult {
  const format = FORMATS.find((f) => f.recognises(text));
  if (!format) {
    const expected = FORMATS.map((f) => f.description).join('; or ');
    throw new ImportError(`not a recognised schedule format (expected ${expected})`);
  }
  const { programme, warnings } = format.parse(text, options);
  return { format: format.name, programme, warnings };
}
