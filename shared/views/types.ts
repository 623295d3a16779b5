/** Output shapes of the pure view functions (roomView, lobbyView) that server and screens share. */
import type { Session, Venue } from '../model.ts';
import type { Phrase } from '../i18n/phrase.ts';

/** How a session differs from what was first published (Session.planned). */
export interface SessionChange {
  cancelled: boolean;
  /** Planned venue id when the session now takes place elsewhere. */
  movedFrom?: string;
  /** Minutes the start moved later (positive) or earlier (negative); absent when unchanged. */
  startShiftMinutes?: number;
  /** Start or end differ from the planned ones. */
  retimed: boolean;
}

export interface ViewSession {
  session: Session;
  /** Epoch ms of start and end, parsed once. */
  start: number;
  end: number;
  change: SessionChange;
}

/** A session that was planned in this room but now takes place in another one. */
export interface MovedAway extends ViewSession {
  /** Where it went (current venue id). */
  movedTo: string;
  /** The slot it had in this room (epoch ms). */
  plannedStart: number;
  plannedEnd: number;
}

/** 'moved': nothing here, but a session planned here moved away and its slot is on or within 15 min. */
export type RoomStatus = 'free' | 'starting-soon' | 'in-session' | 'moved';

export interface RoomView {
  venue: Venue | undefined;
  /** Sessions in progress at the instant (start <= t < end), not cancelled, by start. Usually one. */
  now: ViewSession[];
  /** The first non-cancelled session of the day that starts after the instant (and is not in now). */
  next: ViewSession | null;
  /** The rest of the day after next, cancelled ones included, by start. */
  later: ViewSession[];
  /** Cancelled sessions of this room that have not ended yet today, by start. */
  cancelled: ViewSession[];
  /** Sessions that moved out of this room, while their planned slot has not ended. */
  movedAway: MovedAway[];
  status: RoomStatus;
  /**
   * Nothing is running, nothing else is planned in this room today, and no session that moved
   * away from here still has its slot ahead (its delegates will come to this door).
   */
  endOfDay: boolean;
  /** Minutes from the instant to next's start (rounded up), when there is a next. */
  minutesToNext: number | null;
}

export type LobbyRowState = 'running' | 'upcoming' | 'cancelled';

export interface LobbyRow extends ViewSession {
  state: LobbyRowState;
  venue: Venue | undefined;
}

export interface LobbyView {
  /** Venue-local day shown, yyyy-MM-dd. */
  day: string;
  rows: LobbyRow[];
  /** When rows is empty: the sessions of the next day that has any, by start. */
  tomorrow: LobbyRow[];
  /** Venue-local day of tomorrow's rows, yyyy-MM-dd. */
  tomorrowDay?: string;
}

export type LobbyStatusTone = 'now' | 'soon' | 'moved' | 'delayed' | 'cancelled' | 'later';

/** The one status column of a lobby row: the news in words, with a tone for its colour. */
export interface LobbyStatus {
  /** The words, with a room or time they name marked as data (screens isolate it). */
  text: Phrase;
  tone: LobbyStatusTone;
}
