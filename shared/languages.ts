/**
 * The seven languages the panel (and the screens) speak: the six UN languages and German for
 * Vienna. One list for both tiers, so the server validates exactly what the panel offers.
 */
export const LANGUAGE_CODES = ['ar', 'zh', 'en', 'fr', 'ru', 'es', 'de'] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

export const DEFAULT_LANGUAGE: LanguageCode = 'en';

/** Each language named in itself, as a language menu must show it to someone who cannot read the others. */
export const LANGUAGE_NAMES: Readonly<Record<LanguageCode, string>> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
  de: 'Deutsch',
};

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && (LANGUAGE_CODES as readonly string[]).includes(value);
}

export function languageDirection(language: LanguageCode): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** A BCP 47 tag such as the browser's `navigator.language` ("fr-CH", "zh-Hans-CN") → one of ours, if any. */
export function matchLanguage(tag: string | undefined): LanguageCode | undefined {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return isLanguageCode(primary) ? primary : undefined;
}
