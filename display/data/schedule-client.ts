/**
 * The one owner of the display wire protocol. It keeps this screen's copy of the schedule
 * (snapshot, then deltas in revision order), the server clock model, the connection state and
 * what the screen is assigned to show (or its pairing code), persists them for offline restarts,
 * follows staff commands (identify, reload), and tells subscribers when anything changed.
 * Components never see a socket.
 */
import type { ScreenLanguages } from '../../shared/language-rotation.ts';
import { assignedLanguages } from '../i18n/language.ts';
import { io, type Socket } from 'socket.io-client';
import { applyDelta } from '../../shared/apply.ts';
import { RESYNC_RETRY_MS } from '../../shared/limits.ts';
import { classifyDelta } from '../../shared/revisions.ts';
import { clockAt, msToNextSecond, serverRealNow, type SyncSample } from '../../shared/clock.ts';
import type { Schedule } from '../../shared/model.ts';
import {
  DISPLAY_NAMESPACE,
  type ClockMessage,
  type ClockState,
  type Delta,
  type DisplayAssignment,
  type DisplayClientToServer,
  type DisplayFleetToClient,
  type DisplayHandshake,
  type DisplayScreen,
  type DisplayServerToClient,
} from '../../shared/protocol.ts';
import { ClockSyncLoop, measureOffset } from './clock-sync.ts';
import { RECONNECTION } from './reconnection.ts';
import { sameRoute, type DisplayRoute } from './route.ts';
import { ScreenIdentity } from './screen-identity.ts';
import { browserScreen, onResizeSettled } from './screen-size.ts';
import { loadState, saveState, type KeyValueStore } from './storage.ts';

export type DisplaySocket = Socket<DisplayServerToClient & DisplayFleetToClient, DisplayClientToServer>;

/** What the screen knows right now. */
export interface ScreenState {
  schedule: Schedule | null;
  clock: ClockState | null;
  connected: boolean;
  /** Server-clock epoch ms when the link was lost (or first failed); null while connected. */
  offlineSince: number | null;
  /** What the screen shows; null while it waits to be paired. */
  route: DisplayRoute | null;
  /** The code to show while waiting to be paired. */
  pairingCode: string | null;
  /** The screen's name, shown big while staff identify it. */
  identify: string | null;
  /** Staff-set directions from this screen to rooms (venue id → "M7 ↑ 1st floor"). */
  directions: Record<string, string>;
  /** The language(s) staff chose for this screen, if any (a `?lang=` on the URL wins over them). */
  languages?: ScreenLanguages | undefined;
}

