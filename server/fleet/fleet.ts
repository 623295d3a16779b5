/**
 * The fleet as staff see it: on one node, exactly the display registry; in a cluster, every
 * node's screens. Each node keeps the registry of the screens connected to it (a screen's socket
 * lives on one node) and tells the others about them over a PeerChannel (socket.io's
 * serverSideEmit through the Redis adapter):
 *
 * - `entries`: the screens connected here that changed since the last message (throttled), and
 *   the ones that left. Receivers list them and keep an offline copy (learn) so a screen that
 *   fails over to them keeps its identity and staff's assignment.
 * - `alive`: three times per peer timeout (PEER_TIMEOUT_MS, 6 s by default). A node not heard
 *   from for that long is gone: its screens show offline (from the copies) until they reconnect to a node that is alive.
 *   Every message carries its sender's timeout, which sets how often it beats: a receiver with a
 *   shorter one waits as long as the sender's (silenceAllowedMs).
 * - `apply`: a staff action (rename, reassign, identify, reload, forget) is applied by the node
 *   that received it and by every other node, so the node holding the screen's socket delivers it.
 *   `stored` says whether the sender stored it; when it could not (no copy of the screen yet), the
 *   node holding the screen does.
 * - `ask` pair: the pairing code is known only to the node the waiting screen is connected to.
 *
 * No per-socket state is added: a single node (no channel) costs nothing more per screen.
 */
import type { DisplayStatus } from '../../shared/protocol.ts';
import { refusal } from '../../shared/refusal-codes.ts';
import { NotFoundError, UnavailableError } from '../platform/errors.ts';
import { UNSTORED, type DisplayRegistry, type PeerEntry } from './display-registry.ts';
import type { Assignment } from './fleet-entry.ts';
import type { Language } from '../../shared/languages.ts';
import { HEARTBEATS_PER_TIMEOUT, PEER_TIMEOUT_MS, peerTimeoutProblem, silenceAllowedMs } from './peer-timeout.ts';

export { PEER_TIMEOUT_MS } from './peer-timeout.ts';

/** Peers hear of fleet changes at most this often (a reconnect storm is one message, not thousands). */
export const GOSSIP_MS = 250;

export interface DisplayChange {
  name?: string | undefined;
  assignment?: Assignment | undefined;
  directions?: Record<string, string> | undefined;
  language?: Language | undefined;
}

export type FleetMutation =
  | { type: 'update'; id: string; change: DisplayChange }
  | { type: 'forget'; id: string }
  | { type: 'forget-offline' }
  | { type: 'command'; id: string; command: { type: 'identify' } | { type: 'reload' } };

type PeerMessageBody =
  | { kind: 'hello' }
  | { kind: 'alive' }
  | { kind: 'entries'; entries: PeerEntry[]; gone: string[] }
  | {
      kind: 'apply';
      mutation: FleetMutation;
      /**
       * Whether the sender stored the change. False when it had no copy of the screen (the
       * holder's gossip had not reached it yet, or the holder does not keep it as persistent): the
       * holder stores it then. Absent from an older node: taken as stored, because every older
       * version stores a change itself whenever it has the copy, and storing it twice is what
       * `persist: false` prevents (a failed second write would undo the first).
       */
      stored?: boolean;
    };

export type PeerMessage = PeerMessageBody & {
  node: string;
  /** The sender's peer timeout (ms); absent from a node of an older version. */
  timeoutMs?: number;
};

export interface PairRequest {
  code: string;
  assignment: Assignment;
  name: string;
}

/**
 * A node's answer to a pairing request: the screen it paired (and stored), null when the code is
 * not shown on that node, `unstored` when it was but the database did not take the record, or
 * `unconfirmed` when the node that took it never said how its write ended (it died, or the write hung).
 */
export type PairAnswer = DisplayStatus | null | { unstored: true } | { unconfirmed: true };

/** What staff read when the node pairing the screen did not say whether it worked. */
export const PAIRING_UNCONFIRMED =
  'the pairing was not confirmed in time: check the fleet list for the screen before pairing it again';

type ActionResult = DisplayStatus | boolean | number | undefined;

/** How the nodes of a cluster reach each other (server/realtime/peer-channel.ts). */
export interface PeerChannel {
  readonly node: string;
  /** To every other node, in order. */
  publish(message: PeerMessage): void;
  onMessage(listener: (message: PeerMessage) => void): () => void;
  /**
   * The answers of the nodes that show this code, once their writes have settled: empty when
   * every node said it does not show it; `unconfirmed` when an outcome did not come in time (or
   * this node closed meanwhile). Not bounded by how long a node takes to answer a request: a node
   * showing the code says so at once, and its write may take longer. Rejects (UnavailableError)
   * when the other nodes could not be asked.
   */
  askPair(request: PairRequest): Promise<PairAnswer[]>;
  /** The handler gives undefined, at once, when the code is not shown on this node. */
  onPairAsked(handler: (request: PairRequest) => Promise<PairAnswer> | undefined): () => void;
  /** Answers every pairing still waiting for its outcome as unconfirmed (the node is closing). */
  close(): void;
}

