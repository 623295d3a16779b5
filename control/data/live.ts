/**
 * The staff live channel: the /control socket.io namespace. It keeps the store's schedule, journal,
 * display list and clock current, and catches up through REST after a reconnect or a gap.
 */
import { io, type Socket } from 'socket.io-client';
import { syncSample } from '../../shared/clock.ts';
import type { Schedule } from '../../shared/model.ts';
import {
  CONTROL_NAMESPACE,
  type ControlClientToServer,
  type ControlHandshake,
  type ControlServerToClient,
} from '../../shared/protocol.ts';
import type { ApiClient } from './api.ts';
import type { ControlStore } from './store.ts';

type ControlSocket = Socket<ControlServerToClient, ControlClientToServer>;

/** Pause before retrying a handshake the server refused for a reason other than the login. */
const RETRY_MS = 2000;

export class LiveChannel extends EventTarget {
  connected = false;
  private socket: ControlSocket | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The clock came from the server's ClockState (anchored on server time), not from GET /api/clock. */
  private serverClock = false;

  constructor(
    private readonly api: ApiClient,
    private readonly store: ControlStore,
  ) {
    super();
  }

  /**
   * One data path: the socket sends a snapshot (schedule, clock, fleet, recent journal) once; after
   * a reconnection the panel presents its revision and gets only the deltas and journal entries it
   * missed, as screens do. REST is only the fallback for a delta that does not fit.
   */
  async start(): Promise<void> {
    if (this.socket) return;
    const socket: ControlSocket = io(CONTROL_NAMESPACE, {
      withCredentials: true,
      auth: (send) => {
        const schedule = this.store.schedule;
        const handshake: ControlHandshake = schedule ? { revision: schedule.revision, ...(schedule.scheduleId ? { scheduleId: schedule.scheduleId } : {}) } : {};
        send(handshake as Record<string, unknown>);
      },
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.setConnected(true);
      this.syncClock();
    });
    socket.on('disconnect', () => {
      this.setConnected(false);
      // The server closed the channel (the staff session ended): socket.io does not reconnect
      // such a socket by itself. The login check below brings up the re-login dialog first.
      if (!socket.active && this.socket === socket) this.retryAfterRefusal(socket);
    });
    socket.on('connect_error', () => {
      this.setConnected(false);
      // socket.active is false when the server refused the handshake (no staff session):
      // socket.io then leaves reconnecting to us, after the login check below.
      if (!socket.active) this.retryAfterRefusal(socket);
    });
    socket.on('snapshot', (schedule) => this.store.setSchedule(schedule));
    socket.on('delta', (delta) => {
      if (!this.store.applyDelta(delta)) void this.loadSchedule().catch(() => undefined);
    });
    socket.on('clock', ({ revision: _revision, ...clock }) => {
      this.serverClock = true;
      this.store.setClock(clock);
      this.syncClock();
    });
    socket.on('journal', (entry) => this.store.addJournalEntry(entry));
    socket.on('displays', (displays) => this.store.setDisplays(displays));
  }

  stop(): void {
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    socket?.disconnect();
    this.setConnected(false);
  }

  async loadSchedule(): Promise<void> {
    this.store.setSchedule(await this.api.get<Schedule>('/api/schedule'));
  }

  private syncClock(): void {
    const socket = this.socket;
    if (!socket?.connected || !this.serverClock) return;
    const sentAt = Date.now();
    socket.emit('time:sync', (serverNow) => {
      if (this.store.clock) this.store.setClock(this.store.clock, syncSample(sentAt, serverNow, Date.now()).offset);
    });
  }

  private retryAfterRefusal(socket: ControlSocket): void {
    clearTimeout(this.retryTimer);
    // Any staff-only request: a 401 there waits for the re-login before we try again.
    this.api
      .get('/api/displays')
      .catch(() => undefined)
      .then(() => {
        this.retryTimer = setTimeout(() => {
          if (this.socket === socket) socket.connect();
        }, RETRY_MS);
      });
  }

  private setConnected(connected: boolean): void {
    if (this.connected === connected) return;
    this.connected = connected;
    this.dispatchEvent(new Event('status'));
  }
}
