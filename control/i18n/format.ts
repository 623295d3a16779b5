/** Dates for the panel in the reader's language, always in the venue's zone; clock times stay 24-hour. */
import { DateTime } from 'luxon';
import type { Instant } from '../../shared/time.ts';
import type { LanguageCode } from '../../shared/languages.ts';

/** "Monday 14 October" / "lundi 14 octobre" / "14 октября, понедельник". */
export function panelDay(instant: Instant, zone: string, language: LanguageCode): string {
  return DateTime.fromMillis(instant, { zone })
    .setLocale(language)
    .toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' });
}

/** "Mon 14 Oct" in the reader's language, for the journal's when-column. */
export function panelShortDay(instant: Instant, zone: string, language: LanguageCode): string {
  return DateTime.fromMillis(instant, { zone })
    .setLocale(language)
    .toLocaleString({ weekday: 'short', day: 'numeric', month: 'short' });
}
