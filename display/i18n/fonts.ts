/**
 * The Noto faces a language needs, served with the pages (vite bundles their CSS and woff2 under
 * /assets/) so a screen without internet never shows boxes. Each set is its own chunk: a screen
 * fetches only the faces of the language it shows, and of those only the unicode-range slices that
 * draw its catalogue's words and its schedule's text (screen-faces.ts).
 */
import type { Language } from '../../shared/languages.ts';
import type { Messages } from '../../shared/i18n/messages.ts';

const SYSTEM_STACK = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";

/** The bundled Noto faces of a language, in the order they are tried. */
function notoFaces(language: Language): string[] {
  switch (language) {
    case 'en':
      return [];
    case 'ar':
      // Noto Sans Arabic's own Latin slice draws room codes and digits in Arabic chrome.
      return ['Noto Sans Arabic', 'Noto Sans'];
    case 'zh':
      return ['Noto Sans', 'Noto Sans SC'];
    default:
      return ['Noto Sans'];
  }
}

/**
 * The line height of running text (the theme's --script-line-height; headings set their own).
 * Noto Sans Arabic's own "normal" line is 2.1 em tall while its glyphs span 1.4 em (measured:
 * ascent 0.98, descent 0.40 at weight 700), so left to the font an Arabic screen spent a third of
 * its height on empty line boxes and squeezed the title; 1.5 holds every glyph without clipping.
 * The other faces' own line (1.2–1.45 em) fits their glyphs and stays. A bilingual screen with
 * Arabic keeps Arabic's line in both halves, so a switch never moves the layout.
 */
export function lineHeight(languages: readonly Language[]): string {
  return languages.includes('ar') ? '1.5' : 'normal';
}

/**
 * The font stack of a screen's languages (the theme's --script-font). English alone keeps the
 * system stack the screens always had; the others put the bundled Noto faces first. A bilingual
 * screen uses one stack for both, so a switch changes the words, never the letters' metrics the
 * layout rests on.
 */
export function fontStack(languages: readonly Language[]): string {
  const faces = [...new Set(languages.flatMap(notoFaces))].map((face) => `'${face}', `);
  return `${faces.join('')}${SYSTEM_STACK}`;
}

/** One import() per statement: Vite then preloads each chunk's own CSS (a ternary got one list for all). */
function fontChunk(language: Exclude<Language, 'en'>) {
  switch (language) {
    case 'ar':
      return import('./fonts/arabic.ts');
    case 'zh':
      return import('./fonts/chinese.ts');
    default:
      // Noto Sans's CSS holds Latin, Cyrillic and Greek slices, each fetched only when drawn.
      return import('./fonts/latin.ts');
  }
}

/** Every character a catalogue's words can print (a message with a number is filled with one). */
function catalogueText(messages: Messages): string {
  return Object.values(messages)
    .map((word: unknown) => (typeof word === 'function' ? String(word(2, 2)) : String(word)))
    .join(' ');
}

/**
 * Fetches the slices of a language's faces that draw `text` (preload.ts, in the font chunk with
 * the CSS), before the text shows. English keeps the system stack the screens always had.
 */
export async function loadFaces(language: Language, text: string): Promise<void> {
  if (language === 'en') return;
  const chunk = await fontChunk(language);
  await chunk.preloadFaces(fontStack([language]), text);
}

/** A language's faces for every word of its catalogue, before any of them shows. */
export function loadFonts(messages: Messages): Promise<void> {
  return loadFaces(messages.language, catalogueText(messages));
}
