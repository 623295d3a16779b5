/**
 * The nodes of a cluster talk through socket.io's adapter: `serverSideEmit` on the main namespace
 * reaches every other node (in order, through the Redis stream), and with an acknowledgement
 * collects their answers. socket.io counts the nodes by their heartbeats, so a node that died is
 * not waited for long.
 *
 * A pairing is asked in two steps. socket.io gives up on acknowledgements after 5 s, a constant of
 * socket.io-adapter's ClusterAdapter that @socket.io/redis-streams-adapter offers no option for
 * (`requestsTimeout` belongs to the pub/sub adapter). A node answering only once its database
 * write had settled could miss that, and staff were told "no screen shows this code" (404) about a
 * screen that was then paired. So the node showing the code acknowledges at once that it took the
 * request, and sends the outcome of its write when it has one; the asking node waits for that
 * (up to PAIR_OUTCOME_MS). Answering 200 before the write instead would claim pairings the
 * database then refused.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'socket.io';
import type { PairAnswer, PairRequest, PeerChannel, PeerMessage } from '../fleet/fleet.ts';

const FLEET_EVENT = 'signage:fleet';
const PAIR_EVENT = 'signage:pair';
const PAIRED_EVENT = 'signage:paired';

/**
 * How long the asking node waits for the outcome of a pairing another node took: far beyond any
 * write of a working database, and bounded so that a request does not hang for ever when the
 * node pairing it dies meanwhile (staff are then told it was not confirmed, not that it failed).
 */
export const PAIR_OUTCOME_MS = 60_000;

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
};

export function peerChannel(io: Server, node: string = randomUUID()): PeerChannel {
  // The main namespace carries no client traffic of ours: only these node-to-node events.
  const main = io.of('/') as unknown as Emitter;
  return {
    node,
    publish(message) {
      // The adapter encodes with msgpack, which turns an absent (undefined) field into null: a
      // rename would arrive as "language: null". JSON drops undefined and keeps a meant null.
      main.serverSideEmit(FLEET_EVENT, JSON.parse(JSON.stringify(message)) as PeerMessage);
    },
    onMessage(listener) {
      const handler = (message: PeerMessage) => listener(message);
      main.on(FLEET_EVENT, handler);
      return () => main.off(FLEET_EVENT, handler);
    },
    askPair(request) {
      const id = randomUUID();
      return new Promise((resolve) => {
        const outcomes: PairAnswer[] = [];
        let expected: number | undefined;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const finish = () => {
          main.off(PAIRED_EVENT, onOutcome);
          clearTimeout(timer);
          resolve(outcomes);
        };
        // Listening before asking: an outcome may come before the acknowledgements.
        const onOutcome = (outcome: PairOutcome) => {
          if (outcome.id !== id) return;
          outcomes.push(outcome.answer);
          if (outcomes.length === expected) finish();
        };
        main.on(PAIRED_EVENT, onOutcome);
        // On a timeout socket.io still hands over the acknowledgements that came.
        main.serverSideEmit(PAIR_EVENT, { id, request } satisfies PairAsk, (_error: unknown, answers?: unknown[]) => {
          expected = (answers ?? []).filter((answer) => answer === TAKEN).length;
          if (outcomes.length >= expected) return finish();
          timer = setTimeout(() => {
            for (let missing = outcomes.length; missing < expected!; missing += 1) outcomes.push({ unconfirmed: true });
            finish();
          }, PAIR_OUTCOME_MS);
          timer.unref();
        });
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
          main.serverSideEmit(PAIRED_EVENT, JSON.parse(JSON.stringify({ id: ask.id, answer })) as PairOutcome);
        pairing.then(send, () => send({ unconfirmed: true }));
      };
      main.on(PAIR_EVENT, listener);
      return () => main.off(PAIR_EVENT, listener);
    },
  };
}
