/** Dates for the panel in the reader's language, always in the venue's zone; clock times stay 24-hour. */
import { DateTime } from 'luxon';
import { html, type TemplateResult } from 'lit';
import type { Instant } from '../../shared/time.ts';
import type { Language } from '../../shared/languages.ts';

/**
 * A sentence of ours around a name (data), the name in a <bdi> so a Latin room name keeps its
 * place in Arabic: `aroundData(t.scrDoorOf, venue.name)`. The text reads exactly as the sentence.
 */
export function aroundData(sentence: (name: string) => string, name: string): TemplateResult {
  const [before = '', after = ''] = sentence(SLOT).split(SLOT);
  return html`${before}<bdi>${name}</bdi>${after}`;
}

/** Never in a catalogue: marks where the name goes. */
const SLOT = '\u0000';

/** UN English is British: "Monday 14 October", not "Monday, October 14". */
function intlLocale(language: Language): string {
  return language === 'en' ? 'en-GB' : language;
}

/** "Monday 14 October" / "lundi 14 octobre" / "понедельник, 14 октября". */
export function panelDay(instant: Instant, zone: string, language: Language): string {
  return DateTime.fromMillis(instant, { zone })
    .setLocale(intlLocale(language))
    .toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' });
}

/** "Mon 14 Oct" in the reader's language, for the journal's when-column. */
export function panelShortDay(instant: Instant, zone: string, language: Language): string {
  return DateTime.fromMillis(instant, { zone })
    .setLocale(intlLocale(language))
    .toLocaleString({ weekday: 'short', day: 'numeric', month: 'short' });
}
