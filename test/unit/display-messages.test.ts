/**
 * The screens' message catalogue: every language has every key (the type checker proves it; this
 * checks the objects too), no key is unused, plurals follow each language's rules, the URL's
 * language wins over the assigned one, and the display styles are direction-neutral (no left/right).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ar } from '../../shared/i18n/ar.ts';
import { de } from '../../shared/i18n/de.ts';
import { en } from '../../shared/i18n/en.ts';
import { es } from '../../shared/i18n/es.ts';
import { fr } from '../../shared/i18n/fr.ts';
import { loadMessages } from '../../shared/i18n/load.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { ru } from '../../shared/i18n/ru.ts';
import { zh } from '../../shared/i18n/zh.ts';
import { LANGUAGES } from '../../shared/languages.ts';
import { screenLanguages } from '../../display/i18n/language.ts';

const catalogues: Record<string, Messages> = { en, fr, es, ru, zh, ar, de };
const root = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(join(root, dir, file), 'utf8'));
}

describe('message catalogue', () => {
  it('has the seven languages, each with every key of the English one and nothing empty', async () => {
    expect(Object.keys(catalogues).sort()).toEqual([...LANGUAGES].sort());
    for (const [language, messages] of Object.entries(catalogues)) {
      expect(messages.language).toBe(language);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      for (const value of Object.values(messages)) {
        const text = typeof value === 'function' ? (value as (...args: unknown[]) => string)('X', 3) : value;
        expect(String(text).trim()).not.toBe('');
      }
      expect(await loadMessages(messages.language)).toBe(messages);
    }
  });

  it('has no key that no screen uses', () => {
    const code = [...sources('display'), ...sources('shared/views')].join('\n');
    const unused = Object.keys(en).filter(
      (key) => key !== 'language' && !new RegExp(`\\b(m|messages)\\.${key}\\b`).test(code),
    );
    expect(unused).toEqual([]);
  });

  it('chooses plural forms by the language’s rules', () => {
    expect(en.inMinutes(8)).toBe('In 8 min');
    expect(fr.andMore(1)).toBe('et 1 autre');
    expect(fr.andMore(3)).toBe('et 3 autres');
    expect(ar.inMinutes(2)).toBe('بعد دقيقتين');
    expect(ar.inMinutes(5)).toBe('بعد 5 دقائق');
    expect(de.andMore(1)).toBe('und 1 weiterer');
  });

  it('takes the URL’s ?lang= over the staff-assigned language, and English otherwise', () => {
    const french = { languages: ['fr'] as const, seconds: 10 };
    expect(screenLanguages('?lang=ar', french).languages).toEqual(['ar']);
    expect(screenLanguages('', french)).toBe(french);
    expect(screenLanguages('?lang=xx', undefined).languages).toEqual(['en']);
    expect(screenLanguages('?preview=1', undefined).languages).toEqual(['en']);
  });
});

describe('display styles', () => {
  it('use logical properties only: no left or right, so Arabic screens mirror', () => {
    const styles = sources('display')
      .flatMap((text) => [...text.matchAll(/css`([\s\S]*?)`/g)].map((match) => match[1]!))
      .join('\n')
      .replace(/\/\*[\s\S]*?\*\//g, '');
    expect(styles).not.toMatch(/(^|[\s;{-])(left|right)\s*:|[:\s](left|right)\s*[;}]|-(left|right)\b/m);
  });
});
