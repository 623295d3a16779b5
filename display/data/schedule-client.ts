/**
 * The one owner of the display wire protocol. It keeps this screen's copy of the schedule
 * (snapshot, then deltas in revision order), the server clock model and the connection state,
 * persists them for offline restarts, and tells subscribers when anything changed. Components
 * never see a socket.
 */
import { io, type Socket } from 'socket.io-client';
import { applyDelta } from '../../shared/apply.ts';
import type { Schedule } from '../../shared/model.ts';
import {
  DISPLAY_NAMESPACE,
  type ClockState,
  type Delta,
  type DisplayClientToServer,
  type DisplayHandshake,
  type DisplayServerToClient,
} from '../../shared/protocol.ts';
import { clockAt, msToNextSecond, serverRealNow } from './clock-model.ts';
import { measureOffset } from './clock-sync.ts';
import { classifyDelta } from './revisions.ts';
import type { DisplayRoute } from './route.ts';
import { displayIdFor, loadState, saveState, type KeyValueStore } from './storage.ts';

export type DisplaySocket = Socket<DisplayServerToClient, DisplayClientToServer>;

/** What the screen knows right now. */
export interface ScreenState {
  schedule: Schedule | null;
  clock: ClockState | null;
  connected: boolean;
  /** Server-clock epoch ms when the link was lost (or first failed); null while connected. */
  offlineSince: number | null;
}

export interface ScheduleClientOptions {
  route: DisplayRoute;
  storage?: KeyValueStore;
  /** A staff preview: the server leaves it out of the fleet of screens. */
  preview?: boolean;
  /** Replaceable for tests; defaults to socket.io on this page's origin. */
  connect?: (auth: () => DisplayHandshake) => DisplaySocket;
  deviceNow?: () => number;
}

const RESYNC_RETRY_MS = 3_000;
const SYNC_EVERY_MS = 5 * 60_000;
const SYNC_TIMEOUT_MS = 2_000;
const SYNC_ROUNDS = 5;
/** A server that refused the handshake is not retried by socket.io itself. */
const REFUSED_RETRY_MS = 10_000;

export class ScheduleClient {
  private current: ScreenState;
  private offset = 0;
  private socket: DisplaySocket | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly storage: KeyValueStore | undefined;
  private readonly deviceNow: () => number;
  private readonly displayId: string;
  private lastResync: { revision: number; at: number } | null = null;
  private lastConfirmed = -1;
  private syncTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ScheduleClientOptions) {
    this.storage = options.storage;
    this.deviceNow = options.deviceNow ?? Date.now;
    const saved = loadState(this.storage);
    this.offset = saved?.offset ?? 0;
    this.current = {
      schedule: saved?.schedule ?? null,
      clock: saved?.clock ?? null,
      connected: false,
      offlineSince: null,
    };
    const route = options.route;
    this.displayId = displayIdFor(this.storage, route.view === 'room' ? `room-${route.venueId}` : 'lobby');
  }

  get state(): ScreenState {
    return this.current;
  }

  /** The server clock (venue instant, epoch ms), simulated or real. */
  now(): number {
    return clockAt(this.current.clock, serverRealNow(this.deviceNow(), this.offset));
  }

  /**
   * Delay until the next tick a clock display needs: the next whole second of the clock at
   * normal speed; once per real second for a fast or frozen simulated clock.
   */
  msToNextTick(): number {
    const speed = this.current.clock?.speed ?? 1;
    const reading = speed === 1 ? this.now() : serverRealNow(this.deviceNow(), this.offset);
    return msToNextSecond(reading);
  }

  /** Subscribing connects; the last unsubscribe disconnects. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.socket) this.open();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.close();
    };
  }

  /** The screen has rendered this revision: tell the server (once per revision). */
  confirmRendered(revision: number): void {
    if (!this.socket?.connected || revision <= this.lastConfirmed) return;
    this.lastConfirmed = revision;
    this.socket.emit('rendered', revision);
  }

  private handshake(): DisplayHandshake {
    const route = this.options.route;
    const auth: DisplayHandshake = { view: route.view, displayId: this.displayId };
    if (route.view === 'room') auth.venueId = route.venueId;
    if (this.options.preview) auth.preview = true;
    // Re-read at every (re)connection, so the server sends only what this screen missed.
    if (this.current.schedule) auth.revision = this.current.schedule.revision;
    return auth;
  }

  private open(): void {
    const connect =
      this.options.connect ??
      ((auth) => io(DISPLAY_NAMESPACE, { auth: (cb) => cb(auth()) }) as DisplaySocket);
    const socket = connect(() => this.handshake());
    this.socket = socket;
    socket.on('connect', () => this.onConnect());
    socket.on('disconnect', () => this.onConnectionLost());
    socket.on('connect_error', () => {
      this.onConnectionLost();
      if (socket.active) return;
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => socket.connect(), REFUSED_RETRY_MS);
    });
    socket.on('snapshot', (schedule) => this.onSnapshot(schedule));
    socket.on('delta', (delta) => this.onDelta(delta));
    socket.on('clock', (clock) => this.onClock(clock));
  }

  private close(): void {
    clearTimeout(this.syncTimer);
    clearTimeout(this.retryTimer);
    this.socket?.disconnect();
    this.socket = null;
  }

  private onConnect(): void {
    this.lastConfirmed = -1;
    this.lastResync = null;
    this.update({ connected: true, offlineSince: null });
    // What is on screen now is rendered; the server learns it even when nothing new arrives.
    if (this.current.schedule) this.confirmRendered(this.current.schedule.revision);
    void this.syncClock();
  }

  private onConnectionLost(): void {
    clearTimeout(this.syncTimer);
    if (!this.current.connected && this.current.offlineSince !== null) return;
    this.update({ connected: false, offlineSince: this.current.offlineSince ?? this.now() });
  }

  private onSnapshot(schedule: Schedule): void {
    this.lastResync = null;
    this.update({ schedule });
  }

  private onDelta(delta: Delta): void {
    const schedule = this.current.schedule;
    // Without a base there is nothing to patch: the server sends a snapshot to such a screen.
    if (!schedule) return;
    const disposition = classifyDelta(schedule.revision, delta.revision);
    if (disposition === 'apply') this.update({ schedule: applyDelta(schedule, delta) });
    else if (disposition === 'gap') this.requestResync(schedule.revision);
  }

  private requestResync(revision: number): void {
    const at = this.deviceNow();
    const last = this.lastResync;
    // One request per gap: the deltas racing behind it would otherwise each ask again.
    if (last && last.revision === revision && at - last.at < RESYNC_RETRY_MS) return;
    this.lastResync = { revision, at };
    this.socket?.emit('resync', revision);
  }

  private onClock(clock: ClockState): void {
    this.update({ clock });
  }

  private async syncClock(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    const ping = () => socket.timeout(SYNC_TIMEOUT_MS).emitWithAck('time:sync');
    const best = await measureOffset(ping, this.deviceNow, SYNC_ROUNDS);
    if (socket !== this.socket) return;
    if (best) {
      this.offset = best.offset;
      this.update({});
    }
    if (socket.connected) this.syncTimer = setTimeout(() => void this.syncClock(), SYNC_EVERY_MS);
  }

  private update(patch: Partial<ScreenState>): void {
    this.current = { ...this.current, ...patch };
    if (this.current.schedule) {
      saveState(this.storage, {
        schedule: this.current.schedule,
        clock: this.current.clock,
        offset: this.offset,
      });
    }
    for (const listener of this.listeners) listener();
  }
}
