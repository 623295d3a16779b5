/**
 * The cluster's channel between nodes (server/realtime/peer-channel.ts) on a real Redis, through
 * the adapter the server uses (@socket.io/redis-streams-adapter), with two socket.io servers in
 * this process as two nodes. A pairing whose database write outlasts socket.io's 5 s wait for
 * acknowledgements is still reported as the pairing it was, not as a code nobody shows; a node
 * closing, or losing Redis, answers its pairings instead of leaving staff's requests hanging.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEERS_UNREACHABLE, peerChannel } from '../../server/realtime/peer-channel.ts';
import type { PairAnswer, PairRequest, PeerChannel, PeerMessage } from '../../server/fleet/fleet.ts';
import type { DisplayStatus } from '../../shared/protocol.ts';
import { missingPrograms, startRedis, type RunningService } from '../support/cluster-services.ts';

const missing = missingPrograms([{ name: 'redis-server', args: ['--version'] }]);
if (missing.length > 0)
  console.log('peer channel tests skipped: they need redis-server (apt-get install redis-server)');

const CODE = 'K7Q2M9';
const REQUEST: PairRequest = { code: CODE, assignment: { view: 'lobby' }, name: 'Foyer' };

describe.skipIf(missing.length > 0)('the channel between cluster nodes', () => {
  let dir: string;
  let redis: RunningService & { url: string };
  const clients: Array<ReturnType<typeof createClient>> = [];
  const servers: Server[] = [];
  let asking: PeerChannel;
  let holding: PeerChannel;

  async function node(name: string): Promise<PeerChannel> {
    const client = createClient({ url: redis.url });
    client.on('error', () => undefined); // Redis stops before the adapter's readers at the end
    await client.connect();
    clients.push(client);
    // A short blocking read, so that closing does not wait out the default 5 s poll.
    const io = new Server({ adapter: createAdapter(client, { streamName: 'peer-channel-test', blockTimeInMs: 200 }) });
    servers.push(io);
    return peerChannel(io, name);
  }

  /**
   * Resolves once `to` has heard `from` (so each adapter counts the other node). The adapter reads
   * the stream from its end once its reader is connected, which nothing announces: `from` says
   * hello again until it is heard.
   */
  function heard(from: PeerChannel, to: PeerChannel): Promise<void> {
    return new Promise((resolve) => {
      const again = setInterval(() => from.publish({ kind: 'hello', node: from.node }), 100);
      const stop = to.onMessage((message: PeerMessage) => {
        if (message.node !== from.node) return;
        clearInterval(again);
        stop();
        resolve();
      });
    });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'peer-channel-'));
    redis = await startRedis(dir);
    asking = await node('asking');
    holding = await node('holding');
    await heard(holding, asking);
    await heard(asking, holding);
  });

  afterAll(async () => {
    // Not io.close(): these servers have no HTTP server (and so no engine) to close.
    for (const io of servers) io.of('/').adapter.close();
    // close(), not destroy(): the commands the adapters still have in flight are answered first.
    for (const client of clients) await client.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('waits for the outcome of a pairing whose write outlasts the acknowledgement timeout', async () => {
    const paired = { id: 'screen-1', name: 'Foyer', view: 'lobby', connected: true } as DisplayStatus;
    let finishWrite!: (answer: PairAnswer) => void;
    let stopHandling!: () => void;
    const writeStarted = new Promise<void>((started) => {
      stopHandling = holding.onPairAsked((request) => {
        if (request.code !== CODE) return undefined;
        started();
        return new Promise<PairAnswer>((resolve) => (finishWrite = resolve));
      });
    });

    const answers = asking.askPair(REQUEST);
    // Asked right after, of nobody: its acknowledgements time out just after the pairing's would.
    const acknowledgementsTimedOut = new Promise<void>((resolve) =>
      servers[0]!.of('/').serverSideEmit('peer-channel-test:nobody', () => resolve()),
    );
    await writeStarted;
    await acknowledgementsTimedOut;
    finishWrite(paired);
    expect(await answers).toEqual([paired]);
    stopHandling();
  });

  it('answers at once with no answer when no node shows the code, and passes on a refused write', async () => {
    const stopHandling = holding.onPairAsked((request) =>
      request.code === CODE ? Promise.resolve({ unstored: true }) : undefined,
    );
    expect(await asking.askPair({ ...REQUEST, code: 'NOPE42' })).toEqual([]);
    expect(await asking.askPair(REQUEST)).toEqual([{ unstored: true }]);
    stopHandling();
  });

  // Last: its node stays counted by the others until its adapter is closed.
  it('a closing node answers the pairings it still waits for as unconfirmed, and one without Redis refuses at once', async () => {
    const client = createClient({ url: redis.url });
    client.on('error', () => undefined);
    await client.connect();
    const io = new Server({ adapter: createAdapter(client, { streamName: 'peer-channel-test', blockTimeInMs: 200 }) });
    const closing = peerChannel(io, 'closing');
    // Its adapter subscribes to the nodes' channel on a connection of its own, which nothing
    // announces; closing that connection mid-subscribe would reject the adapter's subscribe.
    while ((await io.of('/').adapter.serverCount()) < 3) await new Promise((resolve) => setTimeout(resolve, 20));
    let stopHandling!: () => void;
    const writeStarted = new Promise<void>((started) => {
      stopHandling = holding.onPairAsked((request) => {
        if (request.code !== CODE) return undefined;
        started();
        return new Promise<PairAnswer>(() => undefined); // a write that hangs
      });
    });

    const answers = closing.askPair(REQUEST);
    await writeStarted;
    closing.close();
    expect(await answers).toEqual([{ unconfirmed: true }]);

    // Redis gone: the adapter cannot count the nodes, and the ask says so instead of hanging.
    io.of('/').adapter.close();
    await client.close();
    const unreachable = peerChannel(io, 'unreachable');
    await expect(unreachable.askPair(REQUEST)).rejects.toThrow(PEERS_UNREACHABLE);
    unreachable.close();
    stopHandling();
  });
});