export interface ScheduleClientOptions {
  /** The URL's screen; null for the bare /display page, whose assignment staff choose. */
  route: DisplayRoute | null;
  storage?: KeyValueStore;
  /** A staff preview: the server leaves it out of the fleet of screens. */
  preview?: boolean;
  /** Replaceable for tests; defaults to socket.io on this page's origin. */
  connect?: (auth: () => DisplayHandshake) => DisplaySocket;
  deviceNow?: () => number;
  /** The viewport the screen renders into, reported to the fleet view. */
  screen?: () => DisplayScreen | undefined;
  /** Replaces the page's address (a screen staff took over moves to /display). */
  navigate?: (path: string) => void;
  /** Reloads the page (a staff command). */
  reload?: () => void;
}

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
  private readonly identity: ScreenIdentity;
  private identifyTimer: ReturnType<typeof setTimeout> | undefined;
  private lastResync: { revision: number; at: number } | null = null;
  private lastConfirmed = -1;
  private readonly clockSync = new ClockSyncLoop(
    () => this.measureClock(),
    (best) => {
      this.offset = best.offset;
      this.update({});
      this.report(Math.round(best.offset));
    },
    SYNC_EVERY_MS,
  );
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopResizeWatch: (() => void) | undefined;

  /**
   * Settles once the saved state, if any, has passed the schema check and is shown (or was refused,
   * or the server answered first). The check is a lazy chunk, so it cannot be done synchronously.
   */
  readonly restored: Promise<void>;

  constructor(private readonly options: ScheduleClientOptions) {
    this.storage = options.storage;
    this.deviceNow = options.deviceNow ?? Date.now;
    this.identity = new ScreenIdentity(
      this.storage,
      options.route,
      options.navigate ?? ((path) => history.replaceState(history.state, '', path)),
    );
    this.current = {
      schedule: null,
      clock: null,
      connected: false,
      offlineSince: null,
      route: options.route ?? this.identity.cachedAssignment(),
      pairingCode: null,
      identify: null,
      directions: {},
    };
    this.restored = this.restoreSaved();
  }

  private async restoreSaved(): Promise<void> {
    const saved = await loadState(this.storage);
    // What the server sent meanwhile is newer than anything saved.
    if (!saved || this.current.schedule || this.current.clock) return;
    this.offset = saved.offset;
    this.update({ schedule: saved.schedule, clock: saved.clock });
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
    const { displayId, token } = this.identity.identity;
    const route = this.identity.managed ? null : this.current.route;
    const auth: DisplayHandshake = { view: route?.view ?? 'unassigned', displayId, token };
    if (route?.view === 'room') auth.venueId = route.venueId;
    if (this.options.preview) auth.preview = true;
    const screen = this.screen();
    if (screen) auth.screen = screen;
    // Re-read at every (re)connection, so the server sends only what this screen missed. A copy
    // without its schedule's id (kept by an older version) cannot be checked: it asks for a snapshot.
    const schedule = this.current.schedule;
    if (schedule?.scheduleId !== undefined) {
      auth.revision = schedule.revision;
      auth.scheduleId = schedule.scheduleId;
    }
    return auth;
  }

  private open(): void {
    const connect =
      this.options.connect ??
      ((auth) =>
        io(DISPLAY_NAMESPACE, {
          auth: (cb) => cb(auth()),
          ...RECONNECTION,
        }) as DisplaySocket);
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
    socket.on('assign', (assignment) => this.onAssign(assignment));
    socket.on('pairing', ({ displayId, code }) => {
      this.identity.adopt(displayId);
      this.identity.takeOver(null);
      this.show({ route: null, pairingCode: code });
    });
    socket.on('identify', ({ name, durationMs }) => {
      clearTimeout(this.identifyTimer);
      this.identifyTimer = setTimeout(() => this.update({ identify: null }), durationMs);
      this.update({ identify: name });
    });
    socket.on('reload', () => (this.options.reload ?? (() => location.reload()))());
    this.stopResizeWatch = onResizeSettled(() => this.report());
  }

  private close(): void {
    this.stopResizeWatch?.();
    clearTimeout(this.identifyTimer);
    this.clockSync.stop();
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
    this.clockSync.start();
  }

  private onConnectionLost(): void {
    this.clockSync.stop();
    if (!this.current.connected && this.current.offlineSince !== null) return;
    this.update({ connected: false, offlineSince: this.current.offlineSince ?? this.now() });
  }

  /** A snapshot replaces the copy whatever it held: the server's schedule may be another one now. */
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

  private onClock({ revision, ...clock }: ClockMessage): void {
    this.update({ clock });
    // Every message says which revision it reflects: one ahead of our copy means we missed some.
    const schedule = this.current.schedule;
    if (schedule && revision > schedule.revision) this.requestResync(schedule.revision);
  }

  private onAssign(assignment: DisplayAssignment): void {
    const { displayId, view, venueId, directions } = assignment;
    this.update({ directions: directions ?? {}, languages: assignedLanguages(assignment) });
    this.identity.adopt(displayId);
    const route: DisplayRoute = view === 'room' ? { view, venueId: venueId ?? '' } : { view: 'lobby' };
    // A URL screen shown something else than its URL says has been taken over by staff.
    if (this.identity.managed || !sameRoute(route, this.current.route)) this.identity.takeOver(route);
    this.show({ route, pairingCode: null });
  }

  /** A new assignment: the revision on screen must be confirmed again once it is rendered there. */
  private show(patch: Pick<ScreenState, 'route' | 'pairingCode'>): void {
    this.lastConfirmed = -1;
    this.update(patch);
  }

  private screen(): DisplayScreen | undefined {
    return (this.options.screen ?? browserScreen)();
  }

  private report(clockSkewMs?: number): void {
    if (!this.socket?.connected) return;
    const screen = this.screen();
    this.socket.emit('status', { ...(screen && { screen }), ...(clockSkewMs !== undefined && { clockSkewMs }) });
  }

  private measureClock(): Promise<SyncSample | undefined> {
    const socket = this.socket;
    if (!socket) return Promise.resolve(undefined);
    const ping = () => socket.timeout(SYNC_TIMEOUT_MS).emitWithAck('time:sync');
    return measureOffset(ping, this.deviceNow, SYNC_ROUNDS);
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
