/**
 * Cleaning of one raw line of the UN programme text: the text is a rendering of a printed
 * programme, so rows carry stray HTML (<p>…</p>), entities (&amp;), trailing blanks and empty tab
 * columns. Columns are what survives: trimmed, de-tagged, non-empty.
 */

/** Splits on any line ending (CRLF, LF, lone CR); index + 1 is the line number. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
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
