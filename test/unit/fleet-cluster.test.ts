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
  HEARTBEAT_MS,
  PEER_TIMEOUT_MS,
  type PeerChannel,
  type PeerMessage,
} from '../../server/fleet/fleet.ts';

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
          return Promise.all(others().map((other) => handlers.get(other.node)?.(structuredClone(request)) ?? null));
        },
        onPairAsked(handler) {
          handlers.set(node, handler);
          return () => handlers.delete(node);
        },
      };
    },
  };
}

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

  it('a node that joins later hears of every screen already connected', () => {
    b.registry.admit(hello('door-1'));
    vi.advanceTimersByTime(GOSSIP_MS);
    const c = new Fleet(new DisplayRegistry());
    c.joinCluster(network.channel('c'));
    vi.advanceTimersByTime(GOSSIP_MS);
    expect(c.get('door-1')).toMatchObject({ connected: true });
    c.close();
  });

  it('a shorter peer timeout (--peer-timeout) notices a silent node sooner, but not before it has passed', () => {
    const c = new Fleet(new DisplayRegistry(), undefined, Date.now, 1_500);
    c.joinCluster(network.channel('c'));
    b.registry.admit(hello('door-1'));
    vi.advanceTimersByTime(GOSSIP_MS);
    expect(c.get('door-1')).toMatchObject({ connected: true });

    network.kill('b');
    vi.advanceTimersByTime(1_000);
    expect(c.get('door-1')).toMatchObject({ connected: true });
    // The timeout and at most one heartbeat (a third of it) later, the screen shows offline.
    vi.advanceTimersByTime(500 + 500);
    expect(c.get('door-1')).toMatchObject({ connected: false });
    // The default timeout has not passed yet: the other nodes still count B alive.
    expect(1_000 + 500 + 500).toBeLessThan(PEER_TIMEOUT_MS);
    expect(a.get('door-1')).toMatchObject({ connected: true });
    c.close();
  });

  it('refuses a peer timeout outside 1 s … 60 s', () => {
    expect(() => new Fleet(new DisplayRegistry(), undefined, Date.now, 500)).toThrow(
      'the peer timeout must be between 1s and 60s (got 500 ms)',
    );
    expect(() => new Fleet(new DisplayRegistry(), undefined, Date.now, 120_000)).toThrow(/between 1s and 60s/);
  });
});
