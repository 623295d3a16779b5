/**
 * Prepared emergency messages (migration 4): the wording staff agreed on beforehand, so taking
 * over every screen under pressure is two clicks and no typing. Editable, kept in the database.
 */
import type { Database } from 'better-sqlite3';
import type { EmergencyTemplate } from '../../../shared/commands.ts';
import type { PostgresPool } from '../../platform/postgres/database.ts';

export interface EmergencyTemplateStore {
  list(): Promise<EmergencyTemplate[]>;
  /** Updates an existing template's wording; false when there is no such template. */
  update(id: string, changes: { label: string; text: string }): Promise<boolean>;
}

export function openEmergencyTemplates(db: Database): EmergencyTemplateStore {
  const list = db.prepare<[], EmergencyTemplate>('SELECT id, label, text FROM emergency_templates ORDER BY seq');
  const update = db.prepare<[string, string, string]>(
    'UPDATE emergency_templates SET label = ?, text = ? WHERE id = ?',
  );
  return {
    list: async () => list.all(),
    update: async (id, changes) => update.run(changes.label, changes.text, id).changes === 1,
  };
}

export function openPostgresEmergencyTemplates(pool: PostgresPool): EmergencyTemplateStore {
  return {
    list: async () =>
      (await pool.query<EmergencyTemplate>('SELECT id, label, text FROM emergency_templates ORDER BY seq')).rows,
    update: async (id, changes) =>
      (
        await pool.query('UPDATE emergency_templates SET label = $1, text = $2 WHERE id = $3', [
          changes.label,
          changes.text,
          id,
        ])
      ).rowCount === 1,
  };
}
