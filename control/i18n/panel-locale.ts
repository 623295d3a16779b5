/**
 * The panel's current language and its messages. English ships in the main bundle (it is the
 * fallback and what most venues use); the other six are chunks loaded when someone picks one.
 * Components follow changes through LocaleController (control/controllers/locale-controller.ts).
 */
import { DEFAULT_LANGUAGE, languageDirection, matchLanguage, type Language } from '../../shared/languages.ts';
import type { PanelMessages } from './messages.ts';
import { en } from './en.ts';

const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<PanelMessages>> = {
  ar: () => import('./ar.ts').then((module) => module.ar),
  zh: () => import('./zh.ts').then((module) => module.zh),
  fr: () => import('./fr.ts').then((module) => module.fr),
  ru: () => import('./ru.ts').then((module) => module.ru),
  es: () => import('./es.ts').then((module) => module.es),
  de: () => import('./de.ts').then((module) => module.de),
};

export async function loadMessages(language: Language): Promise<PanelMessages> {
  return language === 'en' ? en : LOADERS[language]();
}

/** The language of a person who never chose one: the browser's, when we speak it. */
export function browserLanguage(): Language {
  return matchLanguage(globalThis.navigator?.language) ?? DEFAULT_LANGUAGE;
}

export class PanelLocale extends EventTarget {
  language: Language = DEFAULT_LANGUAGE;
  messages: PanelMessages = en;
  private requested = 0;

  get direction(): 'rtl' | 'ltr' {
    return languageDirection(this.language);
  }

  /** Switches once the chunk is in; of two quick choices the last one wins. */
  async use(language: Language): Promise<void> {
    const request = ++this.requested;
    const messages = await loadMessages(language);
    if (request !== this.requested) return;
    this.language = language;
    this.messages = messages;
    // The browser tab speaks the reader's language too (index.html starts it in English).
    if (typeof document !== 'undefined') document.title = messages.appLoginHeading;
    this.dispatchEvent(new Event('change'));
  }
}

/** One per page: the panel has one reader at a time. */
export const panelLocale = new PanelLocale();
