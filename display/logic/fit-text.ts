/**
 * Titles sized to their box, measured in the browser: each element marked `data-fit="min max"`
 * (sizes as multiples of its parent's font size, so each layout's CSS sets the scale, portrait
 * or landscape) starts at its maximum and steps down until its lines fit its line clamp, never
 * below the minimum nor the theme's --text-min; only then does the clamp's ellipsis show.
 *
 * A parent marked `data-fit-box` is the room the layout gives the title (what the panel's other
 * parts leave): the title must fit that height too, and when even the minimum size does not, it
 * keeps the whole lines that do, with the ellipsis, rather than push the parts below it off the
 * screen or be cut mid-line.
 *
 * Lines are counted from the unclamped height, not read from scrollHeight: a font whose glyph box
 * is taller than the line (Noto Sans Arabic is twice the em; Noto Sans too at a tight line-height)
 * adds overflow below the last line that is no hidden text, and made every title shrink to its
 * minimum.
 */

const STEPS = 8;

/** Fits every [data-fit] element under root. Cheap: a few layouts per changed title or box only. */
export function fitTitles(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-fit]')) fitElement(element);
}

export function fitElement(element: HTMLElement): void {
  const [min = 3, max = min] = (element.dataset.fit ?? '').split(' ').map(Number);
  const parent = element.parentElement ?? element;
  const box = parent.hasAttribute('data-fit-box') ? parent : null;
  const base = parseFloat(getComputedStyle(parent).fontSize);
  // Same text, room and range as last time: keep the size found then.
  const key = `${element.textContent}|${element.clientWidth}|${box ? roomOf(box) : ''}|${base}|${min}|${max}`;
  if (element.dataset.fitted === key) return;
  element.style.removeProperty('-webkit-line-clamp');
  const clamp = Number(getComputedStyle(element).getPropertyValue('-webkit-line-clamp')) || Infinity;
  let lines = { count: 0, height: 0 };
  for (let step = 0; step <= STEPS; step++) {
    // Never under the theme's legibility floor, whatever the range says.
    element.style.fontSize = `max(var(--text-min), ${(max - ((max - min) * step) / STEPS) * base}px)`;
    lines = measureLines(element);
    const fitsBox = box === null || lines.count * lines.height <= box.clientHeight + 1;
    if (lines.count <= clamp && fitsBox) break;
  }
  // Still too tall at its smallest: the whole lines its box holds, the last one with the ellipsis.
  if (box && lines.height > 0 && lines.count * lines.height > box.clientHeight + 1) {
    const held = Math.max(1, Math.floor((box.clientHeight + 1) / lines.height));
    element.style.setProperty('-webkit-line-clamp', String(Math.min(held, clamp)));
  }
  element.dataset.fitted = key;
}

/**
 * What stands for the room the layout gives a box: its component's height (it changes when the
 * screen turns or a banner comes or goes) and the heights of the parts beside it, which keep their
 * size (they change when their text or its font does: on a screen loaded straight into portrait
 * the parts below the title settle after the title was first fitted). Not the box's own height:
 * the box shrinks to the title it holds.
 */
function roomOf(box: HTMLElement): string {
  const root = box.getRootNode() as ShadowRoot | Document;
  const host = root instanceof ShadowRoot ? root.host.clientHeight : 0;
  const parts = Array.from(box.parentNode?.children ?? []).filter((part) => part !== box);
  return `${host}|${parts.map((part) => (part as HTMLElement).offsetHeight).join(',')}`;
}

/** The element's lines at its current size, laid out for a moment without its clamp. */
function measureLines(element: HTMLElement): { count: number; height: number } {
  const style = getComputedStyle(element);
  const height = parseFloat(style.lineHeight);
  element.style.setProperty('display', 'block');
  const content =
    element.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  element.style.removeProperty('display');
  return height > 0 ? { count: Math.round(content / height), height } : { count: 0, height: 0 };
}
