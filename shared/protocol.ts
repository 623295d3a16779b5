/**
 * The socket.io wire protocol: one typed event map per namespace, shared by the server and every
 * browser client. After the first snapshot the server only sends small deltas; every message
 * that reflects schedule state carries the revision it reflects.
 */
import type { Announcement, Emergency, Schedule, Session, Venue } from './model.ts';

export type DisplayView = 'room' | 'lobby';

/** Handshake `auth` of the /display namespace. */
export interface DisplayHandshake {
  view: DisplayView;
  venueId?: string;
  displayId?: string;
  /** Last revision the display holds; the server then sends only what it missed. */
  revision?: number;
  /** Human name for the fleet view; defaults to the room name or "Lobby". */
  name?: string;
  /** A staff preview (the panel's iframe), not a screen: left out of the fleet. */
  preview?: boolean;
}

/** One atomic piece of a change. A change (one journal entry) is a list of these. */
export type DeltaOp =
  | { type: 'session'; session: Session }
  | { type: 'session-removed'; id: string }
  | { type: 'venue'; venue: Venue }
  | { type: 'announcement'; announcement: Announcement }
  | { type: 'announcement-removed'; id: string }
  | { type: 'emergency'; emergency: Emergency | null };

/** Everything one accepted change did, stamped with the revision it produced. */
export interface Delta {
  revision: number;
  ops: DeltaOp[];
}

/**
 * The server's clock as screens reproduce it: venue time = anchorClock + (serverNow - anchorReal) * speed,
 * where serverNow is the server's real epoch ms, estimated by the screen through its measured offset.
 */
export interface ClockState {
  simulated: boolean;
  speed: number;
  /** Server real time (epoch ms) at the anchor. */
  anchorReal: number;
  /** Clock time (epoch ms) at the anchor. */
  anchorClock: number;
}

export interface JournalEntry {
  revision: number;
  /** When the change was made, ISO in venue time (server clock). */
  at: string;
  actor: string;
  /** Operation name, e.g. "session.move", "announcement.create", "undo". */
  operation: string;
  /** Human summary for the panel: "Moved 'X' from CR3 to M7". */
  summary: string;
  /** The session the change concerns, when it concerns one. */
  sessionId?: string;
  /** Revision of the entry that undid this one. */
  undoneBy?: number;
  /** Revision this entry undid, when it is an undo. */
  undoes?: number;
}

export interface DisplayStatus {
  id: string;
  name: string;
  view: DisplayView;
  venueId?: string;
  connected: boolean;
  /** ISO time (real) when the display was last heard from. */
  lastSeen: string;
  /** Last revision the display confirmed it rendered. */
  revision: number;
}

export interface DisplayServerToClient {
  /** Full state: sent on connect when the display has nothing or is too far behind. */
  snapshot: (schedule: Schedule) => void;
  /** One accepted change (also used, in order, to catch up a reconnecting display). */
  delta: (delta: Delta) => void;
  /** The clock model changed (start, new simulated time or speed). */
  clock: (clock: ClockState) => void;
}

export interface DisplayClientToServer {
  /** Round trip for clock sync: the server answers with its real epoch ms. */
  'time:sync': (ack: (serverNow: number) => void) => void;
  /** The display has rendered this revision. */
  rendered: (revision: number) => void;
  /** The display saw a gap in revisions: send what it missed since this revision (or a snapshot). */
  resync: (revision: number) => void;
}

export interface ControlServerToClient extends DisplayServerToClient {
  journal: (entry: JournalEntry) => void;
  displays: (displays: DisplayStatus[]) => void;
}

export interface ControlClientToServer {
  'time:sync': (ack: (serverNow: number) => void) => void;
}

export const DISPLAY_NAMESPACE = '/display';
export const CONTROL_NAMESPACE = '/control';
