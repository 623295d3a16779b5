/**
 * The panel's catalogue: every language has every key (the PanelMessages type checks that at
 * compile time; this checks the loaded chunks at run time too), every key is used somewhere in
 * control/, plurals follow each language's rules, and each language is named in itself.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, LANGUAGE_NAMES, languageDirection, matchLanguage } from '../../shared/languages.ts';
import { en } from '../../control/i18n/en.ts';
import { JOURNAL_OPERATIONS } from '../../control/i18n/messages.ts';
import { loadMessages } from '../../control/i18n/panel-locale.ts';
import { plural } from '../../shared/i18n/plural.ts';

/** Every .ts file of the panel outside the catalogue itself. */
function panelSources(): string {
  const root = join(import.meta.dirname, '../../control');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'i18n') walk(path);
      } else if (entry.name.endsWith('.ts')) files.push(path);
    }
  };
  walk(root);
  return files.map((file) => readFileSync(file, 'utf8')).join('\n');
}

describe('the panel catalogue', () => {
  it.each(LANGUAGES)('%s has every key of the English catalogue, none empty', async (language) => {
    const messages = await loadMessages(language);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(messages)) {
      if (typeof value === 'string') expect(value.trim(), key).not.toBe('');
      if (typeof value === 'function') expect(String(value('X', 'Y')).trim(), key).not.toBe('');
    }
    expect(Object.keys(messages.journalOperations).sort()).toEqual([...JOURNAL_OPERATIONS].sort());
    // Records (field labels, kinds, roles) and pairs (a hint around a path) are complete too.
    for (const [key, value] of Object.entries(messages)) {
      const english = (en as unknown as Record<string, unknown>)[key];
      if (typeof value !== 'object' || value === null) continue;
      expect(Object.keys(value).sort(), key).toEqual(Object.keys(english as object).sort());
      for (const text of Object.values(value)) expect(String(text).trim(), key).not.toBe('');
    }
  });

  it('the non-English catalogues translate the words rather than copy the English', async () => {
    for (const language of LANGUAGES.filter((code) => code !== 'en')) {
      const messages = await loadMessages(language);
      expect(messages.headerTitle, language).not.toBe(en.headerTitle);
      expect(messages.headerLogOut, language).not.toBe(en.headerLogOut);
    }
  });

  it('every key is used by the panel (no dead entries)', () => {
    const sources = panelSources();
    const unused = Object.keys(en).filter((key) => !new RegExp(`\\b${key}\\b`).test(sources));
    expect(unused).toEqual([]);
  });

  it('plurals follow each language: Russian one/few/many, Arabic two', () => {
    const forms = { one: '# экран', few: '# экрана', many: '# экранов', other: '# экрана' };
    expect([1, 3, 5, 21].map((n) => plural('ru', n, forms))).toEqual(['1 экран', '3 экрана', '5 экранов', '21 экран']);
    expect(plural('ar', 2, { two: 'شاشتان', other: '# شاشات' })).toBe('شاشتان');
    expect(plural('en', 1, { one: '# screen', other: '# screens' })).toBe('1 screen');
  });

  it('names each language in itself, and only Arabic runs right to left', () => {
    expect(LANGUAGE_NAMES.fr).toBe('Français');
    expect(LANGUAGES.filter((code) => languageDirection(code) === 'rtl')).toEqual(['ar']);
  });

  it("maps a browser's language tag to ours, and nothing for a language we do not speak", () => {
    expect(matchLanguage('fr-CH')).toBe('fr');
    expect(matchLanguage('zh-Hans-CN')).toBe('zh');
    expect(matchLanguage('en-US')).toBe('en');
    expect(matchLanguage('pt-BR')).toBeUndefined();
    expect(matchLanguage(undefined)).toBeUndefined();
  });
});
