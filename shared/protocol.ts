/**
 * The socket.io wire protocol: one typed event map per namespace, shared by the server and every
 * browser client. After the first snapshot the server only sends small deltas; every message
 * that reflects schedule state carries the revision it reflects.
 */
import type { Announcement, Conference, Emergency, Schedule, ScheduleSettings, Session, Venue } from './model.ts';
import type { Language } from './languages.ts';
import type { JournalParams } from './journal-params.ts';

export type DisplayView = 'room' | 'lobby';

/**
 * What a display page asks to show at the handshake: a view from its URL, or 'unassigned' for the
 * bare /display page, which shows whatever staff assigned to it (or a pairing code until then).
 */
export type DisplayHandshakeView = DisplayView | 'unassigned';

/** The screen a display renders into (CSS pixels of the page's viewport). */
export interface DisplayScreen {
  width: number;
  height: number;
  orientation: 'portrait' | 'landscape';
}

/** Handshake `auth` of the /display namespace. */
export interface DisplayHandshake {
  view: DisplayHandshakeView;
  venueId?: string;
  displayId?: string;
  /**
   * The display's own secret, generated and kept by the screen. The first one presented for a
   * displayId binds it: from then on only that token may claim the id (the server keeps a hash).
   */
  token?: string;
  /** The viewport the display renders into. */
  screen?: DisplayScreen;
  /** Last revision the display holds; the server then sends only what it missed. */
  revision?: number;
  /**
   * The scheduleId of the copy the display holds. When it is not the server's, the revision
   * means nothing here and the display gets a snapshot. Without it the revision is trusted.
   */
  scheduleId?: string;
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
  | { type: 'emergency'; emergency: Emergency | null }
  /** The conference the schedule names (an import of a c3voc or frab file sets it); null = none. */
  | { type: 'conference'; conference: Conference | null }
  | { type: 'settings'; settings: ScheduleSettings };

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

/** The `clock` event: the clock model with the schedule revision the server held when it was sent. */
export interface ClockMessage extends ClockState {
  revision: number;
}

export interface JournalEntry {
  revision: number;
  /** When the change was made, ISO in venue time (server clock). */
  at: string;
  /** Who made the change: the account's username, "system", or "staff" for entries older than accounts. */
  actor: string;
  /** The display name of that person (absent on entries older than accounts). */
  actorName?: string;
  /** Operation name, e.g. "session.move", "announcement.create", "undo". */
  operation: string;
  /** The English sentence, for logs, the CLI and entries written before `params`: "Moved 'X' from CR3 to M7". */
  summary: string;
  /** The sentence's values, so the panel words it in the reader's language (shared/journal-params.ts). */
  params?: JournalParams;
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
  /**
   * Counted in delivery reports: paired or assigned by staff, or connected for 10 minutes without
   * a break. A preview tab or test browser is listed but not counted.
   */
  counted?: boolean;
  /** The browser's User-Agent at its last connection. */
  userAgent?: string;
  screen?: DisplayScreen;
  /** The display's measured clock offset: server real time minus device time, ms. */
  clockSkewMs?: number;
  /** Staff-set directions from this screen to rooms (venue id → text). */
  directions?: Record<string, string>;
  /** The language staff chose for this screen, the first of two on a bilingual one (a `?lang=` on its URL wins). */
  language?: Language;
  /** Both languages of a bilingual screen, in the order they take turns (or the one). */
  languages?: Language[];
  /** Seconds per language on a bilingual screen. */
  rotationSeconds?: number;
  /** Connected but silent for longer than the fleet's threshold (a hung page or a dead link). */
  stale?: boolean;
}

/** What a display shows: the lobby board, or the door of one room. */
export interface Assignment {
  view: DisplayView;
  venueId?: string | undefined;
}

/** What staff assigned to a display (sent to that display only). */
export interface DisplayAssignment extends Assignment {
  /** The id the display is known by: adopt it when it differs from the one presented. */
  displayId: string;
  name: string;
  /** This screen's own way to each room (venue id → "M7 ↑ 1st floor"), over the venue's directions. */
  directions?: Record<string, string>;
  /** The language staff chose for this screen; a `?lang=` on the page's URL wins over it. */
  language?: Language;
  /** A bilingual screen's two languages, taking turns every `rotationSeconds`. */
  languages?: Language[];
  rotationSeconds?: number;
}

/** A display no one has assigned yet: it shows this code so staff can pair it. */
export interface DisplayPairing {
  displayId: string;
  code: string;
}

/** What a display reports about itself besides rendered revisions. */
export interface DisplayReport {
  screen?: DisplayScreen;
  clockSkewMs?: number;
}

export interface DisplayServerToClient {
  /** Full state: sent on connect when the display has nothing or is too far behind. */
  snapshot: (schedule: Schedule) => void;
  /** One accepted change (also used, in order, to catch up a reconnecting display). */
  delta: (delta: Delta) => void;
  /** The clock model changed (start, new simulated time or speed). */
  clock: (clock: ClockMessage) => void;
}

/** Fleet commands: sent only to the display they concern, never namespace-wide. */
export interface DisplayFleetToClient {
  /** Show this view from now on (on connect, after pairing, after staff reassign or rename). */
  assign: (assignment: DisplayAssignment) => void;
  /** Not assigned (new, or forgotten by staff): show the pairing code. */
  pairing: (pairing: DisplayPairing) => void;
  /** Show the display's name big for a few seconds, so staff can tell which screen is which. */
  identify: (identify: { name: string; durationMs: number }) => void;
  /** Reload the page. */
  reload: () => void;
}

export interface DisplayClientToServer {
  /** Round trip for clock sync: the server answers with its real epoch ms. */
  'time:sync': (ack: (serverNow: number) => void) => void;
  /** The display has rendered this revision. */
  rendered: (revision: number) => void;
  /** The display saw a gap in revisions: send what it missed since this revision (or a snapshot). */
  resync: (revision: number) => void;
  /** Screen size or measured clock offset (after each clock sync and on resize). */
  status: (report: DisplayReport) => void;
}

export interface ControlServerToClient extends DisplayServerToClient {
  journal: (entry: JournalEntry) => void;
  displays: (displays: DisplayStatus[]) => void;
}

/**
 * What a panel presents at the /control handshake to catch up by revision, as screens do: the
 * revision (and schedule) it holds. Without one, or when too much was missed, it gets a snapshot.
 */
export interface ControlHandshake {
  revision?: number;
  scheduleId?: string;
}

export interface ControlClientToServer {
  'time:sync': (ack: (serverNow: number) => void) => void;
}

export const DISPLAY_NAMESPACE = '/display';
export const CONTROL_NAMESPACE = '/control';
