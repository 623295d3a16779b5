/**
 * The display fleet: every screen the server knows, what it shows, whether it is connected and
 * which revision it last rendered — behind GET /api/displays, the panel's `displays` event and
 * the staff commands (pair, rename, reassign, identify, reload, forget).
 *
 * Identity: a screen presents a displayId and its own secret token. The first token presented for
 * an id binds it (only a hash is kept); later claims on that id must present the same token, and a
 * wrong one gets the claimant a fresh identity instead — nobody can pose as another screen.
 *
 * Assignment: a bare /display page asks for none ('unassigned') and gets a pairing code until
 * staff pair it. A page opened at /display/room/CR3 registers with what its URL says, unless staff
 * have since chosen its assignment themselves (managed): staff's choice then wins.
 *
 * Records live in the store once attachStore has been called (write-behind for screen reports, see
 * fleet-writer.ts); a staff action settles once its record is durable, and is undone in memory
 * when the write fails. After a restart every record is back, offline until its screen reconnects.
 */
import type { DisplayReport, DisplayStatus } from '../../shared/protocol.ts';
import type { Language } from '../../shared/languages.ts';
import { NotFoundError, UnavailableError } from '../platform/errors.ts';
import { refusal } from '../../shared/refusal-codes.ts';
import type { DisplayRecordStore } from './display-records.ts';
import { hashToken, newDisplayId, tokenMatches } from './display-secrets.ts';
import {
  assignmentMessage,
  entryFromRecord,
  isCounted,
  newEntry,
  UNPAIRED_TTL_MS,
  isStale,
  entryFromPeer,
  peerEntryOf,
  recordFromEntry,
  sameAssignment,
  staffFieldsOf,
  statusOf,
  type Assignment,
  type FleetEntry,
  type StaffFields,
} from './fleet-entry.ts';
import type { Admission, DisplayHello, FleetCommand, PeerEntry } from './fleet-messages.ts';
import { FleetWriter } from './fleet-writer.ts';
import { PairingCodes } from './pairing-codes.ts';

export type { Admission, DisplayHello, FleetCommand, PeerEntry };

/**
 * Beyond this many entries, disconnected screens staff never touched (renamed, assigned, paired)
 * are dropped, oldest first: anonymous sockets must not push staff's work out of the fleet.
 */
export const MAX_ENTRIES = 2000;
/** Screens are heard from every 25 s (socket.io's heartbeat): a silent minute means a hung page or link. */
export const STALE_AFTER_MS = 60_000;
export const IDENTIFY_MS = 8_000;

/** What staff read when the database did not take their change. */
export const UNSTORED = 'the display fleet could not be stored: nothing was changed, try again';

type AssignedEntry = FleetEntry & { assignment: Assignment };

/**
 * How a staff action reaches this registry. `persist: false`: another node of the cluster took it
 * and has stored it in the shared database already; this node only follows it (memory and its own
 * screens). Writing it again could only do harm: a write that failed here would undo the other
 * node's committed change, in memory and, through the next flush, in the database.
 */
export interface StaffActionOptions {
  persist?: boolean;
}

export class DisplayRegistry {
  private readonly entries = new Map<string, FleetEntry>();
  private readonly codes = new PairingCodes();
  private readonly listeners = new Set<() => void>();
  private readonly commandListeners = new Set<(id: string, command: FleetCommand) => void>();
  private readonly renderedListeners = new Set<(revision: number, previous: number) => void>();
  private writer: FleetWriter | undefined;
  private onStoreError: (error: unknown) => void = () => undefined;
  private staleIds = '';
  /** In a cluster: whether another node holds this screen connected (see fleet-peers.ts). */
  private connectedElsewhere: (id: string) => boolean = () => false;
  /**
   * The staff action last started on each screen: the next one on that screen waits for it. Two
   * overlapping writes would each take the other's values for "before", and a failed first write
   * would then undo the second one, which had been acknowledged.
   */
  private readonly staffActions = new Map<string, Promise<unknown>>();

