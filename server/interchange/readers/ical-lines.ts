/**
 * Real feeds before ical.js sees them: content lines unfolded in one pass, with the line each
 * came from, and the repairs calendar exporters make necessary (each reported as a warning):
 * a folded line that lost its leading space, spaces around a property name, blank lines,
 * U+FFFD where the file had bytes that were not UTF-8.
 */
import type { ImportWarning } from '../import-types.ts';

export interface ContentLines {
  /** The unfolded, repaired calendar, CRLF-separated, for ical.js. */
  text: string;
  /** Source line (1-based) of each `BEGIN:VEVENT`, in document order. */
  eventLines: number[];
}

const PROPERTY_START = /^([A-Za-z0-9-]+)[ \t]*([;:])/;
/** How many repairs of one kind are named line by line before they are only counted. */
const NAMED = 5;

class RepairLog {
  private readonly seen = new Map<string, { count: number; lines: number[] }>();
  note(kind: string, line: number): void {
    const entry = this.seen.get(kind) ?? { count: 0, lines: [] };
    entry.count += 1;
    if (entry.lines.length < NAMED) entry.lines.push(line);
    this.seen.set(kind, entry);
  }
  report(warnings: ImportWarning[]): void {
    for (const [kind, { count, lines }] of this.seen) {
      const more = count > lines.length ? ` (and ${count - lines.length} more lines)` : '';
      warnings.push({
        line: lines[0]!,
        message: `${kind}: repaired on line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}${more}`,
      });
    }
  }
}

export function contentLines(raw: string, warnings: ImportWarning[]): ContentLines {
  const source = raw.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const log = new RepairLog();
  const out: string[] = [];
  const eventLines: number[] = [];
  source.forEach((line, i) => {
    const number = i + 1;
    if (line.includes('\uFFFD')) log.note('bytes that are not UTF-8 (shown as \uFFFD)', number);
    if (line.trim() === '') {
      if (i < source.length - 1) log.note('blank line', number);
      return;
    }
    if ((line[0] === ' ' || line[0] === '\t') && out.length > 0) {
      out[out.length - 1] += line.slice(1);
      return;
    }
    const property = PROPERTY_START.exec(line.trimStart());
    if (!property) {
      if (out.length === 0) return;
      // A line of a long value wrapped without the space that marks a continuation.
      log.note('folded line without its leading space', number);
      out[out.length - 1] += line;
      return;
    }
    let repaired = line.trimStart();
    if (repaired !== line || property[0].length !== property[1]!.length + 1) {
      log.note('spaces around a property name', number);
      repaired = `${property[1]}${property[2]}${repaired.slice(property[0].length)}`;
    }
    if (/^(BEGIN|END):/i.test(repaired)) {
      const trimmed = repaired.trimEnd();
      if (trimmed !== repaired) log.note('spaces after BEGIN/END', number);
      repaired = trimmed.toUpperCase();
      if (repaired === 'BEGIN:VEVENT') eventLines.push(number);
    }
    out.push(repaired);
  });
  log.report(warnings);
  return { text: out.join('\r\n'), eventLines };
}
