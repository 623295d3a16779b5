/**
 * The prepared emergency messages in seven languages: the built-in wording for each, staff edits
 * per language kept in the database (migration 15) without touching the other languages, and a
 * built-in template added after migration 5 ("meetings suspended") listed and stored on its first edit.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/languages.ts';
import { openSqliteStore } from '../../server/schedule/store/sqlite-store.ts';
import type { ScheduleStore } from '../../server/schedule/store/store-interface.ts';

let dir: string;
let store: ScheduleStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signage-templates-'));
  store = openSqliteStore(path.join(dir, 'data'));
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const templates = () => store.emergencyTemplates!.list();

describe('emergency templates', () => {
  it('lists evacuation, shelter, all clear and meetings suspended, each worded in all seven languages', async () => {
    expect((await templates()).map((t) => t.id)).toEqual(['evacuation', 'shelter', 'all-clear', 'suspended']);
    for (const template of await templates()) {
      expect(Object.keys(template.wording).sort(), template.id).toEqual([...LANGUAGES].sort());
      expect(template.wording.en).toEqual({ label: template.label, text: template.text });
      const texts = new Set(Object.values(template.wording).map((words) => words.text));
      expect(texts.size, `${template.id}: every language its own text`).toBe(LANGUAGES.length);
    }
    const evacuation = (await templates())[0]!;
    expect(evacuation.text).toBe('EVACUATE THE BUILDING NOW. Leave by the nearest exit. Do not use the lifts.');
    expect(evacuation.wording.ar?.text).toMatch(/^أخلوا المبنى الآن/);
    expect(evacuation.wording.zh?.text).toMatch(/^请立即撤离大楼/);
  });

  it('keeps an edit of one language, leaving English and the others as they were, across a restart', async () => {
    expect(
      await store.emergencyTemplates!.update('shelter', {
        label: 'Abri',
        text: 'Restez dans la salle.',
        language: 'fr',
      }),
    ).toBe(true);
    store.close();
    store = openSqliteStore(path.join(dir, 'data'));
    const shelter = (await templates()).find((t) => t.id === 'shelter')!;
    expect(shelter.wording.fr).toEqual({ label: 'Abri', text: 'Restez dans la salle.' });
    expect(shelter.text).toBe('SHELTER IN PLACE. Stay inside, away from windows, and follow staff instructions.');
    expect(shelter.wording.ru?.text).toMatch(/^ОСТАВАЙТЕСЬ В ЗДАНИИ/);

    await store.emergencyTemplates!.update('shelter', { label: 'Shelter', text: 'Stay in your room.' });
    const edited = (await templates()).find((t) => t.id === 'shelter')!;
    expect(edited.wording.en).toEqual({ label: 'Shelter', text: 'Stay in your room.' });
    expect(edited.wording.fr?.label).toBe('Abri');
  });

  it('stores a built-in template the database lacks on its first edit; an unknown id is refused', async () => {
    expect(
      await store.emergencyTemplates!.update('suspended', { label: 'تعليق', text: 'عُلِّقت الجلسات.', language: 'ar' }),
    ).toBe(true);
    const suspended = (await templates()).find((t) => t.id === 'suspended')!;
    expect(suspended.wording.ar).toEqual({ label: 'تعليق', text: 'عُلِّقت الجلسات.' });
    expect(suspended.label).toBe('Meetings suspended');
    expect((await templates()).map((t) => t.id)).toEqual(['evacuation', 'shelter', 'all-clear', 'suspended']);
    expect(await store.emergencyTemplates!.update('flood', { label: 'Flood', text: 'Go upstairs.' })).toBe(false);
  });
});
