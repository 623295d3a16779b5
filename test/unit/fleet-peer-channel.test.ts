/**
 * The asking side of a pairing over the cluster's channel (server/realtime/peer-channel.ts), with
 * fake timers: the nodes are namespaces of an in-memory cluster that behaves as socket.io-adapter's
 * ClusterAdapter does (the nodes counted are answered for, acknowledgements are handed over when
 * all have come or, with an error, after 5 s; serverCount() may reject when Redis is down). The
 * same channel on a real Redis: test/integration/peer-channel.test.ts.
 */
import { EventEmitter } from 'node:events';
import type { Server } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAIR_OUTCOME_MS, PEERS_UNREACHABLE, peerChannel } from '../../server/realtime/peer-channel.ts';
import type { PairAnswer, PairRequest, PeerChannel } from '../../server/fleet/fleet.ts';
import type { DisplayStatus } from '../../shared/protocol.ts';
import { UnavailableError } from '../../server/platform/errors.ts';

/** socket.io-adapter's ClusterAdapter gives up on acknowledgements after this long. */
const ACKNOWLEDGEMENT_TIMEOUT_MS = 5_000;

const REQUEST: PairRequest = { code: 'K7Q2M9', assignment: { view: 'lobby' }, name: 'Foyer' };
const PAIRED = { id: 'screen-1', name: 'Foyer', view: 'lobby', connected: true } as DisplayStatus;

type Ack = (error: Error | null, answers: unknown[]) => void;

/**
 * Nodes of one cluster. A node's `delayMs` holds back what reaches it (its event loop is busy);
 * `redisDown` makes counting the nodes fail, as PUBSUB NUMSUB does without Redis.
 */
function cluster() {
  const nodes: Array<{ namespace: EventEmitter; delayMs: number }> = [];
  const state = { redisDown: false };
  const deliver = (to: (typeof nodes)[number], args: unknown[]) => {
    if (to.delayMs === 0) to.namespace.emit(...(args as [string, ...unknown[]]));
    else setTimeout(() => to.namespace.emit(...(args as [string, ...unknown[]])), to.delayMs);
  };
  return {
    state,
    node(name: string, delayMs = 0): { channel: PeerChannel; namespace: EventEmitter } {
      const namespace = new EventEmitter();
      const self = { namespace, delayMs };
      nodes.push(self);
      const others = () => nodes.filter((other) => other !== self);
      const adapter = {
        async serverSideEmit(packet: unknown[]) {
          if (state.redisDown) throw new Error('The client is closed');
          if (typeof packet.at(-1) !== 'function') {
            for (const other of others()) deliver(other, packet);
            return;
          }
          const ack = packet.pop() as Ack;
          const expected = others().length;
          if (expected === 0) return ack(null, []);
          const answers: unknown[] = [];
          let open = true;
          const timeout = setTimeout(() => {
            open = false;
            ack(new Error(`timeout reached: only ${answers.length} responses received out of ${expected}`), answers);
          }, ACKNOWLEDGEMENT_TIMEOUT_MS);
          for (const other of others())
            deliver(other, [
              ...packet,
              (answer: unknown) => {
                if (!open) return;
                answers.push(answer);
                if (answers.length < expected) return;
                open = false;
                clearTimeout(timeout);
                ack(null, answers);
              },
            ]);
        },
      };
      // As socket.io's Namespace does: the adapter's promise is dropped.
      Object.assign(namespace, {
        adapter,
        serverSideEmit: (...args: unknown[]) => {
          void adapter.serverSideEmit(args);
          return true;
        },
      });
      const io = { of: () => namespace } as unknown as Server;
      return { channel: peerChannel(io, name), namespace };
    },
  };
}

/** What the promise gave, or 'pending', once the fake clock's due callbacks have run. */
async function now<T>(promise: Promise<T>): Promise<T | unknown | 'pending'> {
  let outcome: T | unknown | 'pending' = 'pending';
  promise.then(
    (value) => (outcome = value),
    (error: unknown) => (outcome = error),
  );
  await vi.advanceTimersByTimeAsync(0);
  return outcome;
}

describe('asking the other nodes of a cluster for a pairing', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports the outcome of a node whose acknowledgement came after the acknowledgement timeout, not an unknown code', async () => {
    const network = cluster();
    const { channel: asking } = network.node('asking');
    const { channel: holding } = network.node('holding', ACKNOWLEDGEMENT_TIMEOUT_MS + 1_000);
    let finishWrite!: (answer: PairAnswer) => void;
    holding.onPairAsked(() => new Promise<PairAnswer>((resolve) => (finishWrite = resolve)));

    const answers = asking.askPair(REQUEST);
    await vi.advanceTimersByTimeAsync(ACKNOWLEDGEMENT_TIMEOUT_MS + 1_000);
    expect(await now(answers)).toBe('pending');
    finishWrite(PAIRED);
    expect(await now(answers)).toEqual([PAIRED]);
    asking.close();
  });

  it('waits PAIR_OUTCOME_MS from the ask, not from the acknowledgements, for an outcome that never comes', async () => {
    const network = cluster();
    const { channel: asking } = network.node('asking');
    const { channel: holding } = network.node('holding');
    network.node('stuck'); // counted, but with no pairing handler: it never acknowledges
    holding.onPairAsked(() => new Promise<PairAnswer>(() => undefined)); // its write hangs

    const answers = asking.askPair(REQUEST);
    await vi.advanceTimersByTimeAsync(PAIR_OUTCOME_MS - 1);
    expect(await now(answers)).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(await now(answers)).toEqual([{ unconfirmed: true }]);
    asking.close();
  });

  it('answers at once, with no answer, when every node said it does not show the code', async () => {
    const network = cluster();
    const { channel: asking } = network.node('asking');
    const { channel: other } = network.node('other');
    other.onPairAsked(() => undefined);
    expect(await now(asking.askPair(REQUEST))).toEqual([]);
    asking.close();
  });

  it('closing answers the pairings still waiting as unconfirmed, with one listener however many wait', async () => {
    const network = cluster();
    const { channel: asking, namespace } = network.node('asking');
    const { channel: holding } = network.node('holding');
    holding.onPairAsked(() => new Promise<PairAnswer>(() => undefined));
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);

    const asks = Array.from({ length: 12 }, () => asking.askPair(REQUEST));
    await vi.advanceTimersByTimeAsync(0);
    expect(namespace.listenerCount('signage:paired')).toBe(1);
    asking.close();
    expect(await now(Promise.all(asks))).toEqual(asks.map(() => [{ unconfirmed: true }]));
    expect(namespace.listenerCount('signage:paired')).toBe(0);
    process.off('warning', onWarning);
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  it('refuses with a 503 when the nodes cannot be counted (Redis down), instead of hanging', async () => {
    const network = cluster();
    const { channel: asking } = network.node('asking');
    network.node('holding');
    network.state.redisDown = true;
    const refused = await now(asking.askPair(REQUEST));
    expect(refused).toBeInstanceOf(UnavailableError);
    expect((refused as UnavailableError).message).toBe(PEERS_UNREACHABLE);
    asking.close();
  });
});
