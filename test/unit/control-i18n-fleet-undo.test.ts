/**
 * The panel's sentences about the fleet, delivery, devices and undo in the reader's language:
 * the helpers take the reader's catalogue, plurals follow the language (Russian few/many, Arabic
 * two), lists join with the language's "and", decimals use its separator, and the messages of our
 * own making that an error carries (an unreachable server) come from the current panel language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ar } from '../../control/i18n/ar.ts';
import { de } from '../../control/i18n/de.ts';
import { en } from '../../control/i18n/en.ts';
import { es } from '../../control/i18n/es.ts';
import { fr } from '../../control/i18n/fr.ts';
import { ru } from '../../control/i18n/ru.ts';
import { zh } from '../../control/i18n/zh.ts';
import { panelLocale } from '../../control/i18n/panel-locale.ts';
import { deliveryOf, deliveryText, laggingText } from '../../control/data/delivery.ts';
import { fleetSummary, offlineFor } from '../../control/data/fleet.ts';
import { deviceParts, skewText } from '../../control/data/screen-info.ts';
import { explainUndoRefusal, undoEffect } from '../../control/data/undo-effects.ts';
import { assignmentChoices } from '../../control/data/fleet-actions.ts';
import { ApiClient } from '../../control/data/api.ts';
import { classifyError } from '../../control/data/outcome.ts';
import type { Schedule } from '../../shared/model.ts';
import type { DisplayStatus, JournalEntry } from '../../shared/protocol.ts';

const display = (name: string, connected: boolean, revision: number): DisplayStatus => ({
  id: name,
  name,
  view: 'room',
  venueId: 'CR3',
  connected,
  lastSeen: '2024-10-14T10:55:00Z',
  revision,
});

const schedule = {
  timezone: 'Europe/Vienna',
  venues: [
    { id: 'CR3', name: 'Conference Room 3', kind: 'room' },
    { id: 'Online', name: 'Online', kind: 'online' },
  ],
  sessions: [
    {
      id: 'water',
      title: 'Water',
      start: '2024-10-14T13:00:00+02:00',
      end: '2024-10-14T13:50:00+02:00',
      venueId: 'CR3',
      status: 'scheduled',
    },
  ],
} as unknown as Schedule;

const entry = (revision: number, operation: string, summary: string, extra: Partial<JournalEntry> = {}) =>
  ({ revision, at: '2024-10-14T13:00:00+02:00', actor: 'ann', operation, summary, ...extra }) as JournalEntry;

afterEach(async () => {
  await panelLocale.use('en');
});

describe('delivery and fleet words', () => {
  const screens = [display('Lobby', false, 3), display('CR3', true, 5), display('M7', true, 4), display('C1', true, 5)];

  it('counts delivery with the plural of the language', () => {
    const delivery = deliveryOf(screens, 5);
    expect(deliveryText(delivery, en)).toBe('delivered to 2/4 screens');
    expect(deliveryText(delivery, fr)).toBe('reçue par 2/4 écrans');
    expect(deliveryText(delivery, ru)).toBe('доставлено на 2/4 экрана');
    expect(deliveryText(deliveryOf(screens.slice(0, 1), 1), ru)).toBe('доставлено на 1/1 экран');
    expect(deliveryText(delivery, zh)).toBe('已送达 2/4 块屏幕');
  });

  it('names the screens that lag, offline ones marked, joined with the language’s “and”', () => {
    const delivery = deliveryOf(screens, 5);
    expect(laggingText(delivery, en)).toBe('Lobby (offline) and M7');
    expect(laggingText(delivery, fr)).toBe('Lobby (hors ligne) et M7');
    expect(laggingText(delivery, de)).toBe('Lobby (offline) und M7');
    expect(laggingText(delivery, ar)).toBe('Lobby (غير متصلة) وM7');
    expect(laggingText(delivery, fr, 1)).toBe('Lobby (hors ligne) et 1 autre');
  });

  it('sums up the fleet and how long a screen has been silent', () => {
    expect(fleetSummary([display('a', true, 4), display('b', false, 5)], 5, fr)).toBe('1 en retard, 1 hors ligne');
    expect(fleetSummary([display('a', true, 4), display('b', false, 5)], 5, ru)).toBe('отстают: 1, не в сети: 1');
    expect(offlineFor(30_000, fr)).toBe('moins d’une minute');
    expect(offlineFor(65 * 60_000, de)).toBe('1 Std. 5 Min.');
    expect(offlineFor(65 * 60_000, zh)).toBe('1 小时 5 分钟');
  });

  it('describes a device with the language’s decimal separator and orientation', () => {
    expect(skewText(400, fr)).toBe('horloge en retard de 0,4 s');
    expect(skewText(-12_300, de)).toBe('Uhr geht 12 s vor');
    expect(skewText(20, ru)).toBe('часы точны');
    const device = {
      ...display('a', true, 1),
      screen: { width: 1080, height: 1920, orientation: 'portrait' as const },
    };
    expect(deviceParts(device, es)).toMatchObject({ size: '1080×1920', orientation: 'vertical', clock: '' });
  });

  it('offers the lobby and each room’s door in the reader’s words', () => {
    expect(assignmentChoices(schedule, fr).map((choice) => choice.label)).toEqual([
      'Vue d’ensemble du hall',
      'Porte de Conference Room 3',
    ]);
  });
});

describe('undo in the reader’s language', () => {
  it('warns before an undo that puts the emergency message back, with the plural of screens', () => {
    const journal = [
      entry(1, 'emergency.set', 'Emergency message on: Leave the building'),
      entry(2, 'emergency.clear', 'Emergency message cleared'),
    ];
    const now = Date.parse('2024-10-14T10:00:00Z');
    expect(undoEffect(journal[1]!, journal, schedule, 3, now, fr)).toBe(
      'Le message d’urgence « Leave the building » s’affichera de nouveau sur les 3 écrans.',
    );
    expect(undoEffect(journal[1]!, journal, schedule, 2, now, ar)).toBe(
      'سيؤدي هذا إلى عرض رسالة الطوارئ «Leave the building» مجددًا على الشاشات الـ 2.',
    );
    expect(undoEffect(journal[1]!, journal, schedule, 0, now, en)).toBe(
      'This shows the emergency message “Leave the building” on every screen again.',
    );
  });

  it('warns before changing a session that is running now, with its end in 24-hour venue time', () => {
    const moved = entry(3, 'session.move', 'Moved “Water” from CR3 to M7', { sessionId: 'water' });
    const now = Date.parse('2024-10-14T11:10:00Z');
    expect(undoEffect(moved, [moved], schedule, 1, now, de)).toContain('„Water“ läuft gerade (bis 13:50)');
  });

  it('quotes the server’s English reason inside a refusal told in the reader’s words', () => {
    const refusal = explainUndoRefusal(
      { error: 'cannot undo revision 4: the announcement “Lunch” has expired' },
      entry(4, 'announcement.delete', 'Removed announcement: Lunch'),
      fr,
    );
    expect(refusal).toEqual({
      text: 'Impossible d’annuler : The announcement “Lunch” has expired.',
      next: 'Publiez-la de nouveau depuis Annonces si elle est toujours utile.',
      // The server's English reason, quoted: isolated where shown.
      names: ['The announcement “Lunch” has expired'],
    });
    const undone = explainUndoRefusal(
      { error: 'cannot undo revision 4: already', undoneBy: 5 },
      entry(4, 'x', 'y'),
      ru,
    );
    expect(undone).toEqual({ text: 'Это изменение уже отменено.', next: 'Делать ничего не нужно.', names: [] });
  });
});

describe('our own error texts', () => {
  it('an unreachable server is told in the panel’s current language', async () => {
    await panelLocale.use('fr');
    const error = await new ApiClient('http://127.0.0.1:1').once('GET', '/api/schedule').catch((e: unknown) => e);
    expect(classifyError(error)).toEqual({
      kind: 'error',
      message: 'Le serveur est injoignable. Vérifiez le réseau et réessayez.',
    });
  });
});
