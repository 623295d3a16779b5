// Translated content: the one schema (both tiers), the one choice function, and the readers that
// find translated titles in spreadsheets, our CSV and iCalendar.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { SessionPatchSchema, formatZodError } from '../../shared/commands.ts';
import { SessionSchema, SessionTranslationsSchema } from '../../shared/model.ts';
import { localizedText, localizedTitle, translatedLanguages, withTranslations } from '../../shared/translations.ts';
import { shownTitle } from '../../shared/title-case.ts';
import { readSchedule } from '../../server/interchange/detect-format.ts';
import { scheduleFromProgramme } from '../../server/schedule/seed.ts';
import { scheduleCsv } from '../../server/interchange/writers/csv-export.ts';
import { translatedTitleLanguage } from '../../server/interchange/readers/translation-columns.ts';
import { planImport } from '../../server/interchange/import-plan.ts';

const problem = (value: unknown) => {
  const result = SessionPatchSchema.safeParse(value);
  return result.success ? null : formatZodError(result.error);
};

describe('the translations schema', () => {
  it('takes our languages, each with a trimmed title', () => {
    expect(z.parse(SessionTranslationsSchema, { fr: { title: '  Ouverture ' }, ar: { title: 'افتتاح' } })).toEqual({
      fr: { title: 'Ouverture' },
      ar: { title: 'افتتاح' },
    });
  });

  it('names the field of an unknown language, an empty or too long title, and an unknown member', () => {
    expect(problem({ translations: { xx: { title: 'A' } } })).toEqual({
      error: 'translations.xx: is not one of the languages en, fr, es, ru, zh, ar, de',
      field: 'translations.xx',
    });
    expect(problem({ translations: { fr: { title: '   ' } } })).toEqual({
      error: 'translations.fr.title: must not be empty',
      field: 'translations.fr.title',
      // Coded, so the panel words it in its reader's language (control/data/server-errors.ts).
      code: 'field.empty',
      params: { field: 'translations.fr.title' },
    });
    expect(problem({ translations: { fr: { title: 'x'.repeat(1001) } } })?.field).toBe('translations.fr.title');
    // A misspelt member leaves the title out, and the missing title is what is named first.
    expect(problem({ translations: { fr: { titel: 'Ouverture' } } })?.field).toBe('translations.fr.title');
    expect(problem({ translations: null })).toBeNull();
  });

  it('is part of the stored session, so a damaged translation fails the row check too', () => {
    const session = {
      id: 's',
      kind: 'other',
      title: 'Opening',
      start: '2024-10-14T10:00:00+02:00',
      end: '2024-10-14T11:00:00+02:00',
      venueId: 'CR3',
      organizers: { lead: '', partners: [] },
      status: 'scheduled',
      planned: { start: '2024-10-14T10:00:00+02:00', end: '2024-10-14T11:00:00+02:00', venueId: 'CR3' },
      version: 1,
    };
    expect(z.safeParse(SessionSchema, { ...session, translations: { fr: { title: 'Ouverture' } } }).success).toBe(true);
    expect(z.safeParse(SessionSchema, { ...session, translations: { klingon: { title: 'x' } } }).success).toBe(false);
  });
});

describe('the choice of text', () => {
  const session = { title: 'OPENING OF THE CONGRESS', translations: { fr: { title: 'OUVERTURE' } } };

  it('gives the translation with its language, else the original without one', () => {
    expect(localizedTitle(session, 'fr')).toEqual({ text: 'OUVERTURE', language: 'fr' });
    expect(localizedTitle(session, 'ar')).toEqual({ text: 'OPENING OF THE CONGRESS' });
    expect(localizedTitle({ title: 'Lunch' }, 'fr')).toEqual({ text: 'Lunch' });
    expect(localizedText({ text: 'Lunch is served', translations: { de: { text: 'Mittagessen' } } }, 'de')).toEqual({
      text: 'Mittagessen',
      language: 'de',
    });
  });

  it('applies the English title style to the original and to an English translation only', () => {
    const organizers = { lead: 'UNODC', partners: [] };
    const translated = {
      title: 'OPENING OF THE CONGRESS',
      organizers,
      translations: {
        fr: { title: 'OUVERTURE DU CONGRÈS DES NATIONS UNIES À VIENNE' },
        de: { title: 'ERÖFFNUNG DES KONGRESSES' },
        en: { title: 'OPENING OF THE UNODC CONGRESS' },
      },
    };
    // English rules would give "Ouverture Du Congrès Des Nations Unies À Vienne": French keeps what staff typed.
    expect(shownTitle(translated, 'title-case', 'fr')).toEqual({
      text: 'OUVERTURE DU CONGRÈS DES NATIONS UNIES À VIENNE',
      language: 'fr',
    });
    expect(shownTitle(translated, 'title-case', 'de')).toEqual({ text: 'ERÖFFNUNG DES KONGRESSES', language: 'de' });
    expect(shownTitle(translated, 'title-case', 'en')).toEqual({
      text: 'Opening of the UNODC Congress',
      language: 'en',
    });
    // No translation: the original, in English title case, whatever the screen's language.
    expect(shownTitle(translated, 'title-case', 'ru')).toEqual({ text: 'Opening of the Congress' });
    expect(shownTitle({ ...session, organizers }, 'as-written', 'en')).toEqual({ text: 'OPENING OF THE CONGRESS' });
  });

  it('lists languages in our order and keeps no empty set', () => {
    expect(translatedLanguages({ ar: { text: 'a' }, fr: { text: 'b' } })).toEqual(['fr', 'ar']);
    expect(withTranslations({})).toEqual({});
    expect(withTranslations(null)).toEqual({});
  });
});

