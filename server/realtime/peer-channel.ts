/**
 * The nodes of a cluster talk through socket.io's adapter: `serverSideEmit` on the main namespace
 * reaches every other node (in order, through the Redis stream), and with an acknowledgement
 * collects their answers. @socket.io/redis-streams-adapter is a ClusterAdapter whose
 * `serverCount()` is Redis's PUBSUB NUMSUB on its channel (no heartbeats): the nodes waited for
 * are those subscribed now. A node that exited closed its connection, and with it its
 * subscription; one whose connection Redis has not seen drop yet, or whose event loop is stuck, is
 * counted, and waited for until socket.io gives up.
 *
 * A pairing is asked in two steps. socket.io gives up on acknowledgements after 5 s, a constant of
 * socket.io-adapter's ClusterAdapter that @socket.io/redis-streams-adapter offers no option for
 * (`requestsTimeout` belongs to the pub/sub adapter). A node answering only once its database
 * write had settled could miss that, and staff were told "no screen shows this code" (404) about a
 * screen that was then paired. So the node showing the code acknowledges at once that it took the
 * request, and sends the outcome of its write when it has one; the asking node waits for that
 * (up to PAIR_OUTCOME_MS from the ask). Answering 200 before the write instead would claim
 * pairings the database then refused.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'socket.io';
import type { PairAnswer, PairRequest, PeerChannel, PeerMessage } from '../fleet/fleet.ts';
import { UnavailableError } from '../platform/errors.ts';

const FLEET_EVENT = 'signage:fleet';
const PAIR_EVENT = 'signage:pair';
const PAIRED_EVENT = 'signage:paired';

/**
 * How long, from the ask, the asking node waits for the outcome of a pairing another node took:
 * far beyond any write of a working database, and bounded so that a request does not hang for
 * ever when the node pairing it dies meanwhile (staff are then told it was not confirmed, not
 * that it failed).
 */
export const PAIR_OUTCOME_MS = 60_000;

/** What staff read when the other nodes could not be asked at all (Redis unreachable). */
export const PEERS_UNREACHABLE = 'the other nodes of the cluster could not be asked: nothing was changed, try again';

/** What a node showing the code acknowledges at once; its PairOutcome follows. */
const TAKEN = 'taken';

interface PairAsk {
  id: string;
  request: PairRequest;
}

interface PairOutcome {
  id: string;
  answer: PairAnswer;
}

type Emitter = {
  serverSideEmit(event: string, ...args: unknown[]): boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
  /** Called directly for asks: its promise is the only sign that the request never went out. */
  adapter: { serverSideEmit(packet: unknown[]): Promise<void> | void };
};

/** A pairing asked of the other nodes, waiting for its outcomes. */
interface PendingAsk {
  outcomes: PairAnswer[];
  /**
   * How many outcomes end the wait: the nodes that said they took it, once their
   * acknowledgements are in. At least one when some node did not acknowledge in time (it may
   * have taken it, and its outcome may still come), so that only an outcome or the cap ends it.
   */
  expected: number | undefined;
  settle(outcome: PairAnswer[] | Error): void;
}

/**
 * A message as it should arrive. The adapter encodes with msgpack, which turns an absent
 * (undefined) field into null: a rename would arrive as "language: null". JSON drops undefined
 * and keeps a meant null.
 */
function wire<T>(message: T): T {
  return JSON.parse(JSON.stringify(message)) as T;
}

export function peerChannel(io: Server, node: string = randomUUID()): PeerChannel {
  // The main namespace carries no client traffic of ours: only these node-to-node events.
  const main = io.of('/') as unknown as Emitter;
  const pending = new Map<string, PendingAsk>();
  // One listener for every ask in flight (not one each: no MaxListeners warning, nothing to leak).
  const onOutcome = (outcome: PairOutcome) => {
    const ask = pending.get(outcome.id);
    if (!ask) return;
    ask.outcomes.push(outcome.answer);
    if (ask.expected !== undefined && ask.outcomes.length >= ask.expected) ask.settle(ask.outcomes);
  };
  main.on(PAIRED_EVENT, onOutcome);
  return {
    node,
    publish(message) {
      main.serverSideEmit(FLEET_EVENT, wire(message));
    },
    onMessage(listener) {
      const handler = (message: PeerMessage) => listener(message);
      main.on(FLEET_EVENT, handler);
      return () => main.off(FLEET_EVENT, handler);
    },
    askPair(request) {
      const id = randomUUID();
      return new Promise((resolve, reject) => {
        // From the ask, not from the acknowledgements: the cap is the whole wait.
        const timer = setTimeout(() => {
          const missing = Math.max(ask.expected ?? 1, 1) - ask.outcomes.length;
          ask.settle([...ask.outcomes, ...Array.from({ length: missing }, () => ({ unconfirmed: true as const }))]);
        }, PAIR_OUTCOME_MS);
        timer.unref();
        const ask: PendingAsk = {
          outcomes: [],
          expected: undefined,
          settle(result) {
            if (!pending.delete(id)) return;
            clearTimeout(timer);
            if (result instanceof Error) reject(result);
            else resolve(result);
          },
        };
        // Pending before asking: an outcome may come before the acknowledgements.
        pending.set(id, ask);
        // On a timeout socket.io still hands over the acknowledgements that came, with an error.
        const acknowledged = (error: unknown, answers?: unknown[]) => {
          const taken = (answers ?? []).filter((answer) => answer === TAKEN).length;
          // A node that did not acknowledge in time may have taken it all the same: a code nobody
          // said they show is then not a 404, but waits for a late outcome, or the cap and is
          // unconfirmed. The cap, not a shorter grace: an outcome coming after a grace would be
          // the false 404 this avoids, and the wait only costs when a node is not answering.
          ask.expected = error ? Math.max(taken, 1) : taken;
          if (ask.outcomes.length >= ask.expected) ask.settle(ask.outcomes);
        };
        try {
          const sent = main.adapter.serverSideEmit([PAIR_EVENT, { id, request } satisfies PairAsk, acknowledged]);
          // It rejects when the adapter cannot count the nodes (Redis down): nothing was sent.
          Promise.resolve(sent).catch(() => ask.settle(new UnavailableError(PEERS_UNREACHABLE)));
        } catch {
          ask.settle(new UnavailableError(PEERS_UNREACHABLE));
        }
      });
    },
    onPairAsked(handler) {
      const listener = (ask: PairAsk, reply: (answer: typeof TAKEN | null) => void) => {
        if (typeof reply !== 'function') return;
        const pairing = handler(ask.request);
        if (!pairing) return reply(null);
        reply(TAKEN);
        // Sent once the pairing is stored (or refused): the asking node answers staff with it.
        const send = (answer: PairAnswer) =>
          main.serverSideEmit(PAIRED_EVENT, wire<PairOutcome>({ id: ask.id, answer }));
        pairing.then(send, () => send({ unconfirmed: true }));
      };
      main.on(PAIR_EVENT, listener);
      return () => main.off(PAIR_EVENT, listener);
    },
    close() {
      main.off(PAIRED_EVENT, onOutcome);
      for (const ask of pending.values()) ask.settle([...ask.outcomes, { unconfirmed: true }]);
    },
  };
}
