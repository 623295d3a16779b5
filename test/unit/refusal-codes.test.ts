/**
 * Every refusal code the server can send (shared/refusal-codes.ts, the list the server throws
 * from) has words in every panel language, with its params in them, and never the English.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/languages.ts';
import { REFUSAL_CODES, REFUSAL_PARAMS } from '../../shared/refusal-codes.ts';
import { REFUSALS, refusalNames, refusalText } from '../../control/data/server-errors.ts';
import { loadMessages } from '../../control/i18n/panel-locale.ts';
import { en } from '../../control/i18n/en.ts';
import { passwordRefusal, usernameRefusal } from '../../shared/staff.ts';

const SAMPLE: Record<string, string | number> = {
  code: '482913',
  id: 'd-1',
  venueId: 'CR3',
  username: 'ana.k',
  role: 'boss',
  maximum: 64,
  minimum: 12,
  minutes: 10,
  reason: 'access_denied (the person cancelled)',
  issuer: 'https://login.example.org/',
};

describe('coded refusals', () => {
  it('the panel words exactly the codes the server sends', () => {
    expect(Object.keys(REFUSALS).sort()).toEqual([...REFUSAL_CODES].sort());
  });

  it.each(LANGUAGES)('%s words every code, with its params, not as the English error', async (language) => {
    const t = await loadMessages(language);
    for (const code of REFUSAL_CODES) {
      const params = Object.fromEntries(REFUSAL_PARAMS[code].map((name) => [name, SAMPLE[name]!]));
      const worded = refusalText({ error: 'ENGLISH', code, params }, t);
      expect(worded, code).toBeTruthy();
      expect(worded, code).not.toBe('ENGLISH');
      // An id names the record for other programs; the reader knows which screen or feed they acted on.
      for (const [name, value] of Object.entries(params))
        if (name !== 'id') expect(worded, `${language} ${code}`).toContain(String(value));
      if (language !== 'en')
        expect(worded, `${language} ${code}`).not.toBe(refusalText({ error: '', code, params }, en));
    }
  });

  it('counts go through the language plural rules', async () => {
    const ru = await loadMessages('ru');
    expect(ru.refusedPasswordTooShort(12)).toContain('12 символов');
    expect(ru.refusedPasswordTooShort(21)).toContain('21 символа');
    const ar = await loadMessages('ar');
    expect(ar.refusedPasswordTooShort(2)).toContain('حرفين');
  });

  it('the username and password rules carry their codes with the limits as params', () => {
    expect(usernameRefusal('')?.coded.code).toBe('account.username-empty');
    expect(usernameRefusal('a b')?.coded.code).toBe('account.username-characters');
    expect(usernameRefusal('a'.repeat(65))?.coded).toEqual({
      code: 'account.username-too-long',
      params: { maximum: 64 },
    });
    expect(passwordRefusal('short')?.coded).toEqual({ code: 'account.password-too-short', params: { minimum: 12 } });
    expect(passwordRefusal('password1234')?.coded.code).toBe('account.password-common');
    expect(usernameRefusal('ana.k')).toBeNull();
  });

  it('a code the panel does not know is shown in the server English, as sent', () => {
    expect(refusalText({ error: 'something new', code: 'brand.new' }, en)).toBe('something new');
  });

  it('names the data a refusal places, so the panel can set it apart inside the translated sentence', () => {
    const body = { error: 'username is taken', code: 'account.username-taken', params: { username: 'Lea' } };
    expect(refusalNames(body)).toEqual(['Lea']);
    expect(refusalText(body, en)).toContain('Lea');
    // Counts are words of the sentence, not data; an empty value places nothing.
    expect(refusalNames({ params: { minimum: 12, other: '' } })).toEqual([]);
    expect(refusalNames({})).toEqual([]);
  });
});
