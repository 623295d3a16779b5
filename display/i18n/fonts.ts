/**
 * The Noto faces a language needs, served with the pages (vite bundles their CSS and woff2 under
 * /assets/) so a screen without internet never shows boxes. Each set is its own chunk: a screen
 * fetches only the faces of the language it shows.
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
      return ['Noto Sans Arabic', 'Noto Sans'];
    case 'zh':
      return ['Noto Sans', 'Noto Sans SC'];
    default:
      return ['Noto Sans'];
  }
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

export async function loadFonts(language: Language): Promise<void> {
  switch (language) {
    case 'ar':
      await import('./fonts/arabic.ts');
      return;
    case 'zh':
      await import('./fonts/chinese.ts');
      return;
    case 'ru':
      await import('./fonts/cyrillic.ts');
      return;
    case 'en':
      // The system stack the screens always had: nothing to fetch.
      return;
    default:
      await import('./fonts/latin.ts');
  }
}

/** The weights the screens' styles use (400 text, 600/700/800 headings and status words). */
const WEIGHTS = [400, 600, 700, 800];

/**
 * Fetches now the faces a language's words need, instead of when they first show: a bilingual
 * screen then has both languages' fonts (and the service worker a copy) before the first switch,
 * so a screen that goes offline never turns to boxes when the other language comes round.
 */
export async function preloadFaces(language: Language, sample: string): Promise<void> {
  if (language === 'en') return;
  await Promise.all(WEIGHTS.map((weight) => document.fonts.load(`${weight} 1em ${fontStack([language])}`, sample)));
}

/** Every character a catalogue's words can print (a message with a number is filled with one). */
export function catalogueText(messages: Messages): string {
  return Object.values(messages)
    .map((word: unknown) => (typeof word === 'function' ? String(word(2, 2)) : String(word)))
    .join(' ');
}
