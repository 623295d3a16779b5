/**
 * The fleet of a cluster (server/fleet/fleet.ts): two nodes' registries joined by an in-memory
 * PeerChannel (the real one is socket.io's serverSideEmit over Redis, covered by
 * test/integration/cluster-fleet.test.ts). Fake timers drive the gossip and the heartbeat.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DisplayRegistry, type FleetCommand } from '../../server/fleet/display-registry.ts';
import { hello } from './screen-hello.ts';
import {
  Fleet,
  GOSSIP_MS,
  PAIRING_UNCONFIRMED,
  PEER_TIMEOUT_MS,
  type PeerChannel,
  type PeerMessage,
} from '../../server/fleet/fleet.ts';
import { UnavailableError } from '../../server/platform/errors.ts';
import { HEARTBEATS_PER_TIMEOUT } from '../../server/fleet/peer-timeout.ts';
import type { DisplayRecord, DisplayRecordStore } from '../../server/fleet/display-records.ts';
import { ROUTINE_FLUSH_MS } from '../../server/fleet/fleet-writer.ts';

/** Nodes on one bus: what one publishes, the others receive in order (as through the Redis stream). */
function bus() {
  const nodes: Array<{ node: string; listeners: Set<(m: PeerMessage) => void> }> = [];
  const handlers = new Map<string, Parameters<PeerChannel['onPairAsked']>[0]>();
  let down = new Set<string>();
  return {
    kill(node: string) {
      down = new Set([...down, node]);
    },
    channel(node: string): PeerChannel {
      const entry = { node, listeners: new Set<(m: PeerMessage) => void>() };
      nodes.push(entry);
      const others = () => nodes.filter((other) => other.node !== node && !down.has(other.node));
      return {
        node,
        publish(message) {
          if (down.has(node)) return;
          for (const other of others()) for (const listener of other.listeners) listener(structuredClone(message));
        },
        onMessage(listener) {
          entry.listeners.add(listener);
          return () => entry.listeners.delete(listener);
        },
        async askPair(request) {
          const pairings = others().map((other) => handlers.get(other.node)?.(structuredClone(request)));
          return Promise.all(pairings.filter((pairing) => pairing !== undefined));
        },
        onPairAsked(handler) {
          handlers.set(node, handler);
          return () => handlers.delete(node);
        },
        // A closed node leaves the bus (its asks settle at once here: nothing waits on them).
        close() {
          down = new Set([...down, node]);
        },
      };
    },
  };
}

/**
 * One database shared by the nodes (as their PostgreSQL), each node with its own connection to it:
 * `failing` writes on a connection fail before it works again.
 */
function sharedDatabase() {
  const rows = new Map<string, DisplayRecord>();
  return {
    rows,
    connection(): DisplayRecordStore & { failing: number } {
      const connection = {
        failing: 0,
        load: () => [...rows.values()].map((record) => structuredClone(record)),
        async save(records: DisplayRecord[]) {
          refuseIfFailing();
          for (const record of records) rows.set(record.id, structuredClone(record));
        },
        async remove(ids: string[]) {
          refuseIfFailing();
          for (const id of ids) rows.delete(id);
        },
      };
      const refuseIfFailing = () => {
        if (connection.failing === 0) return;
        connection.failing -= 1;
        throw new Error('connection to the database lost');
      };
      return connection;
    },
  };
}

const HEARTBEAT_MS = PEER_TIMEOUT_MS / HEARTBEATS_PER_TIMEOUT;

