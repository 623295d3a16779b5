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
  type ControlServerToClient,
  type DisplayStatus,
  type JournalEntry,
} from '../../shared/protocol.ts';
import type { ApiClient } from './api.ts';
import { clockFromSnapshot } from '../../shared/clock.ts';
import { JOURNAL_LIMIT, type ControlStore } from './store.ts';

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

  /** Loads the current state over REST, then opens the socket for what follows. */
  async start(): Promise<void> {
    if (this.socket) return;
    await Promise.all([this.loadSchedule(), this.loadClock(), this.loadDisplays()]);
    await this.loadJournal();
    const socket: ControlSocket = io(CONTROL_NAMESPACE, { withCredentials: true });
    this.socket = socket;
    socket.on('connect', () => {
      this.setConnected(true);
      this.syncClock();
      // Whatever happened while we were away: the snapshot event covers the schedule.
      void this.loadJournal().catch(() => undefined);
      void this.loadDisplays().catch(() => undefined);
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

  private async loadClock(): Promise<void> {
    const clock = await this.api.get<{ now: string; simulated: boolean; speed: number }>('/api/clock');
    if (!this.store.clock) {
      this.store.setClock(clockFromSnapshot(Date.parse(clock.now), clock.speed, clock.simulated, Date.now()), 0);
    }
  }

  /** What we missed since the last entry we hold; at first, the most recent entries only. */
  private async loadJournal(): Promise<void> {
    const since = this.store.journal.at(-1)?.revision ?? Math.max(0, this.store.revision - JOURNAL_LIMIT);
    const answer = await this.api.get<{ revision: number; changes: JournalEntry[] }>(`/api/changes?since=${since}`);
    this.store.setJournal(answer.changes);
  }

  private async loadDisplays(): Promise<void> {
    this.store.setDisplays(await this.api.get<DisplayStatus[]>('/api/displays'));
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
