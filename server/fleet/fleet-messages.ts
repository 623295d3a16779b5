/**
 * What goes in and out of the display registry: what a connecting screen says about itself, what
 * the registry makes of it, and the commands meant for one screen only.
 */
import type {
  DisplayAssignment,
  DisplayHandshakeView,
  DisplayPairing,
  DisplayScreen,
  DisplayFleetToClient,
  DisplayStatus,
} from '../../shared/protocol.ts';
import type { Assignment } from './fleet-entry.ts';

/** What a connecting display says about itself (validated by the namespace). */
export interface DisplayHello {
  /** The socket's own id: the identity of a screen that brings none. */
  socketId: string;
  displayId?: string | undefined;
  token?: string | undefined;
  view: DisplayHandshakeView;
  venueId?: string | undefined;
  name?: string | undefined;
  /** The name a screen gets when neither it nor staff chose one ("CR3 door", "Lobby"). */
  defaultName: (assignment: Assignment) => string;
  /** The revision it holds (already checked to be one this server made). */
  revision: number;
  userAgent?: string | undefined;
  screen?: DisplayScreen | undefined;
}

export type Admission =
  | { id: string; kind: 'assigned'; assignment: DisplayAssignment }
  | { id: string; kind: 'pairing'; pairing: DisplayPairing }
  /** A screen without an id of its own: nothing to tell it. */
  | { id: string; kind: 'anonymous' };

/** A message for one screen's sockets: an event of the display protocol with its arguments. */
export type FleetCommand = {
  [E in FleetEvent]: { event: E; args: Parameters<DisplayFleetToClient[E]> };
}[FleetEvent];
type FleetEvent = keyof DisplayFleetToClient;

/**
 * A screen as one node of a cluster tells the others about it: what the fleet view shows, plus
 * what another node needs to take the screen over when it fails over there (the hash of its
 * token, whether staff manage its assignment).
 */
export interface PeerEntry {
  status: DisplayStatus;
  tokenHash?: string | undefined;
  managed: boolean;
  touched: boolean;
  /** False for a screen without an id of its own (listed, never stored or taken over). */
  persistent: boolean;
}