interface Peer {
  heard: number;
  /** The peer's own timeout, as it last said: it beats three times per that. */
  timeoutMs: number | undefined;
  entries: Map<string, PeerEntry>;
}

export class Fleet {
  private readonly peers = new Map<string, Peer>();
  private readonly listeners = new Set<() => void>();
  /** What the peers last heard of each screen connected here (JSON, to send only what changed). */
  private published = new Map<string, string>();
  private readonly stops: Array<() => void> = [];
  private gossipTimer: ReturnType<typeof setTimeout> | undefined;

  private channel: PeerChannel | undefined;

  constructor(
    readonly registry: DisplayRegistry,
    private readonly onError: (error: unknown) => void = () => undefined,
    private readonly now: () => number = Date.now,
    private readonly peerTimeoutMs = PEER_TIMEOUT_MS,
  ) {
    const problem = peerTimeoutProblem(peerTimeoutMs);
    if (problem) throw new Error(`the peer timeout ${problem} (got ${peerTimeoutMs} ms)`);
    this.stops.push(registry.onChange(() => this.changed()));
  }

  /** Makes this node one of a cluster's: from now on the fleet is every node's. */
  joinCluster(channel: PeerChannel): void {
    this.channel = channel;
    this.registry.setConnectedElsewhere((id) => this.remoteStatus(id) !== undefined);
    this.stops.push(
      channel.onMessage((message) => this.receive(message)),
      channel.onPairAsked((request) => this.pairHere(request)),
      this.registry.onChange(() => this.gossipSoon()),
    );
    const heartbeat = setInterval(() => {
      this.send({ kind: 'alive' });
      this.sweep();
    }, this.peerTimeoutMs / HEARTBEATS_PER_TIMEOUT);
    heartbeat.unref();
    this.stops.push(() => clearInterval(heartbeat));
    this.send({ kind: 'hello' });
    this.gossipSoon();
  }

  close(): void {
    for (const stop of this.stops) stop();
    clearTimeout(this.gossipTimer);
    // Pairings asked of other nodes and still waiting are answered now, not when their wait ends.
    this.channel?.close();
  }

  /** Every screen of the cluster; a screen connected somewhere shows as connected. */
  list(): DisplayStatus[] {
    const merged = new Map(this.registry.list().map((status) => [status.id, status]));
    for (const peer of this.peers.values()) {
      for (const [id, entry] of peer.entries) {
        if (!merged.get(id)?.connected) merged.set(id, entry.status);
      }
    }
    return [...merged.values()];
  }

  get(id: string): DisplayStatus | undefined {
    const local = this.registry.get(id);
    if (local?.connected) return local;
    return this.remoteStatus(id) ?? local;
  }

  /** Settles once the screen's record is durable, on whichever node holds the waiting screen. */
  async pair(code: string, assignment: Assignment, name: string): Promise<DisplayStatus> {
    try {
      return await this.registry.pair(code, assignment, name);
    } catch (error) {
      if (!(error instanceof NotFoundError) || !this.channel) throw error;
      const answers = await this.channel.askPair({ code, assignment, name });
      const paired = answers.find(
        (answer): answer is DisplayStatus => answer !== null && !('unstored' in answer) && !('unconfirmed' in answer),
      );
      if (paired) return paired;
      if (answers.some((answer) => answer !== null && 'unconfirmed' in answer))
        throw new UnavailableError(PAIRING_UNCONFIRMED, refusal('pairing.unconfirmed'));
      if (answers.some((answer) => answer !== null)) throw new UnavailableError(UNSTORED);
      throw error;
    }
  }

  async update(id: string, change: DisplayChange): Promise<DisplayStatus> {
    const status = (await this.applyHere({ type: 'update', id, change })) as DisplayStatus;
    return this.withConnection(status);
  }

  /** False when the screen is connected to no node (commands are not queued). */
  async command(id: string, command: { type: 'identify' } | { type: 'reload' }): Promise<boolean> {
    const sentHere = (await this.applyHere({ type: 'command', id, command })) as boolean;
    return sentHere || this.remoteStatus(id) !== undefined;
  }

  async forget(id: string): Promise<void> {
    await this.applyHere({ type: 'forget', id });
  }