  constructor(
    private readonly realNow: () => number = Date.now,
    private readonly staleAfterMs = STALE_AFTER_MS,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  /** Loads the stored records (all offline) and keeps every later change in the store. */
  attachStore(store: DisplayRecordStore, onError: (error: unknown) => void = () => undefined): void {
    for (const record of store.load())
      if (!this.entries.has(record.id)) this.entries.set(record.id, entryFromRecord(record));
    this.onStoreError = onError;
    this.writer = new FleetWriter(store, (id) => this.recordOf(id), onError);
    this.changed();
  }

  /** Writes what is pending, with connected screens last seen now, and stops writing. */
  detachStore(): void {
    const writer = this.writer;
    if (!writer) return;
    const now = this.realNow();
    for (const entry of this.entries.values()) {
      if (entry.sockets === 0) continue;
      entry.lastSeen = now;
      writer.later(entry.id);
    }
    writer.flush();
    this.writer = undefined;
  }

  admit(hello: DisplayHello): Admission {
    let entry = hello.displayId === undefined ? undefined : this.entries.get(hello.displayId);
    let id = hello.displayId;
    if (entry && !this.mayClaim(entry, hello.token)) {
      entry = undefined;
      id = undefined;
    }
    if (id === undefined && hello.token !== undefined) id = this.freshId();
    if (id === undefined) return this.admitAnonymous(hello);

    if (!entry) {
      entry = newEntry(id, hello.name ?? 'New screen', hello.revision, this.realNow());
    } else {
      this.entries.delete(id); // re-inserted below: the map's order is "least recently connected first"
    }
    if (entry.tokenHash === undefined && hello.token !== undefined) entry.tokenHash = hashToken(hello.token);
    if (entry.sockets === 0) entry.connectedSince = this.realNow();
    entry.sockets += 1;
    entry.lastSeen = this.realNow();
    entry.revision = Math.max(entry.revision, hello.revision);
    if (hello.userAgent !== undefined) entry.userAgent = hello.userAgent;
    if (hello.screen !== undefined) entry.screen = hello.screen;

    if (hello.view !== 'unassigned' && !(entry.managed && entry.assignment)) {
      // The page's URL decides for a screen staff have not taken over.
      const assignment: Assignment =
        hello.view === 'room' ? { view: 'room', venueId: hello.venueId } : { view: 'lobby' };
      if (!sameAssignment(entry.assignment, assignment)) entry.name = hello.name ?? hello.defaultName(assignment);
      else if (hello.name !== undefined) entry.name = hello.name;
      entry.assignment = assignment;
      this.codes.release(entry);
    }
    this.entries.set(id, entry);
    this.prune();
    this.writer?.later(id);
    this.changed();
    if (entry.assignment) return { id, kind: 'assigned', assignment: assignmentMessage(entry as AssignedEntry) };
    return { id, kind: 'pairing', pairing: { displayId: id, code: this.codes.issue(entry) } };
  }

  disconnected(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.sockets = Math.max(0, entry.sockets - 1);
    if (entry.sockets === 0) entry.connectedSince = undefined;
    entry.lastSeen = this.realNow();
    this.writer?.later(id);
    this.changed();
  }

  rendered(id: string, revision: number): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    const previous = entry.revision;
    entry.revision = revision;
    entry.lastSeen = this.realNow();
    for (const listener of this.renderedListeners) listener(revision, previous);
    this.writer?.later(id);
    if (entry.assignment) this.changed();
  }

  /** Any sign of life (heartbeat, clock sync). Not broadcast: it changes nothing visible. */
  seen(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.lastSeen = this.realNow();
    this.writer?.later(id);
  }

