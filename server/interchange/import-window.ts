/**
 * Imported files obey the date window of staff edits (shared/session-window.ts): a session more
 * than a year from the rest of the file and of the live schedule it joins is a typo (2100 for
 * 2024), refused as a line error naming the field, and nothing of the file is imported.
 */
import type { Programme, Session } from '../../shared/model.ts';
import { sessionsOutsideWindow } from '../../shared/session-window.ts';
import { ProblemList } from './import-error.ts';

/** Beyond this many far sessions the file is plainly off as a whole; lines of the rest are not looked up. */
const LOOKED_UP = 100;

/**
 * The line a session came from: the reader's own record when it keeps one, else the first line
 * that contains the start of its title (for formats whose readers do not track lines per session).
 */
function lineFinder(text: string, known: ReadonlyMap<string, number> | undefined) {
  let lowered: string[] | undefined;
  return (session: Session): number => {
    const line = known?.get(session.id);
    if (line !== undefined) return line;
    lowered ??= text.toLowerCase().split(/\r\n|\n|\r/);
    const needle = session.title.toLowerCase().slice(0, 30);
    const index = lowered.findIndex((l) => l.includes(needle));
    return index >= 0 ? index + 1 : 1;
  };
}

/** Throws an ImportProblemsError listing every session outside the window, with its line. */
export function checkImportWindow(
  text: string,
  programme: Programme,
  sessionLines: ReadonlyMap<string, number> | undefined,
  unit: 'row' | 'line',
  live: readonly Pick<Session, 'start' | 'end' | 'status'>[] = [],
): void {
  const reference = live.filter((s) => s.status !== 'cancelled');
  const far = sessionsOutsideWindow(programme.sessions, programme.timezone, reference);
  if (far.length === 0) return;
  const problems = new ProblemList(unit);
  const lineOf = lineFinder(text, sessionLines);
  far.slice(0, LOOKED_UP).forEach(({ index, message }) => {
    const session = programme.sessions[index]!;
    problems.add(lineOf(session), `${message} (“${session.title.slice(0, 60)}”)`);
  });
  if (far.length > LOOKED_UP) {
    problems.add(
      lineOf(programme.sessions[far[LOOKED_UP]!.index]!),
      `${far.length - LOOKED_UP} more dates outside the window`,
    );
  }
  problems.throwIfAny();
}
