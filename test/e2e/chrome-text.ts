/**
 * "No English word outside the data": the words a page prints in its own chrome (not titles,
 * names or rooms, which screens and the panel isolate with <bdi> or dir="auto"), compared with
 * the words only the English catalogue has. Used by the screen and the panel language tests.
 */
import type { Locator, Page } from 'playwright-core';

type Catalogue = object;

/** What a message prints: a function called with blanks (a list for one that takes a list), a record's every entry. */
function texts(value: unknown): string[] {
  if (typeof value === 'function') {
    const message = value as (...args: unknown[]) => string;
    try {
      return [message('', 2)];
    } catch {
      return [message([''], 2)];
    }
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [String(value)];
}

/** The Latin words a catalogue itself prints ("QR" in Arabic), lower-cased: its chrome, not data. */
export function catalogueLatin(messages: Catalogue): string[] {
  return [
    ...new Set(
      texts(messages)
        .join(' ')
        .toLowerCase()
        .match(/\p{Script=Latin}+/gu) ?? [],
    ),
  ];
}

/** Every word (3 letters or more) a catalogue can print, lower-cased. */
export function catalogueWords(messages: Catalogue): Set<string> {
  return new Set(
    texts(messages)
      .join(' ')
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((word) => word.length >= 3),
  );
}

/** The attributes read out to staff (names and descriptions of controls, hints in empty fields). */
const SPOKEN_ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt'];

/**
 * The text outside the data, walking every shadow root: of the whole page, or of one element
 * (its light and shadow DOM) when a locator is given. With `data` (every title, room, name and
 * text the page may name), the spoken attributes count too, each with those data taken out: an
 * attribute cannot hold a <bdi>.
 */
export async function chromeText(target: Page | Locator, data?: readonly string[]): Promise<string> {
  return (await chromeTextAndRoot(target, data)).text;
}

/** A root element's `lang` and `dir`, read in the same round trip as the chrome's text. */
interface RootLanguage {
  lang: string | null;
  dir: string | null;
}

/** chromeText, and the `lang` and `dir` of the page's first `rootSelector` when one is given. */
function chromeTextAndRoot(
  target: Page | Locator,
  data?: readonly string[],
  rootSelector?: string,
): Promise<{ text: string } & Partial<RootLanguage>> {
  type Options = { names?: readonly string[]; attributes: string[]; rootSelector?: string };
  type Collected = { text: string } & Partial<RootLanguage>;
  // Runs in the page, so it takes its options as evaluate passes them: after the element, for a locator.
  const collect = (first: Element | Options, second?: Options): Collected => {
    const [start, { names, attributes, rootSelector }] =
      first instanceof Element ? [first, second!] : [undefined, first];
    const parts: string[] = [];
    // Longest first, so "Roving forum (moved)" goes before "Roving forum".
    const byLength = [...(names ?? [])].filter(Boolean).sort((a, b) => b.length - a.length);
    const withoutData = (value: string) => byLength.reduce((text, name) => text.split(name).join(' '), value);
    const isData = (element: Element | null): boolean => {
      for (let node: Element | null = element; node;) {
        if (node.localName === 'bdi' || node.getAttribute('dir') === 'auto') return true;
        // Style sheets and scripts print nothing.
        if (node.localName === 'style' || node.localName === 'script') return true;
        node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
      }
      return false;
    };
    const visit = (root: Document | ShadowRoot | Element) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        // Scripts are no text on screen (axe's, injected by the accessibility checks, holds English).
        if (text.parentElement?.closest('script, style')) continue;
        if (isData(text.parentElement)) continue;
        // An <option> cannot hold a <bdi>: it names the data in its text by data-name instead.
        const name = text.parentElement?.localName === 'option' ? text.parentElement.dataset.name : undefined;
        const words = text.textContent ?? '';
        parts.push(name ? words.replace(name, ' ') : words);
      }
      for (const element of root.querySelectorAll('*')) {
        if (names && !isData(element)) {
          for (const attribute of attributes) {
            const value = element.getAttribute(attribute);
            if (value) parts.push(withoutData(value));
          }
        }
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(start ?? document);
    if (start?.shadowRoot) visit(start.shadowRoot);
    const text = parts.join(' ');
    if (!rootSelector) return { text };
    const root = document.querySelector(rootSelector);
    return { text, lang: root?.getAttribute('lang') ?? null, dir: root?.getAttribute('dir') ?? null };
  };
  const options: Options = { names: data, attributes: SPOKEN_ATTRIBUTES, ...(rootSelector ? { rootSelector } : {}) };
  return 'goto' in target ? target.evaluate(collect, options) : target.evaluate(collect, options);
}

/** A pure cache: the catalogues never change, and a walk checks the same pair a hundred times. */
const englishOnlyByPair = new WeakMap<Catalogue, WeakMap<Catalogue, string[]>>();

/** The words the English catalogue prints and `translated` does not. */
function englishOnlyWords(english: Catalogue, translated: Catalogue): string[] {
  const byTranslation = englishOnlyByPair.get(english) ?? new WeakMap<Catalogue, string[]>();
  englishOnlyByPair.set(english, byTranslation);
  let words = byTranslation.get(translated);
  if (!words) {
    const own = catalogueWords(translated);
    words = [...catalogueWords(english)].filter((word) => !own.has(word));
    byTranslation.set(translated, words);
  }
  return words;
}

/**
 * The English-only catalogue words shown in the chrome (of the page, or of one element): [] when it
 * speaks `translated`'s language. With `data`, the spoken attributes are checked too (chromeText).
 */
export async function englishWordsShown(
  target: Page | Locator,
  english: Catalogue,
  translated: Catalogue,
  data?: readonly string[],
): Promise<string[]> {
  return (await englishWordsAndRoot(target, english, translated, data)).words;
}

/**
 * englishWordsShown, and in the same round trip the `lang` and `dir` of the page's first
 * `rootSelector` (a check that the page speaks a language reads both).
 */
export async function englishWordsAndRoot(
  target: Page | Locator,
  english: Catalogue,
  translated: Catalogue,
  data?: readonly string[],
  rootSelector?: string,
): Promise<{ words: string[] } & Partial<RootLanguage>> {
  const englishOnly = englishOnlyWords(english, translated);
  const { text, ...root } = await chromeTextAndRoot(target, data, rootSelector);
  const shown = new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter(Boolean),
  );
  return { words: englishOnly.filter((word) => shown.has(word)), ...root };
}
