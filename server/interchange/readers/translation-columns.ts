/**
 * Spreadsheet and CSV columns that hold a title in another language: `title_fr`, `title:fr`,
 * `title-fr`, `Title (French)`, `Titre (français)`, `Titel (Französisch)` — a title header, then a
 * language as our code, its English name or its own name.
 */
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../../shared/languages.ts';
import type { Session } from '../../../shared/model.ts';
import { withTranslations } from '../../../shared/translations.ts';

const TITLE_WORDS = ['title', 'titre', 'titel', 'título', 'titulo'];
const HEADER = /^\s*(\p{L}+)\s*(?:[_:-]\s*(\p{L}+)|\(\s*(\p{L}+)\s*\))\s*$/u;

/** Each language's names a header may use, lower case: code, English, own name, and a few more. */
const NAMES: Record<Language, string[]> = {
  en: ['english', 'anglais', 'englisch', 'inglés', 'ingles'],
  fr: ['french', 'français', 'francais', 'französisch', 'francés', 'frances'],
  es: ['spanish', 'espagnol', 'spanisch', 'español', 'espanol'],
  ru: ['russian', 'russe', 'russisch', 'ruso'],
  zh: ['chinese', 'chinois', 'chinesisch', 'chino'],
  ar: ['arabic', 'arabe', 'arabisch', 'árabe'],
  de: ['german', 'allemand', 'deutsch', 'alemán', 'aleman'],
};

function languageNamed(name: string): Language | undefined {
  const key = name.toLowerCase();
  return LANGUAGES.find(
    (language) => language === key || LANGUAGE_NAMES[language].toLowerCase() === key || NAMES[language].includes(key),
  );
}

/** The language a header gives a title in, or undefined when it is not a translated-title column. */
export function translatedTitleLanguage(header: string): Language | undefined {
  const match = HEADER.exec(header.normalize('NFC'));
  if (!match || !TITLE_WORDS.includes(match[1]!.toLowerCase())) return undefined;
  return languageNamed(match[2] ?? match[3]!);
}

/** Column index → language, for every translated-title column of a header (the first per language). */
export function translationColumns(header: readonly string[]): Map<number, Language> {
  const columns = new Map<number, Language>();
  const seen = new Set<Language>();
  header.forEach((cell, index) => {
    const language = translatedTitleLanguage(cell);
    if (language === undefined || seen.has(language)) return;
    seen.add(language);
    columns.set(index, language);
  });
  return columns;
}

/** A row's translated titles (empty cells give none), ready to spread into a session. */
export function rowTranslations(
  columns: ReadonlyMap<number, Language>,
  cells: readonly string[],
): Pick<Session, 'translations'> {
  const found: NonNullable<Session['translations']> = {};
  for (const [index, language] of columns) {
    const title = (cells[index] ?? '').trim();
    if (title) found[language] = { title };
  }
  return withTranslations(found);
}
