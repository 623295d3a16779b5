/**
 * What an undo would do that staff must not trigger by accident, and why a refused undo was
 * refused, in plain words. Pure functions of the journal and the live schedule, so they are easy
 * to test and the journal panel only renders their answers.
 */
import type { Schedule } from '../../shared/model.ts';
import type { JournalEntry } from '../../shared/protocol.ts';
import { formatClock, parseInstant } from '../../shared/time.ts';
import type { ApiErrorBody } from './api.ts';
import type { PanelMessages } from '../i18n/messages.ts';
import { panelLocale } from '../i18n/panel-locale.ts';

/** The text an "Emergency message on: …" entry put up (its summary carries it). */
function emergencyTextBefore(journal: readonly JournalEntry[], revision: number): string | undefined {
  const set = [...journal].reverse().find((e) => e.revision < revision && e.operation === 'emergency.set');
  return set?.summary.replace(/^Emergency message (on|changed): /, '');
}

function screens(count: number, t: PanelMessages): string {
  return count === 0 ? t.undoEveryScreen : t.undoScreens(count);
}

/**
 * The confirmation question for undoing `entry`, or null when the undo is harmless. Asked when it
 * would put an emergency or an urgent announcement (back) on screens, or touch a session running now.
 */
export function undoEffect(
  entry: JournalEntry,
  journal: readonly JournalEntry[],
  schedule: Schedule,
  screenCount: number,
  now: number,
  t: PanelMessages = panelLocale.messages,
): string | null {
  // Undoing an undo re-does the original: judge it by what the original did, inverted.
  const original = entry.operation === 'undo' ? journal.find((e) => e.revision === entry.undoes) : undefined;
  const effectively = original ? redoOf(original.operation) : entry.operation;
  if (effectively === 'emergency.clear') {
    const text = emergencyTextBefore(journal, original?.revision ?? entry.revision);
    return t.undoShowsEmergency(text ?? '', screens(screenCount, t));
  }
  if (effectively === 'emergency.redo-set') {
    const text = original?.summary.replace(/^Emergency message (on|changed): /, '');
    return t.undoShowsEmergency(text ?? '', screens(screenCount, t));
  }
  if (effectively === 'announcement.delete' && /^Removed urgent announcement: /.test(entry.summary)) {
    return t.undoShowsUrgent(entry.summary.replace(/^Removed urgent announcement: /, ''));
  }
  const session = entry.sessionId ? schedule.sessions.find((s) => s.id === entry.sessionId) : undefined;
  if (session && session.status !== 'cancelled') {
    const zone = schedule.timezone;
    const start = parseInstant(session.start, zone);
    const end = parseInstant(session.end, zone);
    if (start <= now && now < end) {
      return t.undoRunningNow(session.title, formatClock(end, zone));
    }
  }
  return null;
}

/** Undoing `operation` a second time (redo) does what it did; only the emergency needs naming. */
function redoOf(operation: string): string {
  return operation === 'emergency.set' ? 'emergency.redo-set' : `redo:${operation}`;
}

export interface UndoRefusal {
  /** "Can't undo yet: CR3 is taken by “Water” 13:00–13:50." */
  text: string;
  /** The session that is in the way, to open it. */
  blockingSessionId?: string;
  /** What to do next, in words. */
  next: string;
  /** "Undo anyway" is offered: the server said force would lift this refusal (a room clash only). */
  forceable?: boolean;
}

/**
 * The server's refusal ("cannot undo revision 4: …") told without revision numbers, with a way
 * forward. The server's reason is English and quoted as sent; the words around it are the reader's.
 */
export function explainUndoRefusal(
  body: ApiErrorBody,
  entry: JournalEntry,
  t: PanelMessages = panelLocale.messages,
): UndoRefusal {
  const reason = body.error.replace(/^cannot undo revision \d+: /, '');
  const text = t.undoCant(`${reason.charAt(0).toUpperCase()}${reason.slice(1)}`);
  if (body.clash) {
    return {
      text,
      blockingSessionId: body.clash.id,
      next: body.forceable ? t.undoMoveFirstOrForce(body.clash.title) : t.undoMoveFirst(body.clash.title),
      ...(body.forceable === true && { forceable: true }),
    };
  }
  if (typeof body.undoneBy === 'number') return { text: t.undoAlreadyUndone, next: t.undoNothingToDo };
  if (/changed again since|deleted since|exists again/.test(reason)) {
    return {
      text,
      ...(entry.sessionId ? { blockingSessionId: entry.sessionId } : {}),
      next: t.undoLaterFirst,
    };
  }
  if (/expired/.test(reason)) return { text, next: t.undoPostAgain };
  return { text, next: t.undoLookNewer };
}
