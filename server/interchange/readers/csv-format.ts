/**
 * Our CSV schedule format, shared by the export (writers/csv-export.ts) and the importer
 * (csv.ts): one row per session, cancelled ones included, with these columns in this order.
 *
 *   id, kind, title, start, end            start/end: ISO 8601 with offset (2024-10-14T13:00:00+02:00);
 *                                           without an offset they mean venue time
 *   venue_id, venue_name, venue_kind        venue_kind: room | online
 *   status                                  scheduled | cancelled
 *   organizer_lead, organizer_partners      partners: a JSON array (["A", "B, C"]), so names with
 *                                           commas survive; " | "-separated text is read too
 *   meeting_id, passcode, show_passcode, url
 *   agenda_items                            JSON array of { code, title }
 *   planned_start, planned_end, planned_venue_id, version
 *
 * Spreadsheets run cells that start with = + - @ as formulas ("CSV injection"), so the export
 * prefixes such cells with an apostrophe and the importer takes exactly one off again.
 */
import { NewSessionInputSchema } from '../../../shared/commands.ts';

export const CSV_COLUMNS = [
  'id',
  'kind',
  'title',
  'start',
  'end',
  'venue_id',
  'venue_name',
  'venue_kind',
  'status',
  'organizer_lead',
  'organizer_partners',
  'meeting_id',
  'passcode',
  'show_passcode',
  'url',
  'agenda_items',
  'planned_start',
  'planned_end',
  'planned_venue_id',
  'version',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** An id a file may give a session: what POST /api/sessions accepts (letters, digits, - and _). */
export function isSessionId(id: string): boolean {
  return NewSessionInputSchema.shape.id.safeParse(id).success;
}

/** The columns without which a row cannot become a session (plus venue_id or venue_name). */
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['title', 'start', 'end'];
export const VENUE_COLUMNS: readonly CsvColumn[] = ['venue_id', 'venue_name'];

/**
 * A cell a spreadsheet would run as a formula, or one that already starts with our apostrophe
 * before such a character (so that "'=x" written by someone survives the round trip as itself).
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function guardCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unguardCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** The header cell as written by people: case and surrounding blanks do not matter. */
export function headerName(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

/** True when a header line names the columns a CSV schedule of ours needs. */
export function isScheduleHeader(names: readonly string[]): boolean {
  return REQUIRED_COLUMNS.every((c) => names.includes(c)) && VENUE_COLUMNS.some((c) => names.includes(c));
}

export function encodePartners(partners: readonly string[]): string {
  return partners.length === 0 ? '' : JSON.stringify(partners);
}

/** JSON array, or " | "-separated names as people type them; null when the JSON is broken. */
export function decodePartners(cell: string): string[] | null {
  const text = cell.trim();
  if (text === '') return [];
  if (!text.startsWith('['))
    return text
      .split(' | ')
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((p) => typeof p === 'string') ? parsed : null;
  } catch {
    return null;
  }
}
