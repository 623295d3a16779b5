/**
 * Clients of our server that behave like the display page on the wire: they connect to /display
 * with a view, their own displayId and secret token, and the revision and scheduleId of the copy
 * they hold; on every (re)connection they confirm what they show and sync the clock (5 time:sync
 * round trips, as display/data/schedule-client.ts does, then report their screen and clock
 * skew); they apply deltas and confirm each rendered revision. A change is a staff PATCH of a
 * session title through the REST API.
 */
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { Schedule } from '../../shared/model.ts';
import type { Delta, DisplayHandshake } from '../../shared/protocol.ts';
import { epochNow } from '../lib/ipc.ts';
import { openMany } from './receipts.ts';
import { mustFetch, type Pool, type PoolOptions } from './pool.ts';
import { retitle, signIn } from './staff-client.ts';

const CONNECT_TIMEOUT_MS = 30_000;
const CLOCK_SYNC_ROUNDS = 5;
const SCREEN = { width: 1920, height: 1080, orientation: 'landscape' } as const;

export interface SignagePoolOptions extends PoolOptions {
  password: string;
  /** The session whose title each change rewrites. */
  sessionId: string;
  /** socket.io-client's own reconnection, with its default delays (as the display page uses them). */
  reconnection: boolean;
  /** Override socket.io-client's reconnection delays (to measure a proposed setting). */
  reconnectionDelay?: number;
  reconnectionDelayMax?: number;
  randomizationFactor?: number;
  /** Confirm each revision as it arrives, as the display page does (default: after each round). */
  confirmEach?: boolean;
}

export class SignagePool implements Pool {
  private readonly sockets: Socket[] = [];
  /** Revision each client holds (what it would send in its handshake). */
  held = new Int32Array(0);
  /** Epoch ms of each client's latest (re)connection. */
  connectedAt = new Float64Array(0);
  /** Epoch ms of each client's latest lost connection, 0 for none. */
  disconnectedAt = new Float64Array(0);
  /** Reconnection attempts each client made (socket.io-client's reconnect_attempt). */
  attempts = new Int32Array(0);
  private venueIds: string[] = [];
  private tokens: string[] = [];
  private scheduleId: string | undefined;
  private cookie = '';
  private revision = 0;

  constructor(private readonly options: SignagePoolOptions) {}

  get size(): number {
    return this.sockets.length;
  }

  get connectedCount(): number {
    return this.sockets.filter((socket) => socket.connected).length;
  }

  /** Logs in and reads the schedule the clients start from (as if each had its copy already). */
  async prepare(): Promise<void> {
    this.cookie = await signIn(this.options.url, this.options.password);
    const schedule = (await (await mustFetch(`${this.options.url}/api/schedule`)).json()) as Schedule;
    this.revision = schedule.revision;
    this.scheduleId = schedule.scheduleId;
    this.venueIds = schedule.venues.filter((venue) => venue.kind === 'room').map((venue) => venue.id);
  }

  async connect(count: number): Promise<void> {
    const from = this.sockets.length;
    this.grow(from + count);
    this.held.fill(this.revision, from, from + count);
    await openMany(from, from + count, this.options.concurrency, (i) => this.open(i));
  }

  nextTarget(): number {
    return this.revision + 1;
  }

  async change(target: number): Promise<void> {
    const revision = await retitle(this.options.url, this.cookie, this.options.sessionId, target);
    if (revision !== target)
      throw new Error(`the change got revision ${revision}, expected ${target}: another writer?`);
    this.revision = revision;
  }

  afterRound(target: number): void {
    for (const socket of this.sockets) if (socket.connected) socket.emit('rendered', target);
  }

  close(): void {
    for (const socket of this.sockets) socket.close();
    this.sockets.length = 0;
  }

  private grow(size: number): void {
    const held = new Int32Array(size);
    held.set(this.held);
    this.held = held;
    const connectedAt = new Float64Array(size);
    connectedAt.set(this.connectedAt);
    this.connectedAt = connectedAt;
    const disconnectedAt = new Float64Array(size);
    disconnectedAt.set(this.disconnectedAt);
    this.disconnectedAt = disconnectedAt;
    const attempts = new Int32Array(size);
    attempts.set(this.attempts);
    this.attempts = attempts;
  }

  private handshake(i: number): DisplayHandshake {
    this.tokens[i] ??= randomBytes(16).toString('hex');
    const identity = {
      displayId: `bench-${i}`,
      token: this.tokens[i],
      screen: SCREEN,
      revision: this.held[i]!,
      ...(this.scheduleId === undefined ? {} : { scheduleId: this.scheduleId }),
    };
    // One lobby board for every nine door displays, spread over the rooms.
    return i % 10 === 9
      ? { view: 'lobby', ...identity }
      : { view: 'room', venueId: this.venueIds[i % this.venueIds.length]!, ...identity };
  }

  private open(i: number): Promise<void> {
    const { receipts } = this.options;
    const socket = io(`${this.options.url}/display`, {
      forceNew: true,
      transports: ['websocket'],
      reconnection: this.options.reconnection,
      ...(this.options.reconnectionDelay === undefined ? {} : { reconnectionDelay: this.options.reconnectionDelay }),
      ...(this.options.reconnectionDelayMax === undefined
        ? {}
        : { reconnectionDelayMax: this.options.reconnectionDelayMax }),
      ...(this.options.randomizationFactor === undefined
        ? {}
        : { randomizationFactor: this.options.randomizationFactor }),
      auth: (cb) => cb(this.handshake(i) as unknown as Record<string, unknown>),
    });
    this.sockets[i] = socket;
    const hold = (revision: number) => {
      if (revision > this.held[i]!) this.held[i] = revision;
      receipts.saw(i, revision);
      if (this.options.confirmEach) socket.emit('rendered', revision);
    };
    socket.on('delta', (delta: Delta) => hold(delta.revision));
    socket.on('snapshot', (schedule: Schedule) => hold(schedule.revision));
    socket.on('connect', () => {
      this.connectedAt[i] = epochNow();
      socket.emit('rendered', this.held[i]);
      void this.syncClock(socket);
    });
    socket.on('disconnect', () => (this.disconnectedAt[i] = epochNow()));
    socket.io.on('reconnect_attempt', () => (this.attempts[i]! += 1));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`display client ${i}: not admitted within ${CONNECT_TIMEOUT_MS} ms`)),
        CONNECT_TIMEOUT_MS,
      );
      // The server sends the clock after the catch-up: from then on the client is fully admitted.
      socket.once('clock', () => (clearTimeout(timer), resolve()));
      socket.once('connect_error', (error) => {
        if (this.options.reconnection) return;
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  private async syncClock(socket: Socket): Promise<void> {
    try {
      for (let round = 0; round < CLOCK_SYNC_ROUNDS && socket.connected; round++) {
        await socket.timeout(2_000).emitWithAck('time:sync');
      }
      socket.emit('status', { screen: SCREEN, clockSkewMs: 0 });
    } catch {
      // A lost connection ends the sync; the display retries at its next connection too.
    }
  }
}
