/**
 * Importer for the UN programme text: a text rendering of a printed conference programme
 * (see programme/crimecop12-programme.txt). Layout, top to bottom:
 *
 *   title block      … "Vienna, 14–18 October 2024" (city → time zone, dates → year)
 *   plenary section  day headers "MONDAY, 14 OCTOBER", a room heading "Plenary Hall, M-Building",
 *                    rows "10 a.m.–1 p.m.<TAB>Item 1 (a). Opening of the session Item 1 (b). …"
 *   "SIDE EVENTS"    then day headers (with "(CONTINUED)" after page breaks) and rows
 *                    "1–1.50 p.m.<TAB>TITLE Organized by X, with A, B<TAB>[Meeting ID …<TAB>]CR3"
 *
 * plus boilerplate repeated on every page. Lines that are none of these produce a warning with
 * their line number; nothing is dropped silently.
 */
import type { ImportOptions, ImportWarning, ParseResult } from '../import-types.ts';
import { ImportError } from '../import-types.ts';
import { columns, splitLines } from './text.ts';
import { parseDateLine, parseDayHeader, resolveDay, type ProgrammeDates } from './dates.ts';
import { DEFAULT_TIMEZONE, isKnownZone, zoneOfCity } from './zones.ts';
import { looksLikeTime } from './times.ts';
import { readRow, type DraftSession } from './un-rows.ts';
import { buildProgramme } from './draft-programme.ts';

/** Page furniture repeated on every page of the printed programme. */
const BOILERPLATE = [/^programme$/i, /^venue$/i, /^please note\b/i, /^please consult\b/i, /^#\S+$/];
const SIDE_EVENTS = /^side events$/i;

export function parseUnProgramme(text: string, options: ImportOptions = {}): ParseResult {
  const lines = splitLines(text);
  const warnings: ImportWarning[] = [];
  const warn = (line: number, message: string): void => {
    warnings.push({ line, message });
  };

  const titleBlock = findTitleDates(lines);
  const timezone = chooseZone(titleBlock, options, warn);

  const drafts: DraftSession[] = [];
  let section: 'plenary' | 'side' = 'plenary';
  let day: string | null = null;
  let plenaryVenue: string | null = null;

  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const cells = columns(raw);
    const joined = cells.join(' ');
    if (cells.length === 0 || BOILERPLATE.some((re) => re.test(joined))) continue;

    if (SIDE_EVENTS.test(joined)) {
      section = 'side';
      plenaryVenue = null;
      continue;
    }
    const header = parseDayHeader(joined);
    if (header) {
      const resolved = resolveDay(header, titleBlock?.dates ?? null);
      if (!resolved.ok) throw new ImportError(`cannot date "${joined}": ${resolved.reason}`, line);
      if (resolved.problem) warn(line, `day header "${joined}": ${resolved.problem}`);
      day = resolved.date;
      continue;
    }
    if (day === null) {
      // Everything before the first day header is the title block; only a timed row is news.
      if (cells.length >= 2 && looksLikeTime(cells[0]!)) warn(line, 'row before any day header; row ignored');
      continue;
    }

    if (cells.length >= 2) {
      // Any line with columns is meant as a row: one whose time cannot be read gets a warning.
      const result = readRow(cells, section, { line, day, plenaryVenue });
      if (result.ok) {
        result.notes.forEach((note) => warn(line, note));
        drafts.push(result.draft);
      } else {
        warn(line, result.reason);
      }
    } else if (looksLikeTime(joined)) {
      warn(line, 'row without tab-separated columns (time, title, venue); row ignored');
    } else if (section === 'plenary') {
      // A room heading: the plenary rows under it take place there.
      plenaryVenue = joined;
    } else {
      warn(line, `line not understood, ignored: "${abbreviate(joined)}"`);
    }
  }

  if (day === null) throw new ImportError('no day headers such as "MONDAY, 14 OCTOBER" found');
  const sessionLines = new Map<string, number>();
  const programme = buildProgramme(drafts, timezone, warn, sessionLines);
  warnings.sort((a, b) => a.line - b.line);
  return { programme, warnings, sessionLines };
}

interface TitleBlock {
  dates: ProgrammeDates;
  line: number;
}

/** The first date line before the first day header. */
function findTitleDates(lines: string[]): TitleBlock | null {
  for (let i = 0; i < lines.length; i += 1) {
    const joined = columns(lines[i]!).join(' ');
    if (parseDayHeader(joined)) return null;
    const dates = parseDateLine(joined);
    if (dates) return { dates, line: i + 1 };
  }
  return null;
}

function chooseZone(
  titleBlock: TitleBlock | null,
  options: ImportOptions,
  warn: (line: number, message: string) => void,
): string {
  if (options.timezone !== undefined) {
    if (!isKnownZone(options.timezone)) throw new ImportError(`unknown time zone "${options.timezone}"`);
    return options.timezone;
  }
  const city = titleBlock?.dates.city;
  if (!city) return DEFAULT_TIMEZONE;
  const zone = zoneOfCity(city);
  if (zone) return zone;
  warn(titleBlock.line, `no time zone known for "${city}"; assuming ${DEFAULT_TIMEZONE} (choose one with --timezone)`);
  return DEFAULT_TIMEZONE;
}

function abbreviate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
