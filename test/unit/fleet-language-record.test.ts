/**
 * A screen's language is kept with its record (migration 12): it comes back after a restart, and
 * a damaged value loses only the language, never the screen.
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
});
