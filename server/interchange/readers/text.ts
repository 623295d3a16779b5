/**
 * Cleaning of one raw line of the UN programme text: the text is a rendering of a printed
 * programme, so rows carry stray HTML (<p>…</p>), entities (&amp;), trailing blanks and empty tab
 * columns. Columns are what survives: trimmed, de-tagged, non-empty.
 */

/** Splits on any line ending (CRLF, LF, lone CR); index + 1 is the line number. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
}

/**
 * A header row is column names: far shorter than this. A JSON feed written on one line (our own
 * c3voc export, 2 MB) is not a header, and handing it to the CSV parser cost over a second.
 */
const MAX_HEADER_LINE = 64 * 1024;

/**
 * The first non-blank line, found without splitting the whole text; '' when there is none or
 * when it is too long to be a header row.
 */
export function headerLine(text: string): string {
  const body = text.replace(/^\uFEFF/, '');
  const lineEnd = /\r\n|\n|\r/g;
  let from = 0;
  while (from <= body.length) {
    const found = lineEnd.exec(body);
    const to = found ? found.index : body.length;
    if (to - from > MAX_HEADER_LINE) return '';
    const line = body.slice(from, to);
    if (line.trim() !== '') return line;
    if (!found) return '';
    from = lineEnd.lastIndex;
  }
  return '';
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  eacute: 'é',
  egrave: 'è',
  ocirc: 'ô',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // An out-of-range code point would throw in fromCodePoint; keep the text as written.
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * Tags become a space (so "</p> <p>Organized by" still separates title and organisers); entities
 * are decoded after the tags are gone, so an escaped "&lt;b&gt;" stays visible text.
 */
export function cleanCell(cell: string): string {
  const untagged = cell.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<\/?[a-z][^<>]*>/gi, ' ');
  return decodeEntities(untagged).replace(/\s+/g, ' ').trim();
}

/** The non-empty, cleaned tab-separated columns of a line. */
export function columns(line: string): string[] {
  return line
    .split('\t')
    .map(cleanCell)
    .filter((cell) => cell.length > 0);
}
