/**
 * Which importer reads a file, recognised from the content (never from the file name).
 * Adding a format (our CSV export, c3voc schedule.json) is one more entry in FORMATS.
 */
import { columns, splitLines } from './readers/text.ts';
import { parseDayHeader } from './readers/dates.ts';
import { looksLikeTime } from './readers/times.ts';
import { parseUnProgramme } from './readers/un-programme.ts';
import { looksLikeScheduleCsv, parseScheduleCsv } from './readers/csv.ts';
import { looksLikeC3voc, parseC3voc } from './readers/c3voc.ts';
import { looksLikeC3vocV2, parseC3vocV2 } from './readers/c3voc-v2.ts';
import { looksLikeFrabXml, parseFrabXml } from './readers/frab-xml.ts';
import { looksLikeIcal, parseIcal } from './readers/ical.ts';
import { looksLikeIndico, parseIndico } from './readers/indico.ts';
import { looksLikeSpreadsheet, parseSpreadsheet } from './readers/spreadsheet.ts';
import { UnrecognisedFormatError, type ImportOptions, type ImportWarning } from './import-types.ts';
import type { ImportedField } from '../../shared/import-plan.ts';
import type { Programme, Session } from '../../shared/model.ts';
import { checkImportWindow } from './import-window.ts';

export interface ScheduleFormat {
  /** Short machine name, reported back to the caller. */
  name: string;
  /** What a file of this format looks like, for the "not recognised" message. */
  description: string;
  /** Cheap check on the content; true only when the parser should be given the text. */
  recognises(text: string, options: ImportOptions): boolean;
  /** `fields`: when the file itself says which fields it carries (a CSV by its columns). */
  parse(
    text: string,
    options: ImportOptions,
  ): {
    programme: Programme;
    warnings: ImportWarning[];
    fields?: readonly ImportedField[];
    sessionLines?: ReadonlyMap<string, number>;
  };
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
    description:
      'UN programme text with day headers such as "MONDAY, 14 OCTOBER" and tab-separated rows "time, title, venue"',
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
    name: 'c3voc-v2',
    description: 'c3voc schedule v2 JSON ({"schedule": {"conference": {...}, "events": [...]}})',
    recognises: looksLikeC3vocV2,
    parse: parseC3vocV2,
    fields: ['title', 'kind', 'start', 'end', 'venueId', 'organizers', 'status'],
  },
  {
    name: 'c3voc',
    description:
      'c3voc schedule.json as frab and pretalx export it ({"schedule": {"version", "conference": {"days": [...]}}})',
    recognises: looksLikeC3voc,
    parse: parseC3voc,
    fields: ['title', 'kind', 'start', 'end', 'venueId', 'organizers'],
  },
  {
    name: 'ical',
    description: 'iCalendar (.ics, BEGIN:VCALENDAR)',
    recognises: looksLikeIcal,
    parse: parseIcal,
    fields: ['title', 'start', 'end', 'venueId', 'organizers', 'online', 'status'],
  },
  {
    name: 'frab-xml',
    description: 'frab/pentabarf schedule.xml (<schedule><day><room><event>)',
    recognises: looksLikeFrabXml,
    parse: parseFrabXml,
    fields: ['title', 'kind', 'start', 'end', 'venueId', 'organizers'],
  },
  {
    name: 'indico',
    description: 'Indico timetable JSON (/export/timetable/ID.json)',
    recognises: looksLikeIndico,
    parse: parseIndico,
    fields: ['title', 'kind', 'start', 'end', 'venueId', 'organizers'],
  },
  {
    // Last: any CSV/TSV whose header names a title and a start column.
    name: 'spreadsheet',
    description:
      'a spreadsheet saved as CSV/TSV with a header row such as "Title, Date, Start, End, Room" (or --columns)',
    recognises: looksLikeSpreadsheet,
    parse: parseSpreadsheet,
    fields: ['title', 'start', 'end', 'venueId', 'organizers', 'status'],
  },
];

/**
 * Translations count as a field only for a file that carries some (a title_fr column, a SUMMARY
 * with LANGUAGE): importing a file without any must not wipe the translations staff typed.
 */
function withTranslationField(fields: readonly ImportedField[], programme: Programme): readonly ImportedField[] {
  if (fields.includes('translations') || !programme.sessions.some((s) => s.translations)) return fields;
  return [...fields, 'translations'];
}

/** What the content looks like, for the refusal when no format takes it. */
function seen(text: string): string {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/^BEGIN:VCALENDAR/i.test(start)) return 'This is an iCalendar file, but ';
  if (start.startsWith('<')) return 'This is XML, but not a frab/pentabarf schedule.xml; ';
  if (/^[{[]/.test(start)) return 'This is JSON, but neither c3voc schedule.json nor an Indico timetable; ';
  return '';
}

/** An import into a live schedule also needs to know which session fields the file carries. */
export interface ImportWithFields extends ImportResult {
  fields: readonly ImportedField[];
}

/**
 * The one entry point for schedule text of any known format (the CLI, seeding and the import
 * routes all come here); throws ImportError (one line) when no format fits.
 */
export function readSchedule(
  text: string,
  options: ImportOptions = {},
  /** The live sessions the file joins: its dates must stay within a year of them (or of the file). */
  live: readonly Pick<Session, 'start' | 'end' | 'status'>[] = [],
): ImportWithFields {
  const format = FORMATS.find((f) => f.recognises(text, options));
  if (!format) {
    const expected = FORMATS.map((f) => f.description).join('; or ');
    throw new UnrecognisedFormatError(`${seen(text)}not a recognised schedule format (expected ${expected})`);
  }
  const { programme, warnings, fields, sessionLines } = format.parse(text, options);
  const unit = format.name === 'csv' || format.name === 'spreadsheet' ? 'row' : 'line';
  checkImportWindow(text, programme, sessionLines, unit, live);
  return { format: format.name, programme, warnings, fields: withTranslationField(fields ?? format.fields, programme) };
}
