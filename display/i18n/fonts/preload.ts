/**
 * Fetches now the faces a language's words need, instead of when they first show: a bilingual
 * screen then has both languages' fonts (and the service worker a copy) before the first switch,
 * so a screen that goes offline never turns to boxes when the other language comes round. It
 * lives in the font chunks, not in the door's main bundle.
 */
import type { Messages } from '../../../shared/i18n/messages.ts';

/** The weights the screens' styles use (400 text, 600/700/800 headings and status words). */
const WEIGHTS = [400, 600, 700, 800];

/** Every character a catalogue's words can print (a message with a number is filled with one). */
function catalogueText(messages: Messages): string {
  return Object.values(messages)
    .map((word: unknown) => (typeof word === 'function' ? String(word(2, 2)) : String(word)))
    .join(' ');
}

/** The code point ranges of a CSS unicode-range ("U+0000-00FF, U+0131, U+4??"). */
function codePointRanges(unicodeRange: string): Array<[number, number]> {
  return unicodeRange.split(',').map((part) => {
    const [from = '0', to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(from.replace(/\?/g, '0'), 16);
    return [start, to ? parseInt(to, 16) : parseInt(from.replace(/\?/g, 'F'), 16)];
  });
}

/**
 * The characters each family of the stack draws: the first family with a face whose
 * unicode-range holds a character, as the browser picks when it renders. document.fonts.load
 * with the whole stack would fetch every family's slice of a character instead (Noto Sans SC's
 * Latin slices for the digits and room codes Noto Sans draws), files the screen never uses.
 */
function charactersByFamily(stack: string, text: string): Map<string, string> {
  const ranges = new Map<string, Array<[number, number]>>();
  for (const face of document.fonts) {
    const family = face.family.replace(/^["']|["']$/g, '');
    ranges.set(family, [...(ranges.get(family) ?? []), ...codePointRanges(face.unicodeRange)]);
  }
  const families = stack.split(',').map((name) => name.trim().replace(/^["']|["']$/g, ''));
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

export async function preloadFaces(stack: string, messages: Messages): Promise<void> {
  const drawn = [...charactersByFamily(stack, catalogueText(messages))];
  await Promise.all(
    WEIGHTS.flatMap((weight) =>
      drawn.map(([family, characters]) => document.fonts.load(`${weight} 1em '${family}'`, characters)),
    ),
  );
}
