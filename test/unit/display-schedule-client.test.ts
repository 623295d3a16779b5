import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClockState, Delta, DisplayHandshake } from '../../shared/protocol.ts';
import { ScheduleClient, type DisplaySocket } from '../../display/data/schedule-client.ts';
import { loadState, saveState, type KeyValueStore } from '../../display/data/storage.ts';
import { monday, schedule, session } from './display-fixture.ts';

/** Stands in for socket.io: records what the client emits, lets the test play the server. */
class FakeSocket {
  connected = false;
  active = true;
  emitted: [string, unknown][] = [];
  /** time:sync round trips asked so far. */
  pings = 0;
  /** While set, round trips wait for it (a slow link). */
  gate: Promise<void> | null = null;
  private handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  constructor(
    readonly auth: () => DisplayHandshake,
    private readonly serverNow: () => number,
  ) {}

  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  emit(event: string, arg: unknown) {
    this.emitted.push([event, arg]);
    return this;
  }
  timeout() {
    return {
      emitWithAck: async () => {
        this.pings += 1;
        if (this.gate) await this.gate;
        return this.serverNow();
      },
    };
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

  it('comes back after a restart with the last schedule and clock, before any server contact', async () => {
    const storage = memoryStore();
    const first = setup({ storage });
    first.socket.deliver('connect');
    first.socket.deliver('snapshot', base);
    first.socket.deliver('delta', renamed(6, 'Six'));
    first.unsubscribe();

    const second = setup({ storage });
    await second.client.restored;
    expect(second.client.state.schedule?.revision).toBe(6);
    expect(second.client.state.schedule?.sessions[0]?.title).toBe('Six');
    expect(second.socket.auth().revision).toBe(6);
  });
});

describe('ScheduleClient and the schedule it belongs to', () => {
  it('says which schedule its revision belongs to, and asks for a snapshot when its copy cannot say', async () => {
    const { socket } = setup();
    socket.deliver('connect');
    socket.deliver('snapshot', base);
    expect(socket.auth()).toMatchObject({ revision: 5, scheduleId: 'fixture-schedule' });

    // A copy kept by a version without schedule ids: its revision may be another schedule's.
    const storage = memoryStore();
    const { scheduleId: _none, ...unlabelled } = base;
    saveState(storage, { schedule: unlabelled, clock: null, offset: 0 });
    const old = setup({ storage });
    await old.client.restored;
    expect(old.client.state.schedule?.revision).toBe(5);
    expect(old.socket.auth().revision).toBeUndefined();
    expect(old.socket.auth().scheduleId).toBeUndefined();
  });

  it('replaces its copy, stored one included, with a snapshot of another schedule', async () => {
    const storage = memoryStore();
    const { client, socket } = setup({ storage });
    socket.deliver('connect');
    socket.deliver('snapshot', schedule([session('a', 'CR3', '13:00', '13:50')], 12, 'old-schedule'));
    // The server's data directory was wiped: a new schedule, counting from the start again.
    const fresh = schedule([session('b', 'CR3', '15:00', '15:50')], 3, 'new-schedule');
    socket.deliver('snapshot', fresh);
    expect(client.state.schedule).toEqual(fresh);
    expect((await loadState(storage))?.schedule).toEqual(fresh);
    expect(socket.auth()).toMatchObject({ revision: 3, scheduleId: 'new-schedule' });
  });

  it('asks to be caught up when a clock message reflects a revision it does not hold', () => {
    const { socket } = setup();
    socket.deliver('connect');
    socket.deliver('snapshot', base);
    const clock: ClockState = { simulated: false, speed: 1, anchorReal: 0, anchorClock: 0 };
    socket.deliver('clock', { ...clock, revision: 5 });
    expect(socket.emitted.filter(([event]) => event === 'resync')).toEqual([]);
    socket.deliver('clock', { ...clock, revision: 7 });
    expect(socket.emitted.filter(([event]) => event === 'resync')).toEqual([['resync', 5]]);
  });
});

describe('ScheduleClient clock sync on a flaky link', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps one sync loop however often the link drops while a sync waits for its round trips', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { socket } = setup();
    let openGate!: () => void;
    socket.gate = new Promise((resolve) => (openGate = resolve));
    socket.deliver('connect');
    for (let i = 0; i < 3; i++) {
      socket.deliver('disconnect');
      socket.deliver('connect');
    }
    openGate();
    // Lets every pending round trip finish (and each loop decide whether to go on).
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(1);

    const before = socket.pings;
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await vi.advanceTimersByTimeAsync(0);
    // One loop: one sync of five round trips, not one per reconnection.
    expect(socket.pings - before).toBe(5);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('stops syncing while the link is down', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { socket } = setup();
    socket.deliver('connect');
    await vi.advanceTimersByTimeAsync(0);
    socket.deliver('disconnect');
    const before = socket.pings;
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(socket.pings).toBe(before);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('persisted state', () => {
  it('ignores corrupt or foreign data instead of trusting it', async () => {
    const storage = memoryStore();
    storage.data.set('signage:last-state:v1', '{not json');
    expect(await loadState(storage)).toBeNull();
    storage.data.set('signage:last-state:v1', JSON.stringify({ schedule: { revision: 'x' }, clock: null, offset: 0 }));
    expect(await loadState(storage)).toBeNull();
  });

  it('holds a saved schedule to ScheduleSchema: a session without a title is refused', async () => {
    const storage = memoryStore();
    const untitled = { ...base, sessions: base.sessions.map(({ title: _title, ...rest }) => rest) };
    storage.data.set('signage:last-state:v1', JSON.stringify({ schedule: untitled, clock: null, offset: 0 }));
    expect(await loadState(storage)).toBeNull();
    const restarted = setup({ storage });
    await restarted.client.restored;
    expect(restarted.client.state.schedule).toBeNull();
  });

  it("keeps the server's snapshot when it arrives before the saved copy is checked", async () => {
    const storage = memoryStore();
    saveState(storage, { schedule: base, clock: null, offset: 0 });
    const { client, socket } = setup({ storage });
    const newer = schedule([session('n', 'CR3', '15:00', '15:50')], 9, 'fixture-schedule');
    socket.deliver('connect');
    socket.deliver('snapshot', newer);
    await client.restored;
    expect(client.state.schedule).toEqual(newer);
  });

  it('round-trips a schedule with its clock and offset', async () => {
    const storage = memoryStore();
    const clock: ClockState = { simulated: false, speed: 1, anchorReal: 1, anchorClock: 1 };
    saveState(storage, { schedule: base, clock, offset: -42 });
    expect(await loadState(storage)).toEqual({ schedule: base, clock, offset: -42 });
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
