/**
 * Fetches now the faces a screen's text needs, instead of when it first shows: a bilingual screen
 * then has both languages' faces (and the service worker a copy) before the first switch, and a
 * door has the slices of the titles it will show later in the day before the network can fail.
 * It lives in the font chunks, not in the door's main bundle.
 *
 * Only the slices that draw a character are fetched: every face the chunks declare carries the
 * unicode-range of its slice (the @fontsource per-weight CSS), and each character is asked of the
 * first family of the stack whose ranges hold it, the face the browser will draw it with.
 * Asking the whole stack would also fetch the later families' slices of it (Noto Sans SC's Latin
 * and punctuation for the digits and room codes Noto Sans draws), files never used.
 */

/** The weights the screens' styles use (400 text, 600/700/800 headings and status words). */
const WEIGHTS = [400, 600, 700, 800];

/** The code point ranges of a CSS unicode-range ("U+0000-00FF, U+0131, U+4??"). */
function codePointRanges(unicodeRange: string): Array<[number, number]> {
  return unicodeRange.split(',').map((part) => {
    const [from = '0', to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(from.replace(/\?/g, '0'), 16);
    return [start, to ? parseInt(to, 16) : parseInt(from.replace(/\?/g, 'F'), 16)];
  });
}

const unquoted = (family: string) => family.trim().replace(/^["']|["']$/g, '');

/** The characters each family of the stack draws: the first family with a face whose range holds it. */
function charactersByFamily(stack: string, text: string): Map<string, string> {
  const ranges = new Map<string, Array<[number, number]>>();
  for (const face of document.fonts) {
    const family = unquoted(face.family);
    ranges.set(family, [...(ranges.get(family) ?? []), ...codePointRanges(face.unicodeRange)]);
  }
  const families = stack.split(',').map(unquoted);
  const drawn = new Map<string, string>();
  for (const character of new Set(text.replace(/\s/g, ''))) {
    const codePoint = character.codePointAt(0)!;
    const family = families.find((name) =>
      ranges.get(name)?.some(([start, end]) => codePoint >= start && codePoint <= end),
    );
    if (family) drawn.set(family, (drawn.get(family) ?? '') + character);
  }
  return drawn;
}

/** Loads, at every weight the styles use, the slices of the stack that draw `text`. */
export async function preloadFaces(stack: string, text: string): Promise<void> {
  const drawn = [...charactersByFamily(stack, text)];
  await Promise.all(
    WEIGHTS.flatMap((weight) =>
      drawn.map(([family, characters]) => document.fonts.load(`${weight} 1em '${family}'`, characters)),
    ),
  );
}