describe('the fleet of two nodes', () => {
  let network: ReturnType<typeof bus>;
  let a: Fleet;
  let b: Fleet;
  const sentOnB: Array<[string, FleetCommand]> = [];

  beforeEach(() => {
    vi.useFakeTimers();
    network = bus();
    a = new Fleet(new DisplayRegistry());
    b = new Fleet(new DisplayRegistry());
    a.joinCluster(network.channel('a'));
    b.joinCluster(network.channel('b'));
    sentOnB.length = 0;
    b.registry.onCommand((id, command) => sentOnB.push([id, command]));
  });

  afterEach(() => {
    a.close();
    b.close();
    vi.useRealTimers();
  });

  it("lists the other node's screens as connected, and commands reach them there", async () => {
    b.registry.admit(hello('door-1'));
    vi.advanceTimersByTime(GOSSIP_MS);
    expect(a.list()).toEqual([expect.objectContaining({ id: 'door-1', connected: true, venueId: 'CR3' })]);

    expect(await a.command('door-1', { type: 'identify' })).toBe(true);
    expect(sentOnB).toEqual([['door-1', { event: 'identify', args: [{ name: 'CR3 door', durationMs: 8000 }] }]]);

    const moved = await a.update('door-1', { assignment: { view: 'lobby' }, name: 'Lobby left' });
    await vi.advanceTimersByTimeAsync(0); // B applies it once A has stored it
    expect(moved).toMatchObject({ id: 'door-1', view: 'lobby', name: 'Lobby left', connected: true });
    expect(sentOnB.at(-1)).toEqual([
      'door-1',
      { event: 'assign', args: [{ displayId: 'door-1', name: 'Lobby left', view: 'lobby' }] },
    ]);
    expect(b.get('door-1')).toMatchObject({ view: 'lobby', name: 'Lobby left', connected: true });

    await expect(a.command('nobody', { type: 'reload' })).rejects.toThrow('no display with id nobody');
  });

  it("a screen of a node that went silent shows offline, and fails over keeping staff's assignment", async () => {
    b.registry.admit(hello('door-1'));
    vi.advanceTimersByTime(GOSSIP_MS);
    await a.update('door-1', { assignment: { view: 'lobby' } });
    await vi.advanceTimersByTimeAsync(GOSSIP_MS);

    network.kill('b');
    vi.advanceTimersByTime(PEER_TIMEOUT_MS + HEARTBEAT_MS);
    expect(a.get('door-1')).toMatchObject({ connected: false, view: 'lobby' });
    // The screen comes back on A with the URL of a door: staff's choice (the lobby) still wins.
    const admission = a.registry.admit(hello('door-1'));
    expect(admission).toMatchObject({ id: 'door-1', kind: 'assigned', assignment: { view: 'lobby' } });
    expect(a.get('door-1')).toMatchObject({ connected: true, view: 'lobby' });
  });

  it('forget-offline on one node spares the screens connected to the other', async () => {
    b.registry.admit(hello('door-1'));
    a.registry.admit(hello('door-2'));
    a.registry.disconnected('door-2');
    vi.advanceTimersByTime(GOSSIP_MS);
    expect(await a.forgetOffline()).toBe(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(a.list().map((d) => d.id)).toEqual(['door-1']);
    expect(b.list().map((d) => d.id)).toEqual(['door-1']);
  });

  it('pairs a screen waiting on the other node by its code', async () => {
    const waiting = b.registry.admit(hello('new-screen', 'unassigned'));
    if (waiting.kind !== 'pairing') throw new Error('expected a pairing code');
    const paired = await a.pair(waiting.pairing.code, { view: 'room', venueId: 'M3' }, 'M3 door');
    expect(paired).toMatchObject({ id: 'new-screen', venueId: 'M3', name: 'M3 door', connected: true });
    await expect(a.pair('NOPE42', { view: 'lobby' }, 'x')).rejects.toThrow(/no screen is showing the pairing code/);
  });

  it('a pairing the node showing the code took but never confirmed is a 503 saying so, not an unknown code', async () => {
    const c = new Fleet(new DisplayRegistry());
    c.joinCluster({ ...network.channel('c'), askPair: async () => [{ unconfirmed: true }] });
    const refused = await c.pair('K7Q2M9', { view: 'lobby' }, 'Foyer').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnavailableError);
    expect((refused as UnavailableError).message).toBe(PAIRING_UNCONFIRMED);
    // Its own code, so the panel does not say "nothing was changed" about a pairing that may have happened.
    expect((refused as UnavailableError).coded).toEqual({ code: 'pairing.unconfirmed', params: {} });
    c.close();
  });

  it('a node that joins later hears of every screen already connected', () => {
    b.registry.admit(hello('door-1'));
    vi.advanceTimersByTime(GOSSIP_MS);
    const c = new Fleet(new DisplayRegistry());
    c.joinCluster(network.channel('c'));
    vi.advanceTimersByTime(GOSSIP_MS);
    expect(c.get('door-1')).toMatchObject({ connected: true });
    c.close();
  });

  it('a shorter peer timeout (--peer-timeout) on every node notices a silent node sooner, but not before it has passed', () => {
    const c = new Fleet(new DisplayRegistry(), undefined, Date.now, 1_500);
    const d = new Fleet(new DisplayRegistry(), undefined, Date.now, 1_500);
    c.joinCluster(network.channel('c'));
    d.joinCluster(network.channel('d'));
    d.registry.admit(hello('door-1'));
    vi.advanceTimersByTime(GOSSIP_MS);
    expect(c.get('door-1')).toMatchObject({ connected: true });

    network.kill('d');
    vi.advanceTimersByTime(1_000);
    expect(c.get('door-1')).toMatchObject({ connected: true });
    // The timeout and at most one heartbeat (a third of it) later, the screen shows offline.
    vi.advanceTimersByTime(500 + 500);
    expect(c.get('door-1')).toMatchObject({ connected: false });
    // A, at the default timeout, takes longer: it waits for the longer of its own and D's.
    expect(1_000 + 500 + 500).toBeLessThan(PEER_TIMEOUT_MS);
    expect(a.get('door-1')).toMatchObject({ connected: true });
    c.close();
    d.close();
  });

  it('a node whose database write fails does not undo a change another node stored, nor bring back a forgotten screen', async () => {
    const database = sharedDatabase();
    const storeOfB = database.connection();
    const logged: unknown[] = [];
    a.registry.attachStore(database.connection());
    b.registry.attachStore(storeOfB, (error) => logged.push(error));
    b.registry.admit(hello('door-1'));
    b.registry.admit(hello('door-2'));
    vi.advanceTimersByTime(GOSSIP_MS);
    b.registry.disconnected('door-2');
    vi.advanceTimersByTime(GOSSIP_MS);
    await a.update('door-1', { name: 'Main door' });
    await a.update('door-2', { name: 'Side door' });
    await vi.advanceTimersByTimeAsync(0);

    // B's connection to the database is broken for a moment while A takes two staff changes.
    storeOfB.failing = 2;
    expect(await a.update('door-1', { name: 'Lobby left', assignment: { view: 'lobby' } })).toMatchObject({
      name: 'Lobby left',
    });
    await a.forget('door-2');
    await vi.advanceTimersByTimeAsync(0);
    const failedWritesOfB = 2 - storeOfB.failing;
    storeOfB.failing = 0;
    expect(b.get('door-1')).toMatchObject({ name: 'Lobby left', view: 'lobby', connected: true });
    expect(sentOnB.at(-1)).toEqual([
      'door-1',
      { event: 'assign', args: [{ displayId: 'door-1', name: 'Lobby left', view: 'lobby' }] },
    ]);
    expect(b.get('door-2')).toBeUndefined();

    // Back: B's routine flush (its screens' reports) writes its copy, which is A's change.
    b.registry.seen('door-1');
    await vi.advanceTimersByTimeAsync(ROUTINE_FLUSH_MS);
    expect(database.rows.get('door-1')).toMatchObject({ name: 'Lobby left', view: 'lobby' });
    expect(database.rows.has('door-2')).toBe(false);
    // B did not even try: the change was A's to store.
    expect(failedWritesOfB).toBe(0);
    expect(logged).toEqual([]);
  });

  it('a change the node staff asked could not store, having no copy of the screen, is stored by the node holding it', async () => {
    const database = sharedDatabase();
    a.registry.attachStore(database.connection());
    b.registry.attachStore(database.connection());
    b.registry.admit(hello('door-1'));
    vi.advanceTimersByTime(GOSSIP_MS);
    await vi.advanceTimersByTimeAsync(0);
    // A lists the screen from B's gossip but has no copy of its own (as before B's copy reaches it).
    await a.registry.forget('door-1', { persist: false });
    expect(a.get('door-1')).toMatchObject({ connected: true });

    await a.update('door-1', { name: 'Main door' });
    await vi.advanceTimersByTimeAsync(0);
    expect(b.get('door-1')).toMatchObject({ name: 'Main door' });
    expect(database.rows.get('door-1')).toMatchObject({ name: 'Main door' });
  });

  it('a change from a node of an older version, which does not say whether it stored it, is taken as stored', async () => {
    const storeOfB = sharedDatabase().connection();
    b.registry.attachStore(storeOfB);
    b.registry.admit(hello('door-1'));
    await vi.advanceTimersByTimeAsync(GOSSIP_MS);
    storeOfB.failing = 1; // a write B tried would fail, and use this up

    network.channel('older').publish({
      kind: 'apply',
      node: 'older',
      mutation: { type: 'update', id: 'door-1', change: { name: 'Main door' } },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(b.get('door-1')).toMatchObject({ name: 'Main door' });
    expect(storeOfB.failing).toBe(1);
  });

  it('nodes with different peer timeouts each wait for the longer one before taking the other for dead', () => {
    const patient = new Fleet(new DisplayRegistry(), undefined, Date.now, 60_000);
    patient.joinCluster(network.channel('patient'));
    patient.registry.admit(hello('door-9'));
    vi.advanceTimersByTime(GOSSIP_MS);
    expect(a.get('door-9')).toMatchObject({ connected: true });

    // The patient node beats every 20 s; A (6 s) still holds it alive between two beats.
    for (let step = 0; step < 6; step += 1) {
      vi.advanceTimersByTime(10_000);
      expect(a.get('door-9')).toMatchObject({ connected: true });
    }
    // Gone silent, it is taken for dead after its own timeout and at most one of A's heartbeats.
    network.kill('patient');
    vi.advanceTimersByTime(60_000 - HEARTBEAT_MS);
    expect(a.get('door-9')).toMatchObject({ connected: true });
    vi.advanceTimersByTime(2 * HEARTBEAT_MS);
    expect(a.get('door-9')).toMatchObject({ connected: false });
    patient.close();
  });

  it('refuses a peer timeout outside 1 s … 60 s', () => {
    expect(() => new Fleet(new DisplayRegistry(), undefined, Date.now, 500)).toThrow(
      'the peer timeout must be between 1s and 60s (got 500 ms)',
    );
    expect(() => new Fleet(new DisplayRegistry(), undefined, Date.now, 120_000)).toThrow(/between 1s and 60s/);
  });
});
