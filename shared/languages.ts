/**
 * The languages a screen can show: the six UN languages and German (a Vienna venue). The server
 * validates a screen's assignment against this list and the display picks its catalogue by it.
 */
export const LANGUAGES = ['en', 'fr', 'es', 'ru', 'zh', 'ar', 'de'] as const;

export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language by its own name, as staff and readers of that language know it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ru: 'Русский',
  zh: '中文',
  ar: 'العربية',
  de: 'Deutsch',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Scripts written right to left among ours. */
export function isRightToLeft(language: Language): boolean {
  return language === 'ar';
}

export function languageDirection(language: Language): 'rtl' | 'ltr' {
  return isRightToLeft(language) ? 'rtl' : 'ltr';
}

/** A BCP 47 tag such as the browser's `navigator.language` ("fr-CH", "zh-Hans-CN") → one of ours, if any. */
export function matchLanguage(tag: string | undefined): Language | undefined {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : undefined;
}
