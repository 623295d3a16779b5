import { afterEach, describe, expect, it } from 'vitest';
import type { ClockState, Delta, DisplayHandshake } from '../../shared/protocol.ts';
import { ScheduleClient, type DisplaySocket } from '../../display/data/schedule-client.ts';
import { loadState, saveState, type KeyValueStore } from '../../display/data/storage.ts';
import { monday, schedule, session } from './display-fixture.ts';

/** Stands in for socket.io: records what the client emits, lets the test play the server. */
class FakeSocket {
  connected = false;
  active = true;
  emitted: [string, unknown][] = [];
  private handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  constructor(readonly auth: () => DisplayHandshake, private readonly serverNow: () => number) {}

  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  emit(event: string, arg: unknown) {
    this.emitted.push([event, arg]);
    return this;
  }
  timeout() {
    return { emitWithAck: async () => this.serverNow() };
  }
  disconnect() {
    this.connected = false;
    return this;
  }
  connect() {
    return this;
  }
  /** The server side: deliver an event to the client. */
  deliver(event: string, ...args: unknown[]) {
    if (event === 'connect') this.connected = true;
    if (event === 'disconnect') this.connected = false;
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
}

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function setup(options: { storage?: KeyValueStore; device?: { now: number }; serverAhead?: number } = {}) {
  const device = options.device ?? { now: 1_000_000 };
  const storage = options.storage ?? memoryStore();
  let socket!: FakeSocket;
  const client = new ScheduleClient({
    route: { view: 'room', venueId: 'CR3' },
    storage,
    deviceNow: () => device.now,
    connect: (auth) => {
      socket = new FakeSocket(auth, () => device.now + (options.serverAhead ?? 0));
      return socket as unknown as DisplaySocket;
    },
  });
  const unsubscribe = client.subscribe(() => {});
  cleanups.push(unsubscribe);
  return { client, socket, storage, device, unsubscribe };
}

const base = schedule([session('a', 'CR3', '13:00', '13:50')], 5);
const renamed = (revision: number, title: string): Delta => ({
  revision,
  ops: [{ type: 'session', session: { ...session('a', 'CR3', '13:00', '13:50'), title, version: revision } }],
});

describe('ScheduleClient', () => {
  it('introduces itself with its view, room, id and the revision it holds', () => {
    const { socket } = setup();
    expect(socket.auth()).toMatchObject({ view: 'room', venueId: 'CR3' });
    expect(socket.auth().revision).toBeUndefined();
    socket.deliver('connect');
    socket.deliver('snapshot', base);
    // Read again at each reconnection, so the server sends only what was missed.
    expect(socket.auth().revision).toBe(5);
    expect(socket.auth().displayId).toMatch(/^room-CR3-[0-9a-f]{16}$/);
  });

  it('applies deltas in order and ignores replays', () => {
    const { client, socket } = setup();
    socket.deliver('connect');
    socket.deliver('snapshot', base);
    socket.deliver('delta', renamed(6, 'Six'));
    socket.deliver('delta', renamed(6, 'Replayed six'));
    expect(client.state.schedule?.revision).toBe(6);
    expect(client.state.schedule?.sessions[0]?.title).toBe('Six');
  });

  it('asks once for what it missed when revisions skip, and applies the catch-up', () => {
    const { client, socket } = setup();
    socket.deliver('connect');
    socket.deliver('snapshot', base);
    socket.deliver('delta', renamed(8, 'Eight'));
    socket.deliver('delta', renamed(9, 'Nine'));
    expect(socket.emitted.filter(([event]) => event === 'resync')).toEqual([['resync', 5]]);
    expect(client.state.schedule?.revision).toBe(5);
    for (const revision of [6, 7, 8, 9]) socket.deliver('delta', renamed(revision, `Rev ${revision}`));
    expect(client.state.schedule?.revision).toBe(9);
    expect(client.state.schedule?.sessions[0]?.title).toBe('Rev 9');
  });

  it('confirms each rendered revision once, and again after reconnecting', () => {
    const { client, socket } = setup();
    socket.deliver('connect');
    socket.deliver('snapshot', base);
    client.confirmRendered(5);
    client.confirmRendered(5);
    socket.deliver('disconnect');
    socket.deliver('connect');
    expect(socket.emitted.filter(([event]) => event === 'rendered')).toEqual([
      ['rendered', 5],
      ['rendered', 5],
    ]);
  });

  it('follows the server clock through the measured offset and the clock model', async () => {
    const device = { now: 1_000_000 };
    const { client, socket } = setup({ device, serverAhead: 30_000 });
    socket.deliver('connect');
    // The fake answers instantly, so every round trip has rtt 0 and offset exactly 30 s.
    await expect.poll(() => client.now()).toBe(1_030_000);
    const clock: ClockState = { simulated: true, speed: 60, anchorReal: 1_030_000, anchorClock: monday('12:55') };
    socket.deliver('clock', clock);
    device.now += 5_000; // five real seconds at speed 60: five minutes
    expect(client.now()).toBe(monday('13:00'));
  });

  it('records when the link was lost, in server-clock time, and clears it on reconnect', () => {
    const { client, socket } = setup();
    socket.deliver('connect');
    socket.deliver('snapshot', base);
    socket.deliver('clock', { simulated: true, speed: 1, anchorReal: 1_000_000, anchorClock: monday('14:02') });
    socket.deliver('disconnect');
    expect(client.state).toMatchObject({ connected: false, offlineSince: monday('14:02') });
    socket.deliver('connect');
    expect(client.state).toMatchObject({ connected: true, offlineSince: null });
  });

  it('comes back after a restart with the last schedule and clock, before any server contact', () => {
    const storage = memoryStore();
    const first = setup({ storage });
    first.socket.deliver('connect');
    first.socket.deliver('snapshot', base);
    first.socket.deliver('delta', renamed(6, 'Six'));
    first.unsubscribe();

    const second = setup({ storage });
    expect(second.client.state.schedule?.revision).toBe(6);
    expect(second.client.state.schedule?.sessions[0]?.title).toBe('Six');
    expect(second.socket.auth().revision).toBe(6);
  });
});

describe('persisted state', () => {
  it('ignores corrupt or foreign data instead of trusting it', () => {
    const storage = memoryStore();
    storage.data.set('signage:last-state:v1', '{not json');
    expect(loadState(storage)).toBeNull();
    storage.data.set('signage:last-state:v1', JSON.stringify({ schedule: { revision: 'x' }, clock: null, offset: 0 }));
    expect(loadState(storage)).toBeNull();
  });

  it('round-trips a schedule with its clock and offset', () => {
    const storage = memoryStore();
    const clock: ClockState = { simulated: false, speed: 1, anchorReal: 1, anchorClock: 1 };
    saveState(storage, { schedule: base, clock, offset: -42 });
    expect(loadState(storage)).toEqual({ schedule: base, clock, offset: -42 });
  });

  it('keeps working when storage refuses to write', () => {
    const full: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => saveState(full, { schedule: base, clock: null, offset: 0 })).not.toThrow();
  });
});
