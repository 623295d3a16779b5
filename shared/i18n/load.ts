/**
 * A language's catalogue. English is bundled; every other language is its own chunk fetched only
 * by a screen that shows it, so the door's JavaScript stays within budget.
 */
import type { Language } from '../languages.ts';
import { en } from './en.ts';
import type { Messages } from './messages.ts';

export async function loadMessages(language: Language): Promise<Messages> {
  switch (language) {
    case 'en':
      return en;
    case 'fr':
      return (await import('./fr.ts')).fr;
    case 'es':
      return (await import('./es.ts')).es;
    case 'de':
      return (await import('./de.ts')).de;
    case 'ru':
      return (await import('./ru.ts')).ru;
    case 'zh':
      return (await import('./zh.ts')).zh;
    case 'ar':
      return (await import('./ar.ts')).ar;
  }
}
