/**
 * Which text a screen shows in its language: the translation staff or the source gave, else the
 * original. One rule for every view (door, lobby, plenary agenda, announcements, emergency), so
 * no screen falls back differently. Only types are imported: the door bundle stays free of zod.
 */
import { LANGUAGES, type Language } from './languages.ts';
import type { Translations } from './model.ts';

/** The chosen text and, when it is a translation, its language (for the element's `lang`). */
export interface LocalizedText {
  text: string;
  /** Absent for the original, whose language the data does not record. */
  language?: Language;
}

function choose<T>(
  original: string,
  translations: Translations<T> | undefined,
  language: Language,
  pick: (entry: T) => string | undefined,
): LocalizedText {
  const entry = translations?.[language];
  const translated = entry === undefined ? undefined : pick(entry);
  return translated === undefined ? { text: original } : { text: translated, language };
}

/** A session's (or an agenda item's) title in `language` when it has one, the original otherwise. */
export function localizedTitle(
  session: { title: string; translations?: Translations<{ title: string }> },
  language: Language,
): LocalizedText {
  return choose(session.title, session.translations, language, (entry) => entry.title);
}

/** An announcement's (or the emergency's) text in `language` when it has one, the original otherwise. */
export function localizedText(
  message: { text: string; translations?: Translations<{ text: string }> },
  language: Language,
): LocalizedText {
  return choose(message.text, message.translations, language, (entry) => entry.text);
}

/** The languages something is translated into, in our list's order (for the panel's summary). */
export function translatedLanguages(translations: Translations<unknown> | undefined): Language[] {
  return LANGUAGES.filter((language) => translations?.[language] !== undefined);
}

/**
 * `{ translations }` when there are some, else nothing: `{}` and none read the same on every
 * screen, so the data never holds an empty set (spread it into the session or announcement).
 */
export function withTranslations<T>(translations: Translations<T> | null | undefined): {
  translations?: Translations<T>;
} {
  return translations && Object.keys(translations).length > 0 ? { translations } : {};
}

/** Agenda items as stored: an item whose translations are `{}` holds none (withTranslations). */
export function agendaWithTranslations<T extends { translations?: Translations<unknown> }>(items: readonly T[]): T[] {
  return items.map(({ translations, ...item }) => ({ ...item, ...withTranslations(translations) }) as T);
}
