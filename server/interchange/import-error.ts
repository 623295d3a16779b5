/**
 * A file with problems in some of its rows (CSV) or entries (c3voc JSON). Such a file is refused
 * whole: nothing of it is imported or applied. The error keeps every problem with its line, so
 * the CLI can list them and the server can show them to staff; its message stays one line.
 */
import { ImportError, type ImportWarning } from './import-types.ts';

/** How many problems the one-line message spells out before "… and N more". */
const LISTED = 10;

export class ImportProblemsError extends ImportError {
  constructor(
    /** Every problem, in file order; `line` is 1-based. */
    readonly problems: ImportWarning[],
    /** What the file's units are called in messages: "row" for CSV, "line" for JSON. */
    readonly unit: 'row' | 'line',
    /** The file's path, when read from disk: it leads the message, and the CLI names FILE:LINE. */
    readonly file?: string,
  ) {
    super(`${file === undefined ? '' : `${file}: `}${summarise(problems, unit)}`);
    this.name = 'ImportProblemsError';
  }
}

function summarise(problems: ImportWarning[], unit: string): string {
  const count = problems.length === 1 ? '1 error' : `${problems.length} errors`;
  const listed = problems.slice(0, LISTED).map((p) => `${unit} ${p.line}: ${p.message}`);
  const more = problems.length > LISTED ? `; … and ${problems.length - LISTED} more` : '';
  return `${count}, nothing imported: ${listed.join('; ')}${more}`;
}

/** Collects problems while a file is read; `throwIfAny` refuses the file when there were some. */
export class ProblemList {
  readonly problems: ImportWarning[] = [];

  constructor(private readonly unit: 'row' | 'line') {}

  add(line: number, message: string): void {
    this.problems.push({ line, message });
  }

  throwIfAny(): void {
    if (this.problems.length === 0) return;
    const sorted = [...this.problems].sort((a, b) => a.line - b.line);
    throw new ImportProblemsError(sorted, this.unit);
  }
}
