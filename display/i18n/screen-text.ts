/**
 * The characters a screen may draw from its schedule in one language, for the face preload
 * (fonts.ts): every text of the sessions it can show (a door: those of its room, planned or now;
 * the lobby: all), the venues' names and ways there, the announcements and the emergency. A
 * `translations` entry counts in the screen's language only; everything else whole, so a text
 * field added to the model later is covered without a change here.
 */
import type { Language } from '../../shared/languages.ts';
import type { Schedule } from '../../shared/model.ts';
import type { DisplayRoute } from '../data/route.ts';

function collect(value: unknown, language: Language, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) collect(item, language, into);
  else if (value && typeof value === 'object') {
    for (const [key, field] of Object.entries(value)) {
      if (key === 'translations') collect((field as Partial<Record<Language, unknown>>)[language], language, into);
      else collect(field, language, into);
    }
  }
}

export function screenText(schedule: Schedule, route: DisplayRoute, language: Language): string {
  const sessions =
    route.view === 'room'
      ? schedule.sessions.filter((s) => s.venueId === route.venueId || s.planned.venueId === route.venueId)
      : schedule.sessions;
  const texts: string[] = [];
  collect([sessions, schedule.venues, schedule.announcements, schedule.emergency], language, texts);
  const text = texts.join(' ');
  // Titles may be shown in title case, status words in capitals: both cases of every letter.
  return `${text} ${text.toLocaleLowerCase(language)} ${text.toLocaleUpperCase(language)}`;
}
