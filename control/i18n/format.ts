/**
 * Dates for the panel in the reader's language, always in the venue's zone (clock times stay
 * 24-hour), and sentences with data inside them isolated for right-to-left reading.
 */
import { DateTime } from 'luxon';
import { html, type TemplateResult } from 'lit';
import { formatDay, type Instant } from '../../shared/time.ts';
import type { Language } from '../../shared/languages.ts';

/** The first of the private-use characters that mark the names' places (U+E000). */
const SLOT = 0xe000;

/**
 * A sentence of ours around names (data), each name in a <bdi> so a Latin room name or a title
 * keeps its place in Arabic, wherever the language puts it: `aroundData(t.scrDoorOf, venue.name)`.
 * The text reads exactly as the sentence would.
 */
export function aroundData<Names extends string[]>(
  sentence: (...names: Names) => string,
  ...names: Names
): TemplateResult[] {
  // Private-use characters never appear in a catalogue: each marks where its name goes.
  const slots = names.map((_, index) => String.fromCharCode(SLOT + index)) as Names;
  return sentence(...slots)
    .split(/([\ue000-\ue008])/)
    .map((piece) => {
      const index = piece.length === 1 ? piece.charCodeAt(0) - SLOT : -1;
      return index >= 0 && index < names.length ? html`<bdi>${names[index]}</bdi>` : html`${piece}`;
    });
}

/**
 * A sentence already worded, with the data it placed (`names`) each put in a <bdi>: for sentences
 * made far from where they are shown (a refused undo's), where aroundData's slots are gone.
 * Longest name first, so "Water (moved)" is isolated whole rather than "Water" inside it.
 */
export function isolatingNames(sentence: string, names: readonly string[]): TemplateResult[] {
  const byLength = [...names].filter(Boolean).sort((a, b) => b.length - a.length);
  if (byLength.length === 0) return [html`${sentence}`];
  const pattern = new RegExp(`(${byLength.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return sentence.split(pattern).map((piece, index) => (index % 2 === 1 ? html`<bdi>${piece}</bdi>` : html`${piece}`));
}

/** UN English is British: "Monday 14 October", not "Monday, October 14". */
function intlLocale(language: Language): string {
  return language === 'en' ? 'en-GB' : language;
}

/** "Monday 14 October" / "lundi 14 octobre" / "понедельник, 14 октября". */
export function panelDay(instant: Instant, zone: string, language: Language): string {
  return formatDay(instant, zone, intlLocale(language));
}

/** "Mon 14 Oct" in the reader's language, for the journal's when-column. */
export function panelShortDay(instant: Instant, zone: string, language: Language): string {
  return DateTime.fromMillis(instant, { zone })
    .setLocale(intlLocale(language))
    .toLocaleString({ weekday: 'short', day: 'numeric', month: 'short' });
}
