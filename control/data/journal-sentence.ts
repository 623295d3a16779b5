/**
 * A journal entry's sentence in the reader's language, from the parameters the server stored
 * with it (shared/journal-params.ts). Entries without parameters (written before them, account
 * lines) keep the server's English summary: `journalSentence` says which one it gave, so the
 * page can mark the English one `lang="en"`.
 */
import type { JournalEntry } from '../../shared/protocol.ts';
import type { ChangeParams, JournalParamsOf } from '../../shared/journal-params.ts';
import { LANGUAGE_NAMES, isLanguage, type Language } from '../../shared/languages.ts';
import { formatClock, venueDay } from '../../shared/time.ts';
import { parseInstant } from '../../shared/time-parse.ts';
import type { PanelMessages } from '../i18n/messages.ts';
import { panelDay } from '../i18n/format.ts';

export interface SentenceContext {
  t: PanelMessages;
  language: Language;
  zone: string;
}

function clock(iso: string, zone: string): string {
  return formatClock(parseInstant(iso, zone), zone);
}

/** "13:00–13:50", or "Monday 14 October 13:00–13:50" with the day. */
function slot(start: string, end: string, context: SentenceContext, withDay: boolean): string {
  const times = `${clock(start, context.zone)}–${clock(end, context.zone)}`;
  return withDay ? `${panelDay(parseInstant(start, context.zone), context.zone, context.language)} ${times}` : times;
}

/** English keeps the server summary's plain commas, so an English reader sees the very same sentence. */
function list(items: string[], language: Language): string {
  return language === 'en' ? items.join(', ') : new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}

function editSentence(p: JournalParamsOf<'session.edit'>, context: SentenceContext): string {
  const { t, zone } = context;
  const title = t.sumQuote(p.title);
  const parts: string[] = [];
  if (p.status) parts.push(p.status === 'cancelled' ? t.sumCancelled(title) : t.sumReinstated(title));
  const withDay = p.slot !== undefined && venueDay(parseInstant(p.slot.start, zone), zone) !== venueDay(parseInstant(p.slot.wasStart, zone), zone);
  if (p.move) {
    parts.push(
      p.slot
        ? t.sumMovedNow(title, p.move.from, p.move.to, slot(p.slot.start, p.slot.end, context, withDay))
        : t.sumMoved(title, p.move.from, p.move.to),
    );
  } else if (p.slot) {
    parts.push(
      t.sumRescheduled(
        title,
        slot(p.slot.start, p.slot.end, context, withDay),
        slot(p.slot.wasStart, p.slot.wasEnd, context, false),
      ),
    );
  }
  if (p.renamedFrom !== undefined) parts.push(t.sumRenamed(t.sumQuote(p.renamedFrom), title));
  if (p.fields.length > 0) {
    parts.push(
      t.sumEdited(
        title,
        list(
          p.fields.map((field) => t.sumSessionFields[field]),
          context.language,
        ),
      ),
    );
  }
  return parts.length > 0 ? parts.join(t.sumSeparator) : t.sumNoChange(title);
}

function importSentence(p: JournalParamsOf<'schedule.import'>, context: SentenceContext): string {
  const { t } = context;
  const parts = [
    p.added > 0 && `+${p.added}`,
    p.cancelled > 0 && `−${p.cancelled}`,
    p.moved > 0 && t.sumImportMoved(p.moved),
    p.retimed > 0 && t.sumImportRetimed(p.retimed),
    p.changed > 0 && t.sumImportChanged(p.changed),
    p.venuesAdded > 0 && t.sumImportVenues(p.venuesAdded),
    p.conference && t.sumImportConference,
  ].filter((part): part is string => typeof part === 'string');
  return t.sumImported(parts.length > 0 ? parts.join(', ') : t.sumImportNothing);
}

function accountChangeSentence(p: JournalParamsOf<'account.change'>, t: PanelMessages): string {
  const parts: string[] = [];
  if (p.grant) parts.push(t.sumAccountGrant(p.username, t.sumGrant(t.accRoles[p.grant.role], p.grant.emergency), p.sso));
  if (p.displayName !== undefined) parts.push(t.sumAccountRenamed(p.username, p.displayName));
  if (p.disabled !== undefined) parts.push(t.sumAccountEnabled(p.username, !p.disabled));
  return parts.join(t.sumSeparator);
}

/** The sentence of one change (anything but an undo). */
export function changeSentence(p: ChangeParams, context: SentenceContext): string {
  const { t, zone } = context;
  switch (p.op) {
    case 'session.create':
      return t.sumAdded(t.sumQuote(p.title), p.venueId, slot(p.start, p.end, context, true));
    case 'session.delete':
      return t.sumDeleted(t.sumQuote(p.title), p.venueId, slot(p.start, p.end, context, true));
    case 'session.edit':
      return editSentence(p, context);
    case 'session.delay':
      return t.sumDelay({
        title: t.sumQuote(p.title),
        minutes: Math.abs(p.minutes),
        forward: p.minutes < 0,
        at: clock(p.start, zone),
        following: p.following,
        venue: p.venueId,
      });
    case 'announcement.create':
      return t.sumAnnouncement({
        urgent: p.severity === 'urgent',
        text: p.text,
        ...(p.venueIds && { where: p.venueIds.join(', ') }),
        ...(p.startsAt && { from: clock(p.startsAt, zone) }),
        ...(p.expiresAt && { until: clock(p.expiresAt, zone) }),
      });
    case 'announcement.delete':
      return t.sumAnnouncementRemoved(p.severity === 'urgent', p.text);
    case 'announcement.expire':
      return t.sumAnnouncementsExpired(p.texts);
    case 'emergency.set': {
      const sentence = p.changed ? t.sumEmergencyChanged(p.text) : t.sumEmergencyOn(p.text);
      const languages = (p.languages ?? []).filter(isLanguage).map((language) => LANGUAGE_NAMES[language]);
      return languages.length ? t.sumWithLanguages(sentence, languages.join(', ')) : sentence;
    }
    case 'emergency.clear':
      return t.sumEmergencyOff;
    case 'schedule.import':
      return importSentence(p, context);
    case 'settings.update':
      return t.sumTitleStyles[p.titleStyle];
    case 'venue.update':
      return t.sumVenue(
        p.venueId,
        list(
          p.fields.map(({ field, value }) =>
            value === null
              ? t.sumVenueCleared(t.sumVenueFields[field])
              : t.sumVenueSet(t.sumVenueFields[field], t.sumQuote(value)),
          ),
          context.language,
        ),
      );
    case 'account.add':
      // At a first single sign-on the role comes from the directory, never with emergency rights.
      return t.sumAccountAdded(p.username, p.displayName, t.sumGrant(t.accRoles[p.role], p.emergency), p.sso);
    case 'account.change':
      return accountChangeSentence(p, t);
    case 'account.reset':
      return t.sumAccountReset(p.username);
    case 'account.password':
      return t.sumAccountPassword(p.username);
  }
}

/** The entry's sentence for this reader, and the language it is written in. */
export function journalSentence(entry: JournalEntry, context: SentenceContext): { text: string; language: Language } {
  const p = entry.params;
  if (!p) return { text: entry.summary, language: 'en' };
  if (p.op !== 'undo') return { text: changeSentence(p, context), language: context.language };
  const { t } = context;
  let text = changeSentence(p.undone, context);
  for (let i = 0; i < p.times; i++) text = t.sumUndid(text);
  if (p.keptWith) text = t.sumKeptBoth(text, p.keptWith.venueId, t.sumQuote(p.keptWith.title));
  return { text, language: context.language };
}
