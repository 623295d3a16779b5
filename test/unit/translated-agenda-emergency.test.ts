/**
 * Issue 19's translated content beyond titles: a plenary's agenda items carry translations with
 * the session title's schema (validated once, through the patch and the CSV), the CSV export and
 * import carry them in `agenda_items`, and a staff-typed emergency message carries translations
 * that are journalled (summary and parameters) and undone with it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScheduleService } from '../../server/schedule/service-types.ts';
import { openService, removeDir, staff, tempDataDir, thrown } from './domain-fixture.ts';
import { sessionOf } from '../support/session-of.ts';
import { readSchedule } from '../../server/interchange/detect-format.ts';
import { scheduleCsv } from '../../server/interchange/writers/csv-export.ts';
import { localizedText, localizedTitle } from '../../shared/translations.ts';
import { journalSentence } from '../../control/data/journal-sentence.ts';
import { en as panelEn } from '../../control/i18n/en.ts';

let dir: string;
let service: ScheduleService;

beforeEach(async () => {
  dir = tempDataDir();
  service = await openService(dir);
});
afterEach(async () => {
  await service.close();
  removeDir(dir);
});

const agenda = [
  { code: '1', title: 'Opening of the session', translations: { fr: { title: ' Ouverture de la session ' } } },
  { code: '2 (a)', title: 'Review', translations: {} },
];

describe('translated agenda items', () => {
  it('stores them trimmed, drops an empty set, and the screens choose by language', async () => {
    const saved = await service.updateSession('lunch', { agendaItems: agenda }, staff);
    expect(saved.value.agendaItems).toEqual([
      { code: '1', title: 'Opening of the session', translations: { fr: { title: 'Ouverture de la session' } } },
      { code: '2 (a)', title: 'Review' },
    ]);
    const [first, second] = sessionOf(service, 'lunch')!.agendaItems!;
    expect(localizedTitle(first!, 'fr')).toEqual({ text: 'Ouverture de la session', language: 'fr' });
    expect(localizedTitle(first!, 'ar')).toEqual({ text: 'Opening of the session' });
    expect(localizedTitle(second!, 'fr')).toEqual({ text: 'Review' });
  });

  it('refuses a bad translation naming its field, as for a session title', async () => {
    // Typed as a client may send it: the schema, not the type checker, must refuse it.
    const unknown = [{ code: '1', title: 'Opening', translations: { xx: { title: 'Ouverture' } } }] as never;
    expect(await thrown(() => service.updateSession('lunch', { agendaItems: unknown }, staff))).toMatchObject({
      status: 400,
      field: 'agendaItems.0.translations.xx',
    });
    const empty = [{ code: '1', title: 'Opening', translations: { fr: { title: '  ' } } }];
    expect(await thrown(() => service.updateSession('lunch', { agendaItems: empty }, staff))).toMatchObject({
      status: 400,
      field: 'agendaItems.0.translations.fr.title',
    });
    expect(sessionOf(service, 'lunch')!.agendaItems).toBeUndefined();
  });

  it('goes out in our CSV and comes back from it', async () => {
    await service.updateSession('lunch', { agendaItems: agenda }, staff);
    const back = readSchedule(scheduleCsv(service.schedule()));
    expect(back.programme.sessions.find((s) => s.id === 'lunch')!.agendaItems).toEqual([
      { code: '1', title: 'Opening of the session', translations: { fr: { title: 'Ouverture de la session' } } },
      { code: '2 (a)', title: 'Review' },
    ]);
  });

  it('refuses a CSV row whose agenda translation is bad, naming the column', () => {
    const header = 'id,kind,title,start,end,venue_id,status,agenda_items';
    const cell = `"${JSON.stringify([{ code: '1', title: 'x', translations: { fr: { title: '' } } }]).replaceAll('"', '""')}"`;
    const csv = `${header}\np,plenary,Plenary,2024-10-14T10:00:00+02:00,2024-10-14T11:00:00+02:00,CR3,scheduled,${cell}\n`;
    expect(() => readSchedule(csv)).toThrow(/agenda_items: 0\.translations\.fr\.title/);
  });
});

describe('a staff-typed emergency message in several languages', () => {
  const translations = { fr: { text: 'Quittez le bâtiment' }, ar: { text: 'غادروا المبنى' } };

  it('carries the translations to the screens and names the languages in the journal', async () => {
    const on = await service.setEmergency({ text: 'Leave the building', translations }, staff);
    expect(on.value).toEqual({ text: 'Leave the building', translations, since: '2024-10-14T09:00:00+02:00' });
    expect(on.delta.ops).toEqual([{ type: 'emergency', emergency: on.value }]);
    expect(on.entry.summary).toBe('Emergency message on: Leave the building (also in fr, ar)');
    expect(on.entry.params).toEqual({
      op: 'emergency.set',
      text: 'Leave the building',
      changed: false,
      languages: ['fr', 'ar'],
    });
    expect(journalSentence(on.entry, { t: panelEn, language: 'en', zone: 'Europe/Vienna' }).text).toBe(
      'Emergency message on: Leave the building (also in Français, العربية)',
    );
    const emergency = service.schedule().emergency!;
    expect(localizedText(emergency, 'ar')).toEqual({ text: 'غادروا المبنى', language: 'ar' });
    expect(localizedText(emergency, 'zh')).toEqual({ text: 'Leave the building' });
  });

  it('keeps them across a restart, and undo brings back the earlier message with its own', async () => {
    const first = await service.setEmergency({ text: 'Leave the building', translations }, staff);
    const second = await service.setEmergency({ text: 'All clear', translations: {} }, staff);
    expect(second.value.translations).toBeUndefined();
    await service.undo(second.revision, staff);
    expect(service.schedule().emergency).toEqual(first.value);
    await service.close();
    service = await openService(dir);
    expect(service.schedule().emergency).toEqual(first.value);
  });

  it('refuses an empty translation or an unknown language, naming the field', async () => {
    const empty = await thrown(() => service.setEmergency({ text: 'Go', translations: { fr: { text: ' ' } } }, staff));
    expect(empty).toMatchObject({ status: 400, field: 'translations.fr.text' });
    const unknown = await thrown(() =>
      service.setEmergency({ text: 'Go', translations: { xx: { text: 'a' } } as never }, staff),
    );
    expect(unknown).toMatchObject({ status: 400, field: 'translations.xx' });
    expect(service.schedule().emergency).toBeNull();
  });
});
