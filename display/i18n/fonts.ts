/**
 * The Noto faces a language needs, served with the pages (vite bundles their CSS and woff2 under
 * /assets/) so a screen without internet never shows boxes. Each set is its own chunk: a screen
 * fetches only the faces of the language it shows.
 */
import type { Language } from '../../shared/languages.ts';

const SYSTEM_STACK = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";

/**
 * The font stack of a language's screens (the theme's --script-font). English keeps the system
 * stack the screens always had; the others put the bundled Noto faces first.
 */
export function fontStack(language: Language): string {
  switch (language) {
    case 'en':
      return SYSTEM_STACK;
    case 'ar':
      return `'Noto Sans Arabic', 'Noto Sans', ${SYSTEM_STACK}`;
    case 'zh':
      return `'Noto Sans', 'Noto Sans SC', ${SYSTEM_STACK}`;
    default:
      return `'Noto Sans', ${SYSTEM_STACK}`;
  }
}

/**
 * The line height of running text (the theme's --script-line-height; headings set their own).
 * Noto Sans Arabic's own "normal" line is 2.1 em tall while its glyphs span 1.4 em (measured:
 * ascent 0.98, descent 0.40 at weight 700), so left to the font an Arabic screen spent a third of
 * its height on empty line boxes and squeezed the title; 1.5 holds every glyph without clipping.
 * The other faces' own line (1.2–1.45 em) fits their glyphs and stays.
 */
export function lineHeight(language: Language): string {
  return language === 'ar' ? '1.5' : 'normal';
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
