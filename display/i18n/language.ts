/** Which language a screen shows: `?lang=` on its URL wins over the one staff assigned. */
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../shared/languages.ts';

export function urlLanguage(search: string): Language | undefined {
  const wanted = new URLSearchParams(search).get('lang');
  return isLanguage(wanted) ? wanted : undefined;
}

export function screenLanguage(search: string, assigned: Language | undefined): Language {
  return urlLanguage(search) ?? assigned ?? DEFAULT_LANGUAGE;
}