  report(id: string, report: DisplayReport): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    if (report.screen !== undefined) entry.screen = report.screen;
    if (report.clockSkewMs !== undefined) entry.clockSkewMs = Math.round(report.clockSkewMs);
    entry.lastSeen = this.realNow();
    this.writer?.later(id);
    if (entry.assignment) this.changed();
  }

  list(): DisplayStatus[] {
    const now = this.realNow();
    return this.assigned().map((entry) => statusOf(entry, now, this.staleAfterMs));
  }

  get(id: string): DisplayStatus | undefined {
    const entry = this.entries.get(id);
    return entry?.assignment ? statusOf(entry as AssignedEntry, this.realNow(), this.staleAfterMs) : undefined;
  }

  /**
   * Binds the screen showing this code to an assignment; it switches once the record is stored.
   * Until then its code stays taken (a second pair with it finds the screen assigned).
   */
  async pair(code: string, assignment: Assignment, name: string): Promise<DisplayStatus> {
    return this.oneAtATime(this.waitingEntry(code).id, () => this.pairNow(code, assignment, name));
  }

  /** Whether a screen here shows this pairing code, waiting for staff. */
  showsCode(code: string): boolean {
    return this.waitingFor(code) !== undefined;
  }

  private waitingFor(code: string): FleetEntry | undefined {
    const id = this.codes.find(code);
    const entry = id === undefined ? undefined : this.entries.get(id);
    return entry && !entry.assignment ? entry : undefined;
  }

  /** The screen showing this pairing code; NotFoundError when none does. */
  private waitingEntry(code: string): FleetEntry {
    const entry = this.waitingFor(code);
    if (!entry)
      throw new NotFoundError(
        `code: no screen is showing the pairing code ${code}`,
        'code',
        refusal('pairing.unknown-code', { code }),
      );
    return entry;
  }

  private async pairNow(code: string, assignment: Assignment, name: string): Promise<DisplayStatus> {
    const entry = this.waitingEntry(code);
    const before = staffFieldsOf(entry);
    entry.assignment = assignment;
    entry.name = name;
    entry.managed = true;
    entry.touched = true;
    entry.persistent = true;
    await this.stored(entry, before, () => this.writer?.now(entry.id));
    this.codes.release(entry);
    return this.staffChanged(entry as AssignedEntry);
  }

  /** Renames and/or reassigns a screen; a reassigned screen is managed by staff from then on. */
  update(
    id: string,
    change: {
      name?: string | undefined;
      assignment?: Assignment | undefined;
      directions?: Record<string, string> | undefined;
      language?: Language | undefined;
      /** Replaces both languages: a second one, or null for a single-language screen. */
      secondLanguage?: Language | null | undefined;
      rotationSeconds?: number | undefined;
    },
    { persist = true }: StaffActionOptions = {},
  ): Promise<DisplayStatus> {
    return this.oneAtATime(id, () => this.updateNow(id, change, persist));
  }

  private async updateNow(id: string, change: Parameters<DisplayRegistry['update']>[1], persist: boolean) {
    const entry = this.assignedEntry(id);
    const before = staffFieldsOf(entry);
    entry.touched = true;
    if (change.name !== undefined) entry.name = change.name;
    if (change.directions !== undefined) entry.directions = change.directions;
    if (change.language !== undefined) entry.language = change.language;
    if (change.secondLanguage !== undefined) entry.secondLanguage = change.secondLanguage ?? undefined;
    if (change.rotationSeconds !== undefined) entry.rotationSeconds = change.rotationSeconds;
    if (change.assignment !== undefined) {
      entry.assignment = change.assignment;
      entry.managed = true;
    }
    if (persist) await this.stored(entry, before, () => this.writer?.now(entry.id));
    return this.staffChanged(entry);
  }

  /**
   * Removes a screen's record; a connected one goes back to showing a pairing code. The entry
   * leaves memory first, so no routine flush meanwhile writes it back; a failed delete restores it.
   */
  forget(id: string, { persist = true }: StaffActionOptions = {}): Promise<void> {
    return this.oneAtATime(id, () => this.forgetNow(id, persist));
  }

  private async forgetNow(id: string, persist: boolean): Promise<void> {
    const entry: FleetEntry = this.assignedEntry(id);
    const before = staffFieldsOf(entry);
    if (entry.sockets === 0) {
      this.entries.delete(id);
    } else {
      entry.assignment = null;
      entry.managed = false;
      entry.touched = false;
    }
    if (persist) await this.stored(entry, before, () => this.writer?.removeNow([id]));
    if (entry.assignment === null && this.entries.has(id))
      this.send(id, { event: 'pairing', args: [{ displayId: id, code: this.codes.issue(entry) }] });
    this.changed();
  }

  /** Forgets every screen that is offline now (the bulk "forget offline screens"); returns how many. */
  async forgetOffline({ persist = true }: StaffActionOptions = {}): Promise<number> {
    const offline = this.assigned().filter((entry) => entry.sockets === 0 && !this.connectedElsewhere(entry.id));
    if (offline.length === 0) return 0;
    for (const entry of offline) this.entries.delete(entry.id);
    if (!persist) {
      this.changed();
      return offline.length;
    }
    try {
      await this.writer?.removeNow(offline.map((entry) => entry.id));
    } catch (error) {
      for (const entry of offline) if (!this.entries.has(entry.id)) this.entries.set(entry.id, entry);
      throw this.unstored(error);
    }
    this.changed();
    return offline.length;
  }

  /** Sends a command to one screen; false when it is not connected (nothing is queued). */
  command(id: string, command: { type: 'identify' } | { type: 'reload' }): boolean {
    const entry = this.assignedEntry(id);
    this.send(
      id,
      command.type === 'identify'
        ? { event: 'identify', args: [{ name: entry.name, durationMs: IDENTIFY_MS }] }
        : { event: 'reload', args: [] },
    );
    return entry.sockets > 0;
  }

  /** The screens connected to this node, as the other nodes of a cluster hear of them. */
  connectedHere(): PeerEntry[] {
    const now = this.realNow();
    return this.assigned()
      .filter((entry) => entry.sockets > 0)
      .map((entry) => peerEntryOf(entry, statusOf(entry, now, this.staleAfterMs)));
  }

  /**
   * Keeps a copy of a screen another node holds, so that this node knows it (token, staff's
   * assignment) when the screen fails over here. Not stored: the node holding it stores it. Never
   * replaces a screen connected here, which this node knows best.
   */
  learn(peer: PeerEntry): void {
    const local = this.entries.get(peer.status.id);
    if (!peer.persistent || (local && local.sockets > 0)) return;
    const entry = entryFromPeer(peer);
    if (local) {
      entry.pairingCode = local.pairingCode;
      entry.proven = local.proven;
    }
    this.entries.set(entry.id, entry);
    this.changed();
  }

  /** In a cluster, screens other nodes hold are neither pruned nor forgotten as offline here. */
  setConnectedElsewhere(predicate: (id: string) => boolean): void {
    this.connectedElsewhere = predicate;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Commands for one screen's sockets (the realtime layer delivers them to that screen's sockets). */
  onCommand(listener: (id: string, command: FleetCommand) => void): () => void {
    this.commandListeners.add(listener);
    return () => this.commandListeners.delete(listener);
  }

  /** Every rendered confirmation, with the revision the screen had before (for the latency metric). */
  onRendered(listener: (revision: number, previous: number) => void): () => void {
    this.renderedListeners.add(listener);
    return () => this.renderedListeners.delete(listener);
  }

  /** Tells the listeners when a screen became stale or recovered (called by a timer). */
  checkStale(): void {
    const now = this.realNow();
    this.applyGhostRule(now);
    const staleIds = this.assigned()
      .filter((entry) => isStale(entry, now, this.staleAfterMs))
      .map((entry) => entry.id)
      .join('\n');
    if (staleIds === this.staleIds) return;
    this.staleIds = staleIds;
    this.changed();
  }

  /** Promotes screens that stayed connected long enough; drops never-paired ones offline for a day. */
  private applyGhostRule(now: number): void {
    let changed = false;
    const dropped: string[] = [];
    for (const entry of this.entries.values()) {
      if (!entry.managed && !entry.proven && isCounted(entry, now)) {
        entry.proven = true;
        changed = true;
      }
      const gone = entry.sockets === 0 && !this.connectedElsewhere(entry.id);
      if (!entry.managed && gone && now - entry.lastSeen > UNPAIRED_TTL_MS) {
        this.codes.release(entry);
        this.entries.delete(entry.id);
        if (entry.persistent) dropped.push(entry.id);
        changed = true;
      }
    }
    if (dropped.length > 0) this.writer?.remove(dropped);
    if (changed) this.changed();
  }

  private mayClaim(entry: FleetEntry, token: string | undefined): boolean {
    if (!entry.persistent) return false; // per-connection ids are nobody's to take over
    if (entry.tokenHash === undefined) return true; // no token bound yet: the first one binds it
    return token !== undefined && tokenMatches(entry.tokenHash, token);
  }

  private admitAnonymous(hello: DisplayHello): Admission {
    const entry = newEntry(hello.socketId, hello.name ?? 'New screen', hello.revision, this.realNow());
    entry.persistent = false;
    entry.sockets = 1;
    if (hello.view !== 'unassigned') {
      entry.assignment = hello.view === 'room' ? { view: 'room', venueId: hello.venueId } : { view: 'lobby' };
      entry.name = hello.name ?? hello.defaultName(entry.assignment);
    }
    this.entries.set(entry.id, entry);
    this.prune();
    this.changed();
    return { id: entry.id, kind: 'anonymous' };
  }

  private freshId(): string {
    let id = newDisplayId();
    while (this.entries.has(id)) id = newDisplayId();
    return id;
  }

  private assigned(): AssignedEntry[] {
    return [...this.entries.values()].filter((entry): entry is AssignedEntry => entry.assignment !== null);
  }

  private assignedEntry(id: string): AssignedEntry {
    const entry = this.entries.get(id);
    if (!entry?.assignment)
      throw new NotFoundError(`no display with id ${id}`, undefined, refusal('display.not-found', { id }));
    return entry as AssignedEntry;
  }

  /** Runs a staff action on one screen once the actions started on it before have settled. */
  private oneAtATime<T>(id: string, action: () => Promise<T>): Promise<T> {
    const previous = this.staffActions.get(id);
    // Nothing pending: the action starts at once, as if it were called directly.
    const result = previous ? previous.then(action) : action();
    const settled = result.catch(() => undefined);
    this.staffActions.set(id, settled);
    void settled.then(() => {
      if (this.staffActions.get(id) === settled) this.staffActions.delete(id);
    });
    return result;
  }

  /**
   * Runs a staff change's write. When the database does not take it, the entry gets back what
   * staff had changed (what screens reported meanwhile stays), is put back if it had been taken
   * out, and is queued for the next flush, so memory and the stored record agree again.
   */
  private async stored(entry: FleetEntry, before: StaffFields, write: () => Promise<void> | undefined): Promise<void> {
    try {
      await write();
    } catch (error) {
      Object.assign(entry, before);
      if (!this.entries.has(entry.id)) this.entries.set(entry.id, entry);
      this.writer?.later(entry.id);
      this.changed();
      throw this.unstored(error);
    }
  }

  private unstored(error: unknown): UnavailableError {
    this.onStoreError(error);
    return new UnavailableError(UNSTORED);
  }

  /** A staff change, now durable: pushed to the screen and the panels. */
  private staffChanged(entry: AssignedEntry): DisplayStatus {
    this.send(entry.id, { event: 'assign', args: [assignmentMessage(entry)] });
    this.changed();
    return statusOf(entry, this.realNow(), this.staleAfterMs);
  }

  private recordOf(id: string) {
    const entry = this.entries.get(id);
    return entry && recordFromEntry(entry);
  }

  private prune(): void {
    const removed: string[] = [];
    for (const entry of this.entries.values()) {
      if (this.entries.size <= this.maxEntries) break;
      if (entry.sockets > 0 || entry.managed || entry.touched || this.connectedElsewhere(entry.id)) continue;
      this.codes.release(entry);
      this.entries.delete(entry.id);
      if (entry.persistent) removed.push(entry.id);
    }
    if (removed.length > 0) this.writer?.remove(removed);
  }

  private send(id: string, command: FleetCommand): void {
    for (const listener of this.commandListeners) listener(id, command);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
