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

export async function preloadFaces(stack: string, messages: Messages): Promise<void> {
  const sample = catalogueText(messages);
  await Promise.all(WEIGHTS.map((weight) => document.fonts.load(`${weight} 1em ${stack}`, sample)));
}
