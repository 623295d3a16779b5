/**
 * One display as the fleet holds it in memory: its stored record plus what only exists while the
 * server runs (open sockets, the pairing code of a screen nobody assigned yet).
 */
import type { Assignment, DisplayAssignment, DisplayScreen, DisplayStatus } from '../../shared/protocol.ts';
import type { DisplayRecord } from './display-records.ts';
import type { Language } from '../../shared/languages.ts';
import { ROTATION_SECONDS } from '../../shared/language-rotation.ts';
import type { PeerEntry } from './fleet-messages.ts';

export type { Assignment };

export interface FleetEntry {
  id: string;
  name: string;
  /** null while the screen waits to be paired: it is then not listed and not stored. */
  assignment: Assignment | null;
  pairingCode: string | null;
  tokenHash: string | undefined;
  managed: boolean;
  /** Staff renamed, assigned or paired it: never evicted to make room (see DisplayRegistry.prune). */
  touched: boolean;
  /**
   * Kept in SQLite. A screen without an id of its own (an old client, a test) gets one per
   * connection: it is listed while the server runs but never stored.
   */
  persistent: boolean;
  sockets: number;
  /** Epoch ms, real time. */
  lastSeen: number;
  revision: number;
  userAgent: string | undefined;
  screen: DisplayScreen | undefined;
  clockSkewMs: number | undefined;
  /** Epoch ms (real) the current unbroken connection began; undefined while offline. */
  connectedSince?: number | undefined;
  /** Stayed connected for TRIAL_MS once since the server started: counted from then on. */
  proven?: boolean;
  /** Staff-set directions from this screen to rooms (venue id → text). */
  directions?: Record<string, string> | undefined;
  /** Staff-chosen language of this screen (the first, on a bilingual one). */
  language?: Language | undefined;
  /** The language alternating with `language`, every `rotationSeconds`. */
  secondLanguage?: Language | undefined;
  rotationSeconds?: number | undefined;
}

/** What a staff action may change on an entry: what is put back when its write fails. */
const STAFF_FIELDS = [
  'name',
  'assignment',
  'managed',
  'touched',
  'persistent',
  'directions',
  'language',
  'secondLanguage',
  'rotationSeconds',
] as const satisfies ReadonlyArray<keyof FleetEntry>;
export type StaffFields = Pick<FleetEntry, (typeof STAFF_FIELDS)[number]>;

export function staffFieldsOf(entry: FleetEntry): StaffFields {
  return Object.fromEntries(STAFF_FIELDS.map((field) => [field, entry[field]])) as StaffFields;
}

/**
 * The ghost-screen rule. A page that opened a display URL without staff pairing or assigning it
 * (a preview tab, a test browser) is listed but not counted in delivery until staff pair/assign
 * it or it has stayed connected for TRIAL_MS; such a screen offline for UNPAIRED_TTL_MS drops out.
 */
export const TRIAL_MS = 10 * 60_000;
export const UNPAIRED_TTL_MS = 24 * 60 * 60_000;

export function isCounted(entry: FleetEntry, now: number): boolean {
  if (entry.managed || entry.proven) return true;
  return entry.sockets > 0 && entry.connectedSince !== undefined && now - entry.connectedSince >= TRIAL_MS;
}

/** A screen just heard of: not assigned yet, stored once it is. */
export function newEntry(id: string, name: string, revision: number, now: number): FleetEntry {
  return {
    id,
    name,
    assignment: null,
    pairingCode: null,
    tokenHash: undefined,
    managed: false,
    touched: false,
    persistent: true,
    sockets: 0,
    lastSeen: now,
    revision,
    userAgent: undefined,
    screen: undefined,
    clockSkewMs: undefined,
  };
}

export function sameAssignment(a: Assignment | null, b: Assignment | null): boolean {
  return a?.view === b?.view && (a?.view !== 'room' || a.venueId === b?.venueId);
}

export function entryFromRecord(record: DisplayRecord): FleetEntry {
  return {
    id: record.id,
    name: record.name,
    assignment: record.view === 'room' ? { view: 'room', venueId: record.venueId } : { view: 'lobby' },
    pairingCode: null,
    tokenHash: record.tokenHash,
    managed: record.managed,
    touched: record.touched ?? record.managed,
    persistent: true,
    sockets: 0,
    lastSeen: record.lastSeen,
    revision: record.revision,
    userAgent: record.userAgent,
    screen: record.screen,
    clockSkewMs: record.clockSkewMs,
    directions: record.directions,
    language: record.language,
    secondLanguage: record.secondLanguage,
    rotationSeconds: record.rotationSeconds,
  };
}

