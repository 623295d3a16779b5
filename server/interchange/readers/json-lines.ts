/**
 * Lines of entries in a JSON document, for messages: JSON.parse keeps no positions, so each entry
 * is found by the next occurrence of one of its identifying strings, searching forward from the
 * previous entry (one pass over the text), with a line index built once.
 */
import { LineIndex } from './source-programme.ts';

export class JsonLines {
  private cursor = 0;
  private readonly index: LineIndex;
  constructor(private readonly text: string) {
    this.index = new LineIndex(text);
  }

  /** Line of the next occurrence of the first of `needles` that occurs; the current line if none. */
  next(...needles: unknown[]): number {
    for (const needle of needles) {
      if (typeof needle !== 'string' && typeof needle !== 'number') continue;
      const at = this.text.indexOf(JSON.stringify(needle), this.cursor);
      if (at >= 0) {
        this.cursor = at;
        break;
      }
    }
    return this.index.lineAt(this.cursor);
  }
}

/** JSON.parse or undefined (for recognising a format, where broken JSON is simply not it). */
export function tryJson(text: string): unknown {
  if (!/^\uFEFF?\s*[{[]/.test(text)) return undefined;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}
