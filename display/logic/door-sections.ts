/**
 * Splits a RoomView into what the door shows where. A session that moved out of this room is a
 * prominent notice from the start of the venue day until its slot ends (people who read the
 * printed programme come to this door for it). A cancelled one is a notice while its slot is on
 * or about to be, in the day's list otherwise. Also the wording of the status band.
 */
import type { Session, Venue } from '../../shared/model.ts';
import { MINUTE, formatClock } from '../../shared/time.ts';
import type { RoomView } from '../../shared/views/index.ts';
import { STARTING_SOON_MINUTES } from '../../shared/views/constants.ts';
import { changeLabels, movedToLabel, venueLabel, type ChangeLabel } from './format.ts';
import { en } from '../../shared/i18n/en.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { phrase, words, type Phrase } from '../../shared/i18n/phrase.ts';

export interface DoorEntry {
  /** Stable key for rendering: the session id plus where it comes from. */
  key: string;
  session: Session;
  /** When it is (or was planned) in this room, epoch ms. */
  start: number;
  end: number;
  labels: ChangeLabel[];
  /** Cancelled: struck through. */
  struck: boolean;
  /** Planned here, now elsewhere: always a notice until its slot ends. */
  movedAway?: boolean;
}

export interface DoorSections {
  notices: DoorEntry[];
  /** The rest of the day after next (and after the running session), by time. */
  timeline: DoorEntry[];
}

export function doorSections(
  view: RoomView,
  instant: number,
  venues: readonly Venue[],
  zone: string,
  m: Messages = en,
): DoorSections {
  const entries = new Map<string, DoorEntry>();
  for (const item of [...view.cancelled, ...view.later]) {
    entries.set(`here:${item.session.id}`, {
      key: `here:${item.session.id}`,
      session: item.session,
      start: item.start,
      end: item.end,
      labels: changeLabels(item.change, item.start, venues, zone, m),
      struck: item.change.cancelled,
    });
  }
  for (const item of view.movedAway) {
    const key = `away:${item.session.id}`;
    entries.set(key, {
      key,
      session: item.session,
      start: item.plannedStart,
      end: item.plannedEnd,
      labels: item.change.cancelled
        ? changeLabels(item.change, item.start, venues, zone, m)
        : [movedToLabel(item.movedTo, venues, m)],
      struck: item.change.cancelled,
      movedAway: !item.change.cancelled,
    });
  }

  const soon = instant + STARTING_SOON_MINUTES * MINUTE;
  const notices: DoorEntry[] = [];
  const timeline: DoorEntry[] = [];
  for (const entry of entries.values()) {
    (entry.movedAway || entry.start <= soon ? notices : timeline).push(entry);
  }
  const byTime = (a: DoorEntry, b: DoorEntry) => a.start - b.start || a.key.localeCompare(b.key);
  return { notices: notices.sort(byTime), timeline: timeline.sort(byTime) };
}

/** The words beside the status on the door's band: "until 13:50", "In 8 min", ... */
export function statusDetail(
  view: RoomView,
  instant: number,
  zone: string,
  venues: readonly Venue[] = [],
  m: Messages = en,
): Phrase {
  const running = view.now[0];
  if (running) return phrase(m.until, formatClock(running.end, zone));
  const moved = view.movedAway.find((row) => !row.change.cancelled);
  if (view.status === 'moved' && moved) {
    return phrase(m.sessionNowIn, formatClock(moved.plannedStart, zone), venueLabel(venues, moved.movedTo));
  }
  if (!view.next) {
    return moved ? phrase(m.until, formatClock(moved.plannedStart, zone)) : words(m.forRestOfDay);
  }
  // The countdown ("In 5 min") is on the next-session panel; the band says when, not twice the same.
  if (view.status === 'starting-soon') return phrase(m.at, formatClock(view.next.start, zone));
  return phrase(m.until, formatClock(view.next.start, zone));
}

/** The band of an online venue: what is on, not whether a door is free. */
export function onlineDetail(view: RoomView, zone: string, m: Messages = en): Phrase {
  const running = view.now[0];
  if (running) return phrase(m.nowUntil, formatClock(running.end, zone));
  if (view.next) return phrase(m.nextAt, formatClock(view.next.start, zone));
  return words(m.noMoreSessionsToday);
}