/** What the other nodes of a cluster hear of an entry connected here. */
export function peerEntryOf(entry: FleetEntry, status: DisplayStatus): PeerEntry {
  return {
    status,
    tokenHash: entry.tokenHash,
    managed: entry.managed,
    touched: entry.touched,
    persistent: entry.persistent,
  };
}

/** This node's offline copy of a screen another node holds. */
export function entryFromPeer({ status, tokenHash, managed, touched }: PeerEntry): FleetEntry {
  return {
    id: status.id,
    name: status.name,
    assignment: status.view === 'room' ? { view: 'room', venueId: status.venueId } : { view: 'lobby' },
    pairingCode: null,
    tokenHash,
    managed,
    touched,
    persistent: true,
    sockets: 0,
    lastSeen: Date.parse(status.lastSeen),
    revision: status.revision,
    userAgent: status.userAgent,
    screen: status.screen,
    clockSkewMs: status.clockSkewMs,
    directions: status.directions,
    language: status.language,
    // Kept whole: the node staff ask stores this copy when it changes the screen.
    secondLanguage: status.languages?.[1],
    rotationSeconds: status.rotationSeconds,
  };
}

/** The stored form, or undefined for an entry that is not to be stored (pending or per-connection). */
export function recordFromEntry(entry: FleetEntry): DisplayRecord | undefined {
  if (!entry.persistent || !entry.assignment) return undefined;
  return {
    id: entry.id,
    name: entry.name,
    view: entry.assignment.view,
    venueId: entry.assignment.view === 'room' ? entry.assignment.venueId : undefined,
    tokenHash: entry.tokenHash,
    managed: entry.managed,
    touched: entry.touched,
    lastSeen: entry.lastSeen,
    revision: entry.revision,
    userAgent: entry.userAgent,
    screen: entry.screen,
    clockSkewMs: entry.clockSkewMs,
    directions: entry.directions,
    language: entry.language,
    secondLanguage: entry.secondLanguage,
    rotationSeconds: entry.rotationSeconds,
  };
}

/**
 * A screen's languages as the screen and the panel see them: `language` (the first, as before
 * rotations existed), `languages` with both and `rotationSeconds` on a bilingual screen.
 */
function languageFields(entry: FleetEntry): Pick<DisplayStatus, 'language' | 'languages' | 'rotationSeconds'> {
  if (entry.language === undefined) return {};
  if (entry.secondLanguage === undefined) return { language: entry.language, languages: [entry.language] };
  return {
    language: entry.language,
    languages: [entry.language, entry.secondLanguage],
    rotationSeconds: entry.rotationSeconds ?? ROTATION_SECONDS.default,
  };
}

/** What the screen itself is told about its assignment. */
export function assignmentMessage(entry: FleetEntry & { assignment: Assignment }): DisplayAssignment {
  const message: DisplayAssignment = { displayId: entry.id, name: entry.name, view: entry.assignment.view };
  if (entry.assignment.view === 'room' && entry.assignment.venueId !== undefined)
    message.venueId = entry.assignment.venueId;
  if (entry.directions && Object.keys(entry.directions).length) message.directions = { ...entry.directions };
  Object.assign(message, languageFields(entry));
  return message;
}

export function isStale(entry: FleetEntry, now: number, staleAfterMs: number): boolean {
  return entry.sockets > 0 && now - entry.lastSeen > staleAfterMs;
}

/** What GET /api/displays and the panel's `displays` event show of an assigned entry. */
export function statusOf(
  entry: FleetEntry & { assignment: Assignment },
  now: number,
  staleAfterMs: number,
): DisplayStatus {
  const status: DisplayStatus = {
    id: entry.id,
    name: entry.name,
    view: entry.assignment.view,
    connected: entry.sockets > 0,
    lastSeen: new Date(entry.lastSeen).toISOString(),
    revision: entry.revision,
    stale: isStale(entry, now, staleAfterMs),
    counted: isCounted(entry, now),
  };
  if (entry.assignment.view === 'room' && entry.assignment.venueId !== undefined)
    status.venueId = entry.assignment.venueId;
  if (entry.userAgent !== undefined) status.userAgent = entry.userAgent;
  if (entry.screen !== undefined) status.screen = { ...entry.screen };
  if (entry.clockSkewMs !== undefined) status.clockSkewMs = entry.clockSkewMs;
  if (entry.directions && Object.keys(entry.directions).length) status.directions = { ...entry.directions };
  Object.assign(status, languageFields(entry));
  return status;
}
