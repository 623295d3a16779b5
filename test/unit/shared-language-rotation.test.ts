/**
 * Bilingual screens: the one schema staff input goes through (server route and panel), the URL's
 * `?lang=en,fr&every=15`, and which language shows at which instant.
 */
import { describe, expect, it } from 'vitest';
import { formatZodError } from '../../shared/commands.ts';
import {
  ROTATION_SECONDS,
  clampSeconds,
  languageIndexAt,
  parseScreenLanguages,
  screenLanguagesQuery,
} from '../../shared/language-rotation.ts';
import { ScreenLanguagesSchema } from '../../shared/screen-languages-schema.ts';
import { assignedLanguages } from '../../display/i18n/language.ts';

function problem(value: unknown) {
  const result = ScreenLanguagesSchema.safeParse(value);
  return result.success ? null : formatZodError(result.error);
}

describe('the screen-languages schema', () => {
  it('takes one language, or two with an interval within the bounds', () => {
    expect(problem({ languages: ['fr'] })).toBeNull();
    expect(problem({ languages: ['en', 'fr'], rotationSeconds: 15 })).toBeNull();
    expect(problem({ languages: ['ar', 'en'], rotationSeconds: ROTATION_SECONDS.min })).toBeNull();
    expect(problem({ languages: ['ar', 'en'], rotationSeconds: ROTATION_SECONDS.max })).toBeNull();
  });

  it('refuses three languages, an unknown code, a repeat or none, naming the field', () => {
    expect(problem({ languages: ['en', 'fr', 'de'] })).toEqual({
      field: 'languages',
      error: 'languages: must name one language, or two that take turns',
    });
    expect(problem({ languages: ['en', 'xx'] })).toMatchObject({ field: 'languages.1' });
    expect(problem({ languages: ['en', 'xx'] })?.error).toContain('must be one of en, fr');
    expect(problem({ languages: ['fr', 'fr'] })).toMatchObject({ field: 'languages' });
    expect(problem({ languages: [] })).toMatchObject({ field: 'languages' });
    expect(problem({ languages: 'en' })).toMatchObject({ field: 'languages' });
  });

  it('refuses an interval too short, too long or not whole, naming the field', () => {
    expect(problem({ languages: ['en', 'fr'], rotationSeconds: 1 })).toEqual({
      field: 'rotationSeconds',
      error: 'rotationSeconds: must be at least 5 seconds',
      code: 'field.too-small',
      params: { field: 'rotationSeconds', minimum: 5 },
    });
    expect(problem({ languages: ['en', 'fr'], rotationSeconds: 61 })?.error).toBe(
      'rotationSeconds: must be at most 60 seconds',
    );
    expect(problem({ languages: ['en', 'fr'], rotationSeconds: 7.5 })).toMatchObject({ field: 'rotationSeconds' });
    expect(problem({ languages: ['en', 'fr'], rotationSeconds: '10' })).toMatchObject({ field: 'rotationSeconds' });
  });
});

describe('a screen URL’s languages', () => {
  it('reads one or two codes and the interval', () => {
    expect(parseScreenLanguages('?lang=fr')).toEqual({ languages: ['fr'], seconds: 10 });
    expect(parseScreenLanguages('?lang=en,fr')).toEqual({ languages: ['en', 'fr'], seconds: 10 });
    expect(parseScreenLanguages('?lang=en,fr&every=15')).toEqual({ languages: ['en', 'fr'], seconds: 15 });
  });

  it('keeps what it can of a mistyped URL: a screen has nobody to read an error', () => {
    expect(parseScreenLanguages('?lang=en,xx,fr,de')).toEqual({ languages: ['en', 'fr'], seconds: 10 });
    expect(parseScreenLanguages('?lang=fr,fr')).toEqual({ languages: ['fr'], seconds: 10 });
    expect(parseScreenLanguages('?lang=en,fr&every=1')?.seconds).toBe(ROTATION_SECONDS.min);
    expect(parseScreenLanguages('?lang=en,fr&every=600')?.seconds).toBe(ROTATION_SECONDS.max);
    expect(parseScreenLanguages('?lang=en,fr&every=soon')?.seconds).toBe(ROTATION_SECONDS.default);
    expect(parseScreenLanguages('?lang=xx')).toBeUndefined();
    expect(parseScreenLanguages('')).toBeUndefined();
  });

  it('round-trips through what a screen stores for an offline restart', () => {
    const languages = { languages: ['ar', 'en'] as const, seconds: 20 };
    expect(parseScreenLanguages(screenLanguagesQuery(languages))).toEqual(languages);
    expect(clampSeconds(12.4)).toBe(12);
  });

  it('takes staff’s choice as the fleet sends it, also from a server from before rotations', () => {
    expect(assignedLanguages({ languages: ['en', 'fr'], rotationSeconds: 15 })).toEqual({
      languages: ['en', 'fr'],
      seconds: 15,
    });
    expect(assignedLanguages({ language: 'fr' })).toEqual({ languages: ['fr'], seconds: 10 });
    expect(assignedLanguages({})).toBeUndefined();
  });
});

describe('the rotation schedule', () => {
  const minute = Date.parse('2024-10-14T11:00:00Z');

  it('shows the first language for one interval, then the second, then the first again', () => {
    expect(languageIndexAt(minute, 10_000, 2)).toBe(0);
    expect(languageIndexAt(minute + 9_999, 10_000, 2)).toBe(0);
    expect(languageIndexAt(minute + 10_000, 10_000, 2)).toBe(1);
    expect(languageIndexAt(minute + 19_999, 10_000, 2)).toBe(1);
    expect(languageIndexAt(minute + 20_000, 10_000, 2)).toBe(0);
  });

  it('is the same on every screen at one instant, whenever each one started', () => {
    const at = minute + 42_000;
    expect(new Set([1, 2, 3].map(() => languageIndexAt(at, 15_000, 2)))).toEqual(new Set([0]));
    expect(languageIndexAt(at + 3_000, 15_000, 2)).toBe(1);
  });

  it('never turns with one language or no period', () => {
    expect(languageIndexAt(minute + 10_000, 10_000, 1)).toBe(0);
    expect(languageIndexAt(minute + 10_000, 0, 2)).toBe(0);
  });
});
