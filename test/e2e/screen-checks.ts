/**
 * In-page checks of a screen as a reader sees it, walking every shadow root: its chrome (text
 * outside the data, which screens isolate with <bdi> or dir="auto") neither overflows nor is cut,
 * and every glyph it shows comes from the face meant for it, not a fallback. Used by the test that
 * walks every screen view in every language (display-screens.test.ts).
 */
import type { Page } from 'playwright-core';

/** Resolves once the page has rendered twice more: resize observers ran, and what they changed. */
export function rendered(page: Page): Promise<void> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    // A new ResizeObserver reports at the next rendering step (page.clock does not hold it back).
    for (let step = 0; step < 2; step++) {
      await new Promise<void>((resolve) => {
        const observer = new ResizeObserver(() => {
          observer.disconnect();
          resolve();
        });
        observer.observe(document.documentElement);
      });
    }
  });
}

/**
 * What a reader would see as broken: the page scrolls; a text element of the chrome lies outside
 * the viewport, sticks out of its own box (more lines than shown, or wider), or is cut by a box
 * around it that hides overflow; data (names, titles) that is cut through a line, by its own
 * clamp or by a box around it, instead of between two lines. Whole items a fit-list moved to its
 * hidden column are its design, not a cut (the "and N more" counts them), and neither is data
 * clamped with an ellipsis inside a sentence whose own words all show ("with Italy, Mexico, …").
 * Each problem is one line naming the element and text.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1 || doc.scrollHeight > doc.clientHeight + 1) {
      problems.push(
        `the page scrolls: ${doc.scrollWidth}×${doc.scrollHeight} in ${doc.clientWidth}×${doc.clientHeight}`,
      );
    }
    const up = (node: Element): Element | null =>
      node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
    const isData = (element: Element) => {
      for (let node: Element | null = element; node; node = up(node)) {
        if (node.localName === 'bdi' || node.getAttribute('dir') === 'auto') return true;
      }
      return false;
    };
    const inHiddenColumn = (element: Element, clip: Element) => {
      if (!clip.classList.contains('fit-list')) return false;
      const a = element.getBoundingClientRect();
      const b = clip.getBoundingClientRect();
      return a.right <= b.left + 1 || a.left >= b.right - 1 || a.top >= b.bottom - 1;
    };
    // Lines counted without the clamp: scrollHeight also counts the glyph box below the last line.
    const hiddenLines = (element: HTMLElement, style: CSSStyleDeclaration) => {
      const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
      const clamp = Number(style.getPropertyValue('-webkit-line-clamp'));
      if (!clamp) return element.scrollHeight - element.clientHeight > line / 2;
      element.style.setProperty('display', 'block');
      const lines = Math.round(element.getBoundingClientRect().height / line);
      element.style.removeProperty('display');
      return lines > clamp;
    };
    // Whether a box that hides overflow ends inside a line, which a reader then half sees.
    const cutLine = (element: HTMLElement, style: CSSStyleDeclaration) => {
      // "normal" is the font's own line: the height of the first line's text.
      const range = document.createRange();
      range.selectNodeContents(element);
      const line =
        parseFloat(style.lineHeight) || range.getClientRects()[0]?.height || parseFloat(style.fontSize) * 1.2;
      const shown = element.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      // Its whole text, laid out unclamped and unsqueezed (a flex column shrinks its items).
      const unclamped = {
        display: 'block',
        '-webkit-line-clamp': 'none',
        height: 'auto',
        'max-height': 'none',
        flex: 'none',
      };
      for (const [property, value] of Object.entries(unclamped)) element.style.setProperty(property, value);
      const full = element.getBoundingClientRect().height;
      for (const property of Object.keys(unclamped)) element.style.removeProperty(property);
      if (full <= shown + 1) return false;
      const lines = shown / line;
      return lines - Math.floor(lines) > 0.1 && Math.ceil(lines) - lines > 0.1;
    };
    // Its own words (not the data it holds in <bdi>) lie below its box: the clamp cut the chrome.
    const wordsBelow = (element: HTMLElement, box: DOMRect) => {
      const range = document.createRange();
      return [...element.childNodes].some((node) => {
        if (node.nodeType !== Node.TEXT_NODE || !node.textContent!.trim()) return false;
        range.selectNodeContents(node);
        // The middle of its glyph box: Noto Sans Arabic's box reaches well below its line.
        return [...range.getClientRects()].some((rect) => (rect.top + rect.bottom) / 2 > box.bottom);
      });
    };
    const holdsData = (element: HTMLElement) => element.querySelector('bdi, [dir="auto"]') !== null;
    const describe = (element: Element) =>
      `${element.localName}${element.className ? `.${String(element.className).trim().split(/\s+/).join('.')}` : ''} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
    const check = (element: HTMLElement, data: boolean) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') return;
      for (let clip = up(element); clip; clip = up(clip)) if (inHiddenColumn(element, clip)) return;
      const inline = style.display === 'inline';
      // An inline's box is its font's glyph box, taller than its line (twice the em in Noto Sans
      // Arabic): inline data is checked through the block that holds it.
      if (data && inline) return;
      if (box.left < -1 || box.top < -1 || box.right > innerWidth + 1 || box.bottom > innerHeight + 1) {
        problems.push(
          `${describe(element)} outside the viewport (${Math.round(box.left)},${Math.round(box.top)})–(${Math.round(box.right)},${Math.round(box.bottom)})`,
        );
        return;
      }
      // Data may be cut short (its ellipsis says so) but never through a line: checked on its box
      // and on the boxes around it.
      if (data) {
        if (style.overflow !== 'visible' && cutLine(element, style)) {
          problems.push(
            `${describe(element)} shows part of a line (${element.clientHeight}px, lines of ${style.lineHeight})`,
          );
          return;
        }
        for (let clip = up(element); clip; clip = up(clip)) {
          if (getComputedStyle(clip).overflow === 'visible') continue;
          const around = clip.getBoundingClientRect();
          if (box.top < around.top - 2 || box.bottom > around.bottom + 2) {
            problems.push(`${describe(element)} is cut through a line by ${describe(clip).split(' ')[0]}`);
            return;
          }
        }
        return;
      }
      if (!inline && style.overflow !== 'visible') {
        if (element.scrollWidth > element.clientWidth + 1) problems.push(`${describe(element)} is wider than its box`);
        if (hiddenLines(element, style) && (!holdsData(element) || wordsBelow(element, box))) {
          problems.push(`${describe(element)} has hidden lines`);
        }
      }
      for (let clip = up(element); clip; clip = up(clip)) {
        if (getComputedStyle(clip).overflow === 'visible') continue;
        const around = clip.getBoundingClientRect();
        // An inline's box is its font's glyph box, taller than its line (twice the em in Noto Sans
        // Arabic): its block, checked itself, says whether its line is shown.
        // Two pixels of slack: sub-pixel line heights round, and no stroke is thinner than that.
        const cutVertically = !inline && (box.top < around.top - 2 || box.bottom > around.bottom + 2);
        if (cutVertically || box.left < around.left - 2 || box.right > around.right + 2) {
          const edges = (r: DOMRect) => [r.left, r.top, r.right, r.bottom].map(Math.round).join(',');
          problems.push(
            `${describe(element)} (${edges(box)}) cut by ${describe(clip).split(' ')[0]} (${edges(around)})`,
          );
          return;
        }
      }
    };
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll<HTMLElement>('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
        if (element.closest('[aria-hidden="true"]')) continue;
        const ownText = [...element.childNodes].some(
          (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim(),
        );
        if (ownText) check(element, isData(element));
      }
    };
    visit(document);
    return problems;
  });
}

/**
 * Characters of the chrome that the screen's own faces do not draw: each visible text is measured
 * in its weight with the language's faces and then two different generic fallbacks; a glyph the
 * faces lack comes from the fallback, so the widths differ. `faces` is the CSS family list the
 * screen puts first ("'Noto Sans Arabic', 'Noto Sans'").
 */
