/**
 * The nodes of a cluster talk through socket.io's adapter: `serverSideEmit` on the main namespace
 * reaches every other node (in order, through the Redis stream), and with an acknowledgement
 * collects their answers. socket.io counts the nodes by their Redis subscriptions, so a node that
 * died is not waited for.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'socket.io';
import type { PairAnswer, PairRequest, PeerChannel, PeerMessage } from '../fleet/fleet.ts';

const FLEET_EVENT = 'signage:fleet';
const PAIR_EVENT = 'signage:pair';

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
      return new Promise((resolve) => {
        // On a timeout socket.io still hands over the answers that came.
        main.serverSideEmit(PAIR_EVENT, request, (_error: unknown, answers: PairAnswer[] | undefined) =>
          resolve(answers ?? []),
        );
      });
    },
    onPairAsked(handler) {
      const listener = (request: PairRequest, reply: (answer: PairAnswer) => void) => {
        if (typeof reply !== 'function') return;
        // Answered once the pairing is stored: the asking node acknowledges it to staff.
        handler(request).then(reply, () => reply(null));
      };
      main.on(PAIR_EVENT, listener);
      return () => main.off(PAIR_EVENT, listener);
    },
  };
}
