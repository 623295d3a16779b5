/**
 * Prepared emergency messages (migration 4): the wording staff agreed on beforehand, so taking
 * over every screen under pressure is two clicks and no typing. Editable, kept in the database:
 * the English wording in label and text, the other languages staff edited in `translations`
 * (migration 15); a language nobody edited reads the built-in wording (emergency-wording.ts).
 * A built-in template the database lacks (added after migration 5) is listed from the code and
 * stored on its first edit.
 */
import type { Database } from 'better-sqlite3';
import type { EmergencyTemplate, TemplateWording } from '../../../shared/commands.ts';
import { LANGUAGES, type Language } from '../../../shared/languages.ts';
import { BUILT_IN_TEMPLATES } from '../emergency-wording.ts';

export interface EmergencyTemplateStore {
  list(): EmergencyTemplate[];
  /** Updates a template's wording in one language (English by default); false when there is no such template. */
  update(id: string, changes: { label: string; text: string; language?: Language | undefined }): boolean;
}

interface TemplateRow {
  id: string;
  seq: number;
  label: string;
  text: string;
  translations: string | null;
}

type Translations = Partial<Record<Language, TemplateWording>>;

function parseTranslations(json: string | null): Translations {
  if (json === null) return {};
  const value = JSON.parse(json) as Record<string, TemplateWording>;
  return Object.fromEntries(LANGUAGES.filter((language) => value[language]).map((l) => [l, value[l]!]));
}

export function openEmergencyTemplates(db: Database): EmergencyTemplateStore {
  const rows = db.prepare<[], TemplateRow>('SELECT id, seq, label, text, translations FROM emergency_templates');
  const upsert = db.prepare<[string, number, string, string, string | null]>(
    `INSERT INTO emergency_templates (id, seq, label, text, translations) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET label = excluded.label, text = excluded.text, translations = excluded.translations`,
  );

  function all(): Array<TemplateRow & { builtIn?: Record<Language, TemplateWording> }> {
    const stored = rows.all();
    const missing = BUILT_IN_TEMPLATES.filter((b) => !stored.some((row) => row.id === b.id)).map((b) => ({
      id: b.id,
      seq: b.seq,
      ...b.wording.en,
      translations: null,
    }));
    return [...stored, ...missing]
      .map((row) => ({ ...row, builtIn: BUILT_IN_TEMPLATES.find((b) => b.id === row.id)?.wording }))
      .sort((a, b) => a.seq - b.seq);
  }

  return {
    list: () =>
      all().map((row) => {
        const edited = parseTranslations(row.translations);
        const wording: Translations = {};
        for (const language of LANGUAGES) {
          const words =
            language === 'en' ? { label: row.label, text: row.text } : (edited[language] ?? row.builtIn?.[language]);
          if (words) wording[language] = words;
        }
        return { id: row.id, label: row.label, text: row.text, wording };
      }),
    update: (id, { label, text, language = 'en' }) => {
      const row = all().find((r) => r.id === id);
      if (!row) return false;
      const translations = parseTranslations(row.translations);
      if (language !== 'en') translations[language] = { label, text };
      const english = language === 'en' ? { label, text } : { label: row.label, text: row.text };
      const json = Object.keys(translations).length ? JSON.stringify(translations) : null;
      upsert.run(id, row.seq, english.label, english.text, json);
      return true;
    },
  };
}
