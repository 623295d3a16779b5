/**
 * Prepared emergency messages (migration 4): the wording staff agreed on beforehand, so taking
 * over every screen under pressure is two clicks and no typing. Editable, kept in the database.
 * English is the row's label and text; the other languages staff edited are JSON in `translations`
 * (migration 15); a language nobody edited reads the built-in wording (emergency-wording.ts).
 */
import type { Database } from 'better-sqlite3';
import type { EmergencyTemplate, TemplateWording } from '../../../shared/commands.ts';
import { LANGUAGES, type Language } from '../../../shared/languages.ts';
import type { PostgresPool } from '../../platform/postgres/database.ts';
import { BUILT_IN_TEMPLATES } from '../emergency-wording.ts';

export interface EmergencyTemplateStore {
  list(): Promise<EmergencyTemplate[]>;
  /** Updates a template's wording in one language (English by default); false when there is no such template. */
  update(id: string, changes: { label: string; text: string; language?: Language | undefined }): Promise<boolean>;
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

/** The stored rows with the built-in templates nobody edited yet (they get a row on their first edit). */
function withBuiltIns(stored: TemplateRow[]): Array<TemplateRow & { builtIn?: Record<Language, TemplateWording> }> {
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

/** The one set of rules for both databases: each only reads the rows and writes one back. */
function templateStore(
  rows: () => Promise<TemplateRow[]>,
  upsert: (row: TemplateRow) => Promise<void>,
): EmergencyTemplateStore {
  return {
    list: async () =>
      withBuiltIns(await rows()).map((row) => {
        const edited = parseTranslations(row.translations);
        const wording: Translations = {};
        for (const language of LANGUAGES) {
          const words =
            language === 'en' ? { label: row.label, text: row.text } : (edited[language] ?? row.builtIn?.[language]);
          if (words) wording[language] = words;
        }
        return { id: row.id, label: row.label, text: row.text, wording };
      }),
    update: async (id, { label, text, language = 'en' }) => {
      const row = withBuiltIns(await rows()).find((r) => r.id === id);
      if (!row) return false;
      const translations = parseTranslations(row.translations);
      if (language !== 'en') translations[language] = { label, text };
      const english = language === 'en' ? { label, text } : { label: row.label, text: row.text };
      const json = Object.keys(translations).length ? JSON.stringify(translations) : null;
      await upsert({ id, seq: row.seq, ...english, translations: json });
      return true;
    },
  };
}

const SELECT_ROWS = 'SELECT id, seq, label, text, translations FROM emergency_templates';

export function openEmergencyTemplates(db: Database): EmergencyTemplateStore {
  const rows = db.prepare<[], TemplateRow>(SELECT_ROWS);
  const upsert = db.prepare<[string, number, string, string, string | null]>(
    `INSERT INTO emergency_templates (id, seq, label, text, translations) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET label = excluded.label, text = excluded.text, translations = excluded.translations`,
  );
  return templateStore(
    async () => rows.all(),
    async (row) => void upsert.run(row.id, row.seq, row.label, row.text, row.translations),
  );
}

export function openPostgresEmergencyTemplates(pool: PostgresPool): EmergencyTemplateStore {
  return templateStore(
    async () => (await pool.query<TemplateRow>(SELECT_ROWS)).rows,
    async (row) =>
      void (await pool.query(
        `INSERT INTO emergency_templates (id, seq, label, text, translations) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET label = excluded.label, text = excluded.text, translations = excluded.translations`,
        [row.id, row.seq, row.label, row.text, row.translations],
      )),
  );
}
