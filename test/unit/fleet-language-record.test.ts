/**
 * A screen's language is kept with its record (migration 12), and a bilingual screen's second
 * language and interval too (migration 14): they come back after a restart, and a damaged value
 * loses only the language, never the screen.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDisplayRecords, type DisplayRecord } from '../../server/fleet/display-records.ts';
import { migrate } from '../../server/schedule/store/migrations.ts';

const screen: DisplayRecord = {
  id: 'd1',
  name: 'CR3 door',
  view: 'room',
  venueId: 'CR3',
  managed: true,
  lastSeen: Date.parse('2024-10-14T10:00:00Z'),
  revision: 4,
  language: 'ar',
};

describe('display records', () => {
  it('keep the language staff chose, and drop an unknown one without losing the screen', async () => {
    const db = new Database(':memory:');
    migrate(db);
    const records = openDisplayRecords(db);
    await records.save([screen, { ...screen, id: 'd2', language: undefined }]);
    db.prepare("INSERT INTO displays (id, name, view, last_seen, language) VALUES ('d3', 'Old', 'lobby', ?, 'xx')").run(
      new Date(0).toISOString(),
    );
    const loaded = new Map(records.load().map((record) => [record.id, record]));
    expect(loaded.get('d1')?.language).toBe('ar');
    expect(loaded.get('d2')?.language).toBeUndefined();
    expect(loaded.get('d3')).toMatchObject({ name: 'Old', language: undefined });
    db.close();
  });

  it('keep a bilingual screen’s second language and interval; a damaged one falls back safely', () => {
    const db = new Database(':memory:');
    migrate(db);
    const records = openDisplayRecords(db);
    records.save([{ ...screen, language: 'en', secondLanguage: 'fr', rotationSeconds: 15 }]);
    db.prepare(
      `INSERT INTO displays (id, name, view, last_seen, language, rotation_language, rotation_seconds)
       VALUES ('d4', 'Odd', 'lobby', ?, NULL, 'fr', 999), ('d5', 'Odd too', 'lobby', ?, 'de', 'xx', 1)`,
    ).run(new Date(0).toISOString(), new Date(0).toISOString());
    const loaded = new Map(records.load().map((record) => [record.id, record]));
    expect(loaded.get('d1')).toMatchObject({ language: 'en', secondLanguage: 'fr', rotationSeconds: 15 });
    // A second language without a first, or an unknown one, is dropped; the interval is brought within bounds.
    expect(loaded.get('d4')).toMatchObject({ language: undefined, secondLanguage: undefined, rotationSeconds: 60 });
    expect(loaded.get('d5')).toMatchObject({ language: 'de', secondLanguage: undefined, rotationSeconds: 5 });
    db.close();
  });
});
