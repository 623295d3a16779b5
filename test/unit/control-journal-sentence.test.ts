/**
 * Journal sentences worded from parameters: every operation the schedule service journals carries
 * parameters that the panel turns back into the server's very English summary, and into French,
 * Russian, Arabic… without an English word; entries without parameters keep their summary. The
 * changes are made through the real service on a temporary data directory, so what is tested is
 * what the server stores and reads back.
 */
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { ScheduleService } from '../../server/schedule/service-types.ts';
import type { JournalEntry } from '../../shared/protocol.ts';
import { importSummary } from '../../server/interchange/import-plan.ts';
import { readJournalParams } from '../../shared/journal-params.ts';
import type { Language } from '../../shared/languages.ts';
import { en } from '../../control/i18n/en.ts';
import { JOURNAL_OPERATIONS } from '../../control/i18n/messages.ts';
import { loadMessages } from '../../control/i18n/panel-locale.ts';
import { journalSentence } from '../../control/data/journal-sentence.ts';
import { Accounts } from '../../server/staff/accounts.ts';
import { openAccountStore } from '../../server/staff/staff-auth.ts';
import { ZONE, openService, removeDir, staff, tempDataDir, testClock } from './domain-fixture.ts';

let dir: string;
let clock: { now: number };
let service: ScheduleService;

beforeEach(async () => {
  dir = tempDataDir();
  clock = testClock();
  service = await openService(dir, clock);
});
afterEach(async () => {
  await service.close();
  removeDir(dir);
});

/** One change of every kind the schedule service journals, and the entries it wrote, read back from the store. */
async function everyKindOfChange(): Promise<JournalEntry[]> {
  await service.createSession(
    { title: 'Water', kind: 'side-event', venueId: 'M7', start: '2024-10-14T15:00', end: '2024-10-14T15:50' },
    staff,
  );
  await service.updateSession('lunch', { venueId: 'M7', start: '2024-10-14T16:00', end: '2024-10-14T17:00' }, staff);
  await service.updateSession('cyber', { start: '2024-10-15T12:00', end: '2024-10-15T13:00' }, staff);
  await service.updateSession(
    'opening',
    { venueId: 'M7', start: '2024-10-14T11:00', end: '2024-10-14T12:00', force: true },
    staff,
  );
  await service.updateSession('firearms', { status: 'cancelled' }, staff);
  await service.updateSession('firearms', { status: 'scheduled' }, staff);
  await service.updateSession(
    'webinar',
    { title: 'Webinar on firearms', organizers: { lead: 'UNODC', partners: ['OSCE'] } },
    staff,
  );
  await service.updateSession('webinar', { kind: 'other' }, staff);
  await service.delaySession('tuesday', { minutes: 10 }, staff);
  await service.delaySession('tuesday', { minutes: -5 }, staff);
  await service.delaySession('firearms', { minutes: 15, shiftFollowing: true, force: true }, staff);
  const info = await service.createAnnouncement({ text: 'Coffee in the lobby', severity: 'info' }, staff);
  await service.createAnnouncement(
    {
      text: 'Room change',
      severity: 'urgent',
      venueIds: ['CR3', 'M7'],
      startsAt: '2024-10-14T09:30',
      expiresAt: '2024-10-14T10:00',
    },
    staff,
  );
  await service.deleteAnnouncement(info.value.id, staff);
  await service.createAnnouncement({ text: 'Short one', severity: 'info', expiresInMinutes: 5 }, staff);
  clock.now += 60 * 60_000;
  await service.expireAnnouncements();
  await service.setEmergency('EVACUATE THE BUILDING NOW.', staff);
  await service.setEmergency('Leave by the nearest exit.', staff);
  await service.clearEmergency(staff);
  await service.updateSettings({ titleStyle: 'as-written' }, staff);
  await service.updateVenue('CR3', { name: 'Conference Room 3A', floor: '1st floor' }, staff);
  await service.updateVenue('CR3', { floor: null }, staff);
  const deleted = await service.deleteSession('dropped', staff);
  const undo = await service.undo(deleted.revision, staff);
  await service.undo(undo.revision, staff);
  await service.recordAudit('account.add', 'Added bob (Bob) as editor', staff);
  return service.journalSince(0);
}

function sentence(entry: JournalEntry, t = en, language: Language = 'en') {
  return journalSentence(entry, { t, language, zone: ZONE });
}

