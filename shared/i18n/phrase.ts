/**
 * A sentence of the catalogue with the data it places marked ("Moved to ⟨M7, 1st floor⟩"), so a
 * screen can isolate the data (<bdi>) from the words around it: a Latin room name or a time inside
 * an Arabic sentence then keeps its own direction instead of being reordered with the chrome.
 * The catalogues stay plain functions; a message is called with markers in place of its text
 * arguments and its result split at them. Numbers (counts for plural rules) are passed as they are.
 */

import type { Language } from '../languages.ts';

/**
 * Words of the catalogue, or data a message places (a room, a time, a code); `language` when the
 * data is a translation (for the `lang` of the element holding it).
 */
export type PhrasePart = string | { readonly data: string; readonly language?: Language };
export type Phrase = readonly PhrasePart[];

/** A text argument: plain, or a translation chosen by shared/translations.ts (its text and language). */
type DataArgument = string | { readonly text: string; readonly language?: Language };
type Arguments<Args extends readonly (string | number)[]> = {
  [K in keyof Args]: Args[K] extends string ? DataArgument : Args[K];
};

// Private-use characters: no catalogue and no data ever holds them.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = /\uE000(\d+)\uE001/;

/** `message(...args)` with each text argument marked as data. */
export function phrase<Args extends readonly (string | number)[]>(
  message: (...args: Args) => string,
  ...args: Arguments<Args>
): Phrase {
  const marked = args.map((arg, index) => (typeof arg === 'number' ? arg : `${OPEN}${index}${CLOSE}`));
  const pieces = message(...(marked as unknown as Args)).split(MARKER);
  const parts: PhrasePart[] = [];
  pieces.forEach((piece, index) => {
    // split() puts each captured argument index at the odd positions.
    if (index % 2 === 0) {
      if (piece) parts.push(piece);
      return;
    }
    const arg = args[Number(piece)] as DataArgument;
    if (typeof arg === 'string') parts.push({ data: arg });
    else parts.push(arg.language ? { data: arg.text, language: arg.language } : { data: arg.text });
  });
  return parts;
}

/** A phrase without data: a catalogue word on its own ("Cancelled"). */
export function words(text: string): Phrase {
  return [text];
}

/** What a phrase reads as, for attributes (aria-label) and logs. */
export function phraseText(value: Phrase): string {
  return value.map((part) => (typeof part === 'string' ? part : part.data)).join('');
}
