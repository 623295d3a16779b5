/**
 * What the panel's translation fields hold while staff type (language → text), and the way to and
 * from the stored shape (`{ fr: { title } }` for a session, `{ fr: { text } }` for an announcement).
 * Each text is checked with the model's own schema, so the panel and the server never disagree.
 */
import { fieldProblem } from '../../shared/commands.ts';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../shared/languages.ts';
import { translatedLanguages } from '../../shared/translations.ts';
import { SessionTranslationSchema, TextTranslationSchema, type Translations } from '../../shared/model.ts';

export type TranslationDraft = Partial<Record<Language, string>>;
export type TranslationProblems = Partial<Record<Language, string>>;

export function sessionTranslationDraft(translations: Translations<{ title: string }> | undefined): TranslationDraft {
  return Object.fromEntries(LANGUAGES.flatMap((l) => (translations?.[l] ? [[l, translations[l].title]] : [])));
}

export function sessionTranslations(draft: TranslationDraft): Translations<{ title: string }> {
  return Object.fromEntries(entries(draft).map(([l, text]) => [l, { title: text.trim() }]));
}

export function textTranslations(draft: TranslationDraft): Translations<{ text: string }> {
  return Object.fromEntries(entries(draft).map(([l, text]) => [l, { text: text.trim() }]));
}

/** The languages whose text the schema refuses (empty, too long), each with `message`. */
export function translationProblems(
  draft: TranslationDraft,
  field: 'title' | 'text',
  message: string,
): TranslationProblems {
  const schema = field === 'title' ? SessionTranslationSchema.shape.title : TextTranslationSchema.shape.text;
  return Object.fromEntries(entries(draft).flatMap(([l, text]) => (fieldProblem(schema, text) ? [[l, message]] : [])));
}

function entries(draft: TranslationDraft): Array<[Language, string]> {
  return LANGUAGES.flatMap((l) => (draft[l] === undefined ? [] : [[l, draft[l]] as [Language, string]]));
}

/** "Français, العربية": the languages something has, each by its own name, for a summary line. */
export function translatedInto(translations: Translations<unknown> | undefined): string {
  return translatedLanguages(translations)
    .map((language) => LANGUAGE_NAMES[language])
    .join(', ');
}
