/**
 * Catalogue phrases with their data marked: every message of every language, called through
 * phrase(), reads exactly as when called directly, and each text argument comes back as one
 * piece of data (what the screens put in a <bdi>), whichever order the language puts them in.
 */
import { describe, expect, it } from 'vitest';
import { loadMessages } from '../../shared/i18n/load.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { phrase, phraseText, words } from '../../shared/i18n/phrase.ts';
import { LANGUAGES } from '../../shared/languages.ts';

describe('phrase', () => {
  it('marks the text arguments as data and keeps the words around them', () => {
    const message = (time: string, room: string) => `${time} session now in ${room}`;
    expect(phrase(message, '13:00', 'M7, 1st floor')).toEqual([
      { data: '13:00' },
      ' session now in ',
      { data: 'M7, 1st floor' },
    ]);
    expect(phraseText(phrase(message, '13:00', 'M7'))).toBe('13:00 session now in M7');
  });

  it('passes numbers through for plural rules, unmarked', () => {
    const message = (time: string, minutes: number) => `ends ${time} · ${minutes} min left`;
    expect(phrase(message, '13:50', 12)).toEqual(['ends ', { data: '13:50' }, ' · 12 min left']);
  });

  it('keeps data that looks like the words around it, or is empty', () => {
    expect(phrase((room: string) => `Moved to ${room}`, 'Moved to')).toEqual(['Moved to ', { data: 'Moved to' }]);
    expect(phrase((room: string) => `Moved to ${room}`, '')).toEqual(['Moved to ', { data: '' }]);
    expect(words('Cancelled')).toEqual(['Cancelled']);
  });

  it('reads the same as the message itself, for every message of every language', async () => {
    for (const language of LANGUAGES) {
      const m = await loadMessages(language);
      for (const [key, value] of Object.entries(m) as [keyof Messages, unknown][]) {
        if (typeof value !== 'function') continue;
        // Text arguments where the catalogue takes text, a count where it takes one.
        const args = Array.from({ length: value.length }, (_, index) =>
          key === 'inMinutes' || key === 'andMore' || (key === 'endsLeft' && index === 1) || key.startsWith('page')
            ? 3
            : `⟨${index}⟩`,
        );
        const direct = (value as (...a: unknown[]) => string)(...args);
        const marked = phrase(value as (...a: (string | number)[]) => string, ...args);
        expect(phraseText(marked), `${language}.${key}`).toBe(direct);
        const data = marked.filter((part) => typeof part !== 'string').map((part) => part.data);
        expect(data.sort(), `${language}.${key}`).toEqual(args.filter((arg) => typeof arg === 'string').sort());
      }
    }
  });
});