  async forgetOffline(): Promise<number> {
    return (await this.applyHere({ type: 'forget-offline' })) as number;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Applies a staff action here, where it is stored before this settles (errors reach the
   * caller, and a failed one reaches no other node), then on every other node.
   */
  private async applyHere(mutation: FleetMutation): Promise<ActionResult> {
    const heldElsewhere = this.remoteStatus('id' in mutation ? mutation.id : '') !== undefined;
    const { result, stored } = await this.apply(mutation, { heldElsewhere, persist: true });
    if (this.channel) this.send({ kind: 'apply', mutation, stored });
    return result;
  }

  /**
   * One staff action on this node's registry. `heldElsewhere`: another node holds the screen, so
   * this node's copy may be missing or an offline copy; not knowing it is then no error (and
   * nothing was stored: `stored` is false). `persist: false`: another node has stored it; this
   * node follows in memory and tells its own screens, but does not write it again (see
   * StaffActionOptions).
   */
  private async apply(
    mutation: FleetMutation,
    { heldElsewhere, persist }: { heldElsewhere: boolean; persist: boolean },
  ): Promise<{ result: ActionResult; stored: boolean }> {
    const options = { persist };
    try {
      switch (mutation.type) {
        case 'update':
          return { result: await this.registry.update(mutation.id, mutation.change, options), stored: persist };
        case 'command':
          return { result: this.registry.command(mutation.id, mutation.command), stored: persist };
        case 'forget':
          await this.registry.forget(mutation.id, options);
          return { result: undefined, stored: persist };
        case 'forget-offline':
          return { result: await this.registry.forgetOffline(options), stored: persist };
      }
    } catch (error) {
      if (!(error instanceof NotFoundError) || !heldElsewhere) throw error;
      return { result: mutation.type === 'update' ? this.remoteStatus(mutation.id) : false, stored: false };
    }
  }

  private withConnection(status: DisplayStatus): DisplayStatus {
    if (status.connected) return status;
    const remote = this.remoteStatus(status.id);
    return remote ? { ...status, connected: true, lastSeen: remote.lastSeen, revision: remote.revision } : status;
  }

  private remoteStatus(id: string): DisplayStatus | undefined {
    for (const peer of this.peers.values()) {
      const entry = peer.entries.get(id);
      if (entry) return entry.status;
    }
    return undefined;
  }

  /** Undefined at once when the code is not shown here; otherwise the pairing, once stored. */
  private pairHere({ code, assignment, name }: PairRequest): Promise<PairAnswer> | undefined {
    if (!this.registry.showsCode(code)) return undefined;
    return this.registry.pair(code, assignment, name).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      if (error instanceof UnavailableError) return { unstored: true };
      throw error;
    });
  }

  private receive(message: PeerMessage): void {
    const channel = this.channel!;
    if (message.node === channel.node) return;
    const peer = this.peers.get(message.node) ?? {
      heard: 0,
      timeoutMs: undefined,
      entries: new Map<string, PeerEntry>(),
    };
    const isNew = !this.peers.has(message.node);
    peer.heard = this.now();
    if (message.timeoutMs !== undefined) peer.timeoutMs = message.timeoutMs;
    this.peers.set(message.node, peer);
    switch (message.kind) {
      case 'hello':
        // A node that just started knows nothing yet: tell it everything.
        this.published = new Map();
        this.gossipSoon();
        break;
      case 'alive':
        if (isNew) this.changed();
        break;
      case 'entries':
        for (const entry of message.entries) {
          if (entry.status.connected) peer.entries.set(entry.status.id, entry);
          else peer.entries.delete(entry.status.id);
          this.registry.learn(entry);
        }
        for (const id of message.gone) peer.entries.delete(id);
        this.changed();
        break;
      case 'apply': {
        // The node staff asked has stored the change already, and this node's copy follows it;
        // unless it could not, then the node holding the screen's socket stores it (one node, so
        // that the change is written once).
        const { mutation } = message;
        const holdsIt = 'id' in mutation && this.registry.get(mutation.id)?.connected === true;
        const persist = message.stored === false && holdsIt;
        this.apply(mutation, { heldElsewhere: true, persist }).catch(this.onError);
        break;
      }
    }
  }

  /** Peers not heard from in time are gone, and so is their screens' connection. */
  private sweep(): void {
    const now = this.now();
    let changed = false;
    for (const [node, peer] of this.peers) {
      if (now - peer.heard <= silenceAllowedMs(this.peerTimeoutMs, peer.timeoutMs)) continue;
      this.peers.delete(node);
      changed = true;
    }
    if (changed) this.changed();
  }

  private gossipSoon(): void {
    if (this.gossipTimer !== undefined) return;
    this.gossipTimer = setTimeout(() => {
      this.gossipTimer = undefined;
      this.gossip();
    }, GOSSIP_MS);
    this.gossipTimer.unref();
  }

  private gossip(): void {
    const current = new Map<string, string>();
    const entries: PeerEntry[] = [];
    for (const entry of this.registry.connectedHere()) {
      const text = JSON.stringify(entry);
      current.set(entry.status.id, text);
      if (this.published.get(entry.status.id) !== text) entries.push(entry);
    }
    const gone: string[] = [];
    for (const id of this.published.keys()) {
      if (current.has(id)) continue;
      const left = this.registry.get(id);
      if (left) entries.push({ status: left, managed: false, touched: false, persistent: false });
      else gone.push(id);
    }
    this.published = current;
    if (entries.length > 0 || gone.length > 0) this.send({ kind: 'entries', entries, gone });
  }

  /** To every other node, signed with this node's name and timeout. */
  private send(body: PeerMessageBody): void {
    const channel = this.channel!;
    channel.publish({ ...body, node: channel.node, timeoutMs: this.peerTimeoutMs });
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
