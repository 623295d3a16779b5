/**
 * "No English word outside the data": the words a page prints in its own chrome (not titles,
 * names or rooms, which screens and the panel isolate with <bdi> or dir="auto"), compared with
 * the words only the English catalogue has. Used by the screen and the panel language tests.
 */
import type { Page } from 'playwright-core';

type Catalogue = object;

/** Every word (3 letters or more) a catalogue can print, lower-cased. */
export function catalogueWords(messages: Catalogue): Set<string> {
  const texts = Object.values(messages).map((value) =>
    typeof value === 'function' ? (value as (...args: unknown[]) => string)('', 2) : String(value),
  );
  return new Set(
    texts
      .join(' ')
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((word) => word.length >= 3),
  );
}

/** The text on the page outside the data, walking every shadow root. */
export function chromeText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const isData = (element: Element | null): boolean => {
      for (let node: Element | null = element; node;) {
        if (node.localName === 'bdi' || node.getAttribute('dir') === 'auto') return true;
        node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
      }
      return false;
    };
    const visit = (root: Document | ShadowRoot) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        // Scripts are no text on screen (axe's, injected by the accessibility checks, holds English).
        if (text.parentElement?.closest('script, style')) continue;
        if (!isData(text.parentElement)) parts.push(text.textContent ?? '');
      }
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
    };
    visit(document);
    return parts.join(' ');
  });
}

/** The English-only catalogue words the page shows in its chrome: [] when it speaks `language`. */
export async function englishWordsShown(page: Page, english: Catalogue, translated: Catalogue): Promise<string[]> {
  const own = catalogueWords(translated);
  const englishOnly = [...catalogueWords(english)].filter((word) => !own.has(word));
  const shown = new Set(
    (await chromeText(page))
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter(Boolean),
  );
  return englishOnly.filter((word) => shown.has(word));
}