describe('reading translated titles', () => {
  it.each([
    ['title_fr', 'fr'],
    ['title:fr', 'fr'],
    ['Title (French)', 'fr'],
    ['Titre (français)', 'fr'],
    ['Titel (Arabisch)', 'ar'],
    ['title-zh', 'zh'],
    ['Title', undefined],
    ['title_xx', undefined],
    ['Room (French)', undefined],
  ])('header %s is the title in %s', (header, language) => {
    expect(translatedTitleLanguage(header)).toBe(language);
  });

  it('takes them from a spreadsheet, an empty cell giving none', () => {
    const text =
      'Title,Date,Start,End,Room,title_fr,Title (Spanish)\n' +
      'Opening,2024-10-14,10:00,11:00,Room A,Ouverture,Apertura\n' +
      'Lunch,2024-10-14,12:00,13:00,Room A,,\n';
    const imported = readSchedule(text, { timezone: 'Europe/Vienna' });
    expect(imported.programme.sessions.map((s) => [s.title, s.translations])).toEqual([
      ['Opening', { fr: { title: 'Ouverture' }, es: { title: 'Apertura' } }],
      ['Lunch', undefined],
    ]);
    expect(imported.fields).toContain('translations');
  });

  it('round-trips through our CSV export (title_<language> columns)', () => {
    const seeded = readSchedule('Title,Date,Start,End,Room,title:ar\nOpening,2024-10-14,10:00,11:00,Room A,افتتاح\n', {
      timezone: 'Europe/Vienna',
    }).programme;
    const csv = scheduleCsv(scheduleFromProgramme(seeded));
    expect(csv.split('\r\n')[0]).toMatch(/,version,title_ar$/);
    const back = readSchedule(csv);
    expect(back.format).toBe('csv');
    expect(back.programme.sessions[0]!.translations).toEqual({ ar: { title: 'افتتاح' } });
    expect(back.fields).toContain('translations');
  });

  it('an import plan counts the sessions with translations and changes them as a field', () => {
    const options = { timezone: 'Europe/Vienna' };
    const live = scheduleFromProgramme(
      readSchedule('Title,Date,Start,End,Room\nOpening,2024-10-14,10:00,11:00,Room A\n', options).programme,
    );
    const file = readSchedule(
      'Title,Date,Start,End,Room,title_fr\nOpening,2024-10-14,10:00,11:00,Room A,Ouverture\n',
      options,
    );
    const plan = planImport(live, file);
    expect(plan.translated).toBe(1);
    expect(plan.changed.map((c) => [c.fields, c.after.translations])).toEqual([
      [['translations'], { fr: { title: 'Ouverture' } }],
    ]);
  });

  it('leaves the field out of a file that carries none, so an import keeps what staff typed', () => {
    const imported = readSchedule('Title,Date,Start,End,Room\nOpening,2024-10-14,10:00,11:00,Room A\n', {
      timezone: 'Europe/Vienna',
    });
    expect(imported.fields).not.toContain('translations');
  });

  it('reads iCalendar SUMMARY;LANGUAGE when an event has several, the untagged one being the original', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      'BEGIN:VEVENT',
      'UID:one@example.org',
      'DTSTART;TZID=Europe/Vienna:20241014T100000',
      'DTEND;TZID=Europe/Vienna:20241014T110000',
      'SUMMARY;LANGUAGE=fr:Ouverture',
      'SUMMARY:Opening',
      'SUMMARY;LANGUAGE=de-AT:Eröffnung',
      'SUMMARY;LANGUAGE=tlh:Something else',
      'LOCATION:CR3',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:two@example.org',
      'DTSTART;TZID=Europe/Vienna:20241014T120000',
      'DTEND;TZID=Europe/Vienna:20241014T130000',
      'SUMMARY;LANGUAGE=en:Lunch',
      'LOCATION:CR3',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const imported = readSchedule(ics);
    expect(imported.programme.sessions.map((s) => [s.title, s.translations])).toEqual([
      ['Opening', { fr: { title: 'Ouverture' }, de: { title: 'Eröffnung' } }],
      ['Lunch', undefined],
    ]);
    expect(imported.fields).toContain('translations');
  });
});