describe('journal sentences from parameters', () => {
  it('every schedule change carries parameters, and in English they give back the stored summary', async () => {
    const entries = await everyKindOfChange();
    const operations = new Set(entries.map((e) => e.operation));
    // Every operation the panel names, but the import (its own test below) and accounts (theirs).
    const scheduleOperations = JOURNAL_OPERATIONS.filter(
      (op) => op !== 'schedule.import' && !op.startsWith('account.'),
    );
    for (const operation of scheduleOperations) expect(operations, operation).toContain(operation);
    for (const entry of entries.filter((e) => !e.operation.startsWith('account.'))) {
      expect(entry.params, entry.summary).toBeDefined();
      expect(sentence(entry), entry.operation).toEqual({ text: entry.summary, language: 'en' });
    }
  });

  it('an import words its counts like the server, in every language', async () => {
    const counts = { added: 2, cancelled: 1, moved: 3, retimed: 1, changed: 0, unchanged: 4, venuesAdded: 1 };
    const entry: JournalEntry = {
      revision: 1,
      at: '2024-10-14T09:00:00+02:00',
      actor: 'alice',
      operation: 'schedule.import',
      summary: importSummary(counts),
      params: { op: 'schedule.import', ...counts, conference: false },
    };
    expect(sentence(entry).text).toBe(entry.summary);
    const fr = await loadMessages('fr');
    expect(sentence(entry, fr, 'fr').text).toBe(
      'Programme importé : +2, −1, 3 déplacées, 1 reprogrammée, 1 nouvelle salle',
    );
    const none: JournalEntry = {
      ...entry,
      params: {
        ...entry.params!,
        ...{ added: 0, cancelled: 0, moved: 0, retimed: 0, venuesAdded: 0 },
      } as JournalEntry['params'],
    };
    expect(sentence(none, fr, 'fr').text).toBe('Programme importé : aucun changement');
  });

  it('words a move, a delay and an undo in French, with French quotes and the day in French', async () => {
    const fr = await loadMessages('fr');
    await service.updateSession('lunch', { venueId: 'M7', start: '2024-10-15T16:00', end: '2024-10-15T17:00' }, staff);
    await service.delaySession('tuesday', { minutes: 10 }, staff);
    const undo = await service.undo(2, staff);
    const [move, delay] = service.journalSince(0);
    expect(sentence(move!, fr, 'fr')).toEqual({
      text: '« Lunch talk » déplacée de CR3 à M7, désormais mardi 15 octobre 16:00–17:00',
      language: 'fr',
    });
    expect(sentence(delay!, fr, 'fr').text).toBe('« Tuesday early » retardée de 10 min (désormais 09:10)');
    expect(sentence(undo.entry, fr, 'fr').text).toBe('Annulé : « Tuesday early » retardée de 10 min (désormais 09:10)');
  });

  it('leaves no Latin word but the data in Russian, Chinese and Arabic sentences', async () => {
    const entries = (await everyKindOfChange()).filter((e) => e.params);
    // Data that stays as typed: the titles, texts and room codes of the fixture.
    const data =
      /Water|Lunch talk|Cybercrime|Opening|Firearms|Webinar on firearms|Webinar|Tuesday early|Dropped talk|Coffee in the lobby|Room change|Short one|EVACUATE THE BUILDING NOW|Leave by the nearest exit|Conference Room 3A|1st floor|CR3|M7|ONLINE/g;
    for (const language of ['ru', 'zh', 'ar'] as const) {
      const t = await loadMessages(language);
      for (const entry of entries) {
        const text = sentence(entry, t, language).text;
        expect(text.replace(data, ' ').match(/[A-Za-z]{2,}/g) ?? [], `${language}: ${text}`).toEqual([]);
      }
    }
  });

  it('words account changes from their parameters, as the server does in English', async () => {
    const accountStore = openAccountStore(dir);
    onTestFinished(() => accountStore.close());
    const accounts = new Accounts(accountStore, (operation, summary, actor, params) =>
      service.recordAudit(operation, summary, actor, params),
    );
    await accounts.add({ username: 'bob', displayName: 'Bob', role: 'editor', emergency: true }, staff);
    await accounts.change({ username: 'bob', role: 'viewer', displayName: 'Robert', disabled: true }, staff);
    await accounts.change({ username: 'bob', disabled: false }, staff);
    await accounts.reset('bob', staff);
    const person = { issuer: 'https://id.example', subject: 's1', displayName: 'Ada', role: 'editor' as const };
    await accounts.signInFromDirectory({ ...person, usernameHint: 'ada' });
    await accounts.signInFromDirectory({ ...person, usernameHint: 'ada', role: 'admin' });
    const entries = service.journalSince(0);
    expect(entries.map((e) => e.operation)).toEqual([
      'account.add',
      'account.disable',
      'account.change',
      'account.reset',
      'account.add',
      'account.change',
    ]);
    for (const entry of entries) {
      expect(entry.params, entry.summary).toBeDefined();
      expect(sentence(entry).text).toBe(entry.summary);
    }
    const ru = await loadMessages('ru');
    expect(sentence(entries[1]!, ru, 'ru').text).toBe(
      'bob: новая роль — просмотр с правами на экстренные сообщения; bob: новое имя — Robert; Учётная запись bob отключена',
    );
  });

  it('keeps the English summary for entries without parameters, and drops parameters that do not fit', async () => {
    const old: JournalEntry = {
      revision: 3,
      at: '2024-10-14T09:00:00+02:00',
      actor: 'staff',
      operation: 'session.move',
      summary: 'Moved “Lunch talk” from CR3 to M7',
    };
    expect(sentence(old, en, 'en')).toEqual({ text: old.summary, language: 'en' });
    expect(readJournalParams({ op: 'session.move', title: 'X' })).toBeUndefined();
    expect(readJournalParams({ op: 'emergency.clear' })).toEqual({ op: 'emergency.clear' });
  });
});
