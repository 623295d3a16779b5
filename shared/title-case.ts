/**
 * Titles written in ALL CAPS read slowly at a distance: screens and the panel show them in title
 * case. One pure function, used everywhere; the original stays in the data. Rules:
 * - Only a title that is (nearly) all capitals is converted; a title written in mixed case is
 *   shown as written, and so is any mixed-case word inside an all-caps title ("EmpowerHer").
 * - Each word is capitalised; short function words are lower case except as the first word and
 *   after a colon, a full stop or question mark, or an opening quote; parts of hyphenated words follow the same
 *   rule ("Rule-of-Law").
 * - Acronyms stay in capitals: the list below, any word with a digit (I2LEC, COP12), and any word
 *   the organiser field writes in capitals (INTERPOL, HEUNI). Possessives keep a lower-case s.
 * These are English rules (small words, acronyms): they apply to the original title (the programme
 * is written in English) and to an English translation. A translation into another language is
 * shown as staff typed it: French and Spanish capitalise only the first word and proper names,
 * German every noun, and no rule can tell those apart from the other words.
 */
import type { Language } from './languages.ts';
import type { Organizers, Schedule, Session } from './model.ts';
import { localizedTitle, type LocalizedText } from './translations.ts';

export type TitleStyle = 'as-written' | 'title-case';

/** The style staff chose in the panel; title case until they choose. */
export function titleStyleOf(schedule: Pick<Schedule, 'settings'> | null | undefined): TitleStyle {
  return schedule?.settings?.titleStyle ?? 'title-case';
}

/** Acronyms of the UN and crime-prevention world; a plural maps to its written form. */
const ACRONYMS: Record<string, string> = Object.fromEntries(
  [
    'UN',
    'UNODC',
    'EU',
    'UAE',
    'GI-TOC',
    'IAYSP',
    'CCPCJ',
    'UNTOC',
    'UNCAC',
    'ICAT',
    'INTERPOL',
    'EUROPOL',
    'OSCE',
    'NGO',
    'UNFCCC',
    'COP',
    'TIP',
    'SOM',
    'TIPSOM',
    'ICS',
    'UXO',
    'AXO',
    'AI',
    'SDG',
    'SDGS',
    'IOM',
    'UNDP',
    'UNESCO',
    'UNICEF',
    'UNHCR',
    'OHCHR',
    'FATF',
    'ASEAN',
    'AU',
    'OAS',
    'SALW',
    'HEUNI',
    'IANSA',
    'USA',
    'UK',
    'CSO',
    'LGBTQ',
    'ICT',
    'IT',
    'DNA',
    'ECOWAS',
    'SADC',
  ].map((word) => [word, word]),
);
Object.assign(ACRONYMS, { NGOS: 'NGOs', UXOS: 'UXOs', AXOS: 'AXOs', CSOS: 'CSOs', SDGS: 'SDGs' });
// "IT" and "US" are also ordinary words in a title; "IT" is kept only as written by an organiser.
delete ACRONYMS.IT;

const SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'nor',
  'but',
  'of',
  'to',
  'for',
  'in',
  'on',
  'at',
  'by',
  'with',
  'from',
  'as',
  'into',
  'via',
  'per',
  'vs',
]);

/** Shares of capitals among the letters from which a title counts as written in capitals. */
const ALL_CAPS_SHARE = 0.8;

/** The languages whose case rules this file knows: the original's (English) and English translations. */
const TITLE_CASE_LANGUAGES: ReadonlySet<Language | undefined> = new Set([undefined, 'en']);

/**
 * A session's title as a screen in `language` shows it: its translation when it has one, else the
 * original (the one choice, localizedTitle), under the chosen style where English rules apply (see
 * above). `language` is set only for a translation, for the `lang` of the element holding it.
 */
export function shownTitle(
  session: Pick<Session, 'title' | 'translations' | 'organizers'>,
  style: TitleStyle,
  language: Language,
): LocalizedText {
  const chosen = localizedTitle(session, language);
  if (!TITLE_CASE_LANGUAGES.has(chosen.language)) return chosen;
  return { ...chosen, text: displayTitle(chosen.text, style, session.organizers) };
}

/** What a screen shows for a title under the chosen style. */
export function displayTitle(title: string, style: TitleStyle, organizers?: Organizers): string {
  return style === 'title-case' ? titleCase(title, organizerAcronyms(organizers)) : title;
}

export function isAllCaps(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 4) return false;
  const capitals = letters.filter((letter) => letter !== letter.toLowerCase()).length;
  return capitals / letters.length >= ALL_CAPS_SHARE;
}

/** Words the organiser field writes in capitals ("International Criminal Police Organization (INTERPOL)"). */
export function organizerAcronyms(organizers?: Organizers): Set<string> {
  const found = new Set<string>();
  if (!organizers) return found;
  for (const text of [organizers.lead, ...organizers.partners]) {
    for (const word of text.match(/[\p{L}\p{N}-]+/gu) ?? []) {
      if (word.length >= 2 && /\p{Lu}/u.test(word) && word === word.toUpperCase()) found.add(word);
    }
  }
  return found;
}

export function titleCase(title: string, extraAcronyms: ReadonlySet<string> = new Set()): string {
  if (!isAllCaps(title)) return title;
  let startOfPhrase = true;
  // Words with their surrounding punctuation; spaces kept as they are.
  return title
    .split(/(\s+)/)
    .map((token) => {
      if (/^\s*$/.test(token)) return token;
      const cased = caseToken(token, startOfPhrase, extraAcronyms);
      startOfPhrase = /[:.?!]$/.test(token);
      return cased;
    })
    .join('');
}

/** One whitespace-free token: leading punctuation, the word (maybe hyphenated), trailing punctuation. */
function caseToken(token: string, startOfPhrase: boolean, extra: ReadonlySet<string>): string {
  const match = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(token)!;
  const [, lead = '', core = '', tail = ''] = match;
  if (!core) return token;
  const first = startOfPhrase || /[“"'‘(]/.test(lead);
  return lead + caseWord(core, first, extra) + tail;
}

function caseWord(word: string, first: boolean, extra: ReadonlySet<string>): string {
  // A possessive: the stem is cased, the s stays lower case (UNODC's, Ukraine's, I2LEC's).
  const possessive = /^(.+)(['’])S$/u.exec(word);
  if (possessive) return caseWord(possessive[1]!, first, extra) + possessive[2] + 's';
  const whole = acronym(word, extra);
  if (whole) return whole;
  return word
    .split(/([-/])/)
    .map((part, index) => (part === '-' || part === '/' ? part : casePart(part, first && index === 0, extra)))
    .join('');
}

function casePart(part: string, first: boolean, extra: ReadonlySet<string>): string {
  if (!part) return part;
  const known = acronym(part, extra);
  if (known) return known;
  // A mixed-case word was written that way on purpose.
  if (part !== part.toUpperCase()) return part;
  const lower = part.toLowerCase();
  if (!first && SMALL_WORDS.has(lower)) return lower;
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function acronym(word: string, extra: ReadonlySet<string>): string | undefined {
  if (word !== word.toUpperCase()) return undefined;
  if (ACRONYMS[word]) return ACRONYMS[word];
  if (extra.has(word)) return word;
  if (/\p{N}/u.test(word) && /\p{L}/u.test(word) && !word.includes('-')) return word;
  return undefined;
}
