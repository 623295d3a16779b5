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