export function missingGlyphs(page: Page, faces: string): Promise<string[]> {
  return page.evaluate((faces) => {
    const context = document.createElement('canvas').getContext('2d')!;
    const missing = new Set<string>();
    // Each character in each weight is measured once: a page repeats most of its letters.
    const measured = new Set<string>();
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll<HTMLElement>('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
        if (element.getClientRects().length === 0) continue;
        const weight = getComputedStyle(element).fontWeight;
        for (const node of element.childNodes) {
          if (node.nodeType !== Node.TEXT_NODE) continue;
          for (const char of new Set(node.textContent!.replace(/\s/g, ''))) {
            if (measured.has(`${weight} ${char}`)) continue;
            measured.add(`${weight} ${char}`);
            context.font = `${weight} 40px ${faces}, monospace`;
            const monospace = context.measureText(char).width;
            context.font = `${weight} 40px ${faces}, serif`;
            if (Math.abs(context.measureText(char).width - monospace) > 0.01)
              missing.add(`${char} (U+${char.codePointAt(0)!.toString(16).toUpperCase()}, ${weight})`);
          }
        }
      }
    };
    visit(document);
    return [...missing];
  }, faces);
}

/**
 * Latin data inside right-to-left chrome that is not isolated: a text with Latin letters (a room
 * code, a name, a platform) or a time range that shares its paragraph with Arabic and sits in no
 * isolating element (<bdi>, an element with `dir`, `unicode-bidi: isolate`), so the bidi
 * algorithm may reorder it with the words around it ("M7" jumping to the wrong end). Latin words
 * the catalogue itself writes ("QR") are chrome; `catalogueLatin` lists them, lower-cased.
 */
export function unisolatedData(page: Page, catalogueLatin: readonly string[]): Promise<string[]> {
  return page.evaluate((own) => {
    const chrome = new Set(own);
    const problems: string[] = [];
    const up = (node: Element): Element | null =>
      node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
    const isolating = (style: CSSStyleDeclaration) =>
      ['isolate', 'isolate-override', 'plaintext'].includes(style.unicodeBidi);
    /** The paragraph a text belongs to (its nearest non-inline box), or null when an inline isolates it. */
    const paragraphOf = (parent: Element): Element | null => {
      for (let node: Element | null = parent; node; node = up(node)) {
        const style = getComputedStyle(node);
        if (isolating(style)) return null;
        if (style.display !== 'inline' && style.display !== 'contents') return node;
      }
      return null;
    };
    const visit = (root: Document | ShadowRoot) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        const parent = text.parentElement;
        if (!parent || parent.closest('script, style, [aria-hidden="true"]')) continue;
        const value = text.textContent ?? '';
        const latin = (value.match(/\p{Script=Latin}[\p{Script=Latin}\d'’.-]*/gu) ?? []).filter(
          (word) => !chrome.has(word.toLowerCase()),
        );
        const range = /\d[:.]\d\d\s*[–-]\s*\d/.test(value);
        if (latin.length === 0 && !range) continue;
        const paragraph = paragraphOf(parent);
        if (!paragraph || parent.getClientRects().length === 0) continue;
        const paragraphText = paragraph.shadowRoot ? '' : (paragraph.textContent ?? '');
        if (!/\p{Script=Arabic}/u.test(paragraphText)) continue;
        problems.push(`"${value.trim().slice(0, 40)}" is not isolated in "${paragraphText.trim().slice(0, 60)}"`);
      }
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
    };
    visit(document);
    return problems;
  }, catalogueLatin);
}
