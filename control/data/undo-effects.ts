/**
 * What an undo would do that staff must not trigger by accident, and why a refused undo was
 * refused, in plain words. Pure functions of the journal and the live schedule, so they are easy
 * to test and the journal panel only renders their answers.
 */
import type { Schedule } from '../../shared/model.ts';
import type { JournalEntry } from '../../shared/protocol.ts';
import { formatClock } from '../../shared/time.ts';
import { parseInstant } from '../../shared/time-parse.ts';
import type { ApiErrorBody } from './api.ts';
import type { PanelMessages } from '../i18n/messages.ts';
import { en } from '../i18n/en.ts';
import { undoReason } from './server-errors.ts';

/** The text an "Emergency message on: …" entry put up: its parameters carry it, an older entry's summary does. */
function emergencyTextOf(entry: JournalEntry | undefined): string | undefined {
  if (entry?.params?.op === 'emergency.set') return entry.params.text;
  return entry?.summary.replace(/^Emergency message (on|changed): /, '');
}

function emergencyTextBefore(journal: readonly JournalEntry[], revision: number): string | undefined {
  return emergencyTextOf([...journal].reverse().find((e) => e.revision < revision && e.operation === 'emergency.set'));
}

/** The text an urgent announcement's removal took down, or undefined when it was not urgent. */
function urgentTextRemoved(entry: JournalEntry): string | undefined {
  if (entry.params?.op === 'announcement.delete') {
    return entry.params.severity === 'urgent' ? entry.params.text : undefined;
  }
  const match = /^Removed urgent announcement: (.*)$/.exec(entry.summary);
  return match?.[1];
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
  t: PanelMessages = en,
): string | null {
  // Undoing an undo re-does the original: judge it by what the original did, inverted.
  const original = entry.operation === 'undo' ? journal.find((e) => e.revision === entry.undoes) : undefined;
  const effectively = original ? redoOf(original.operation) : entry.operation;
  if (effectively === 'emergency.clear') {
    return t.undoShowsEmergency(emergencyTextBefore(journal, original?.revision ?? entry.revision), screenCount);
  }
  if (effectively === 'emergency.redo-set') return t.undoShowsEmergency(emergencyTextOf(original), screenCount);
  const urgent = effectively === 'announcement.delete' ? urgentTextRemoved(entry) : undefined;
  if (urgent !== undefined) return t.undoShowsUrgent(urgent);
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
  /** The data `text` and `next` place (titles, rooms, an uncoded English reason): isolated where shown. */
  names: string[];
}

/**
 * The server's refusal ("cannot undo revision 4: …") told without revision numbers, with a way
 * forward: in the reader's words when the server coded its reason, else its English reason quoted.
 */
export function explainUndoRefusal(
  body: ApiErrorBody,
  entry: JournalEntry,
  t: PanelMessages = en,
  zone?: string,
): UndoRefusal {
  const reason = body.error.replace(/^cannot undo revision \d+: /, '');
  const slot =
    body.clash && zone
      ? `${formatClock(parseInstant(body.clash.start, zone), zone)}–${formatClock(parseInstant(body.clash.end, zone), zone)}`
      : undefined;
  const worded = undoReason(body, t, slot);
  const quoted = `${reason.charAt(0).toUpperCase()}${reason.slice(1)}`;
  const text = t.undoCant(worded ?? quoted);
  const placed = [...Object.values(body.params ?? {}), body.clash?.title, worded ? undefined : quoted];
  const names = [...new Set(placed.filter((name): name is string => typeof name === 'string' && name !== ''))];
  if (body.clash) {
    return {
      text,
      names,
      blockingSessionId: body.clash.id,
      next: t.undoClearTheWay(body.clash.title, body.forceable === true),
      ...(body.forceable === true && { forceable: true }),
    };
  }
  if (typeof body.undoneBy === 'number') return { text: t.undoAlreadyUndone, next: t.undoNothingToDo, names: [] };
  if (
    ['undo.changed', 'undo.deleted', 'undo.exists-again'].includes(body.code ?? '') ||
    /changed again since|deleted since|exists again/.test(reason)
  ) {
    return {
      text,
      ...(entry.sessionId ? { blockingSessionId: entry.sessionId } : {}),
      next: t.undoLaterFirst,
      names,
    };
  }
  if (body.code === 'undo.expired' || /expired/.test(reason)) return { text, next: t.undoPostAgain, names };
  return { text, next: t.undoNewerFirst, names };
}
