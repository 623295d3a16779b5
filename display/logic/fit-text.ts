/**
 * Titles sized to their box, measured in the browser: each element marked `data-fit="min max"`
 * (sizes as multiples of its parent's font size, so each layout's CSS sets the scale, portrait
 * or landscape) starts at its maximum and steps
 * down until its text fits its line clamp without hidden overflow, never below the minimum; only
 * then does the clamp's ellipsis show.
 */

const STEPS = 8;

/** Fits every [data-fit] element under root. Cheap: a few layouts per changed title only. */
export function fitTitles(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-fit]')) fitElement(element);
}

export function fitElement(element: HTMLElement): void {
  const [min = 3, max = min] = (element.dataset.fit ?? '').split(' ').map(Number);
  const base = parseFloat(getComputedStyle(element.parentElement ?? element).fontSize);
  // Same text, box and range as last time: keep the size found then.
  const key = `${element.textContent}|${element.clientWidth}|${base}|${min}|${max}`;
  if (element.dataset.fitted === key) return;
  for (let step = 0; step <= STEPS; step++) {
    element.style.fontSize = `${(max - ((max - min) * step) / STEPS) * base}px`;
    if (!overflows(element)) break;
  }
  element.dataset.fitted = key;
}

function overflows(element: HTMLElement): boolean {
  return element.scrollHeight > element.clientHeight + 1;
}
