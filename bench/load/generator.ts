/**
 * The load generator: a process of its own that holds thousands of real clients of one server
 * and measures, on its own clock, the time from sending a change to each client's receipt of it.
 * Driven by the bench over IPC: setup → connect (repeatable) → rounds | storm → close.
 */
import { announceReady, epochNow, serveParent } from '../lib/ipc.ts';
import { summarize, type Summary } from '../lib/stats.ts';
import type { Pool } from './pool.ts';
import { Receipts } from './receipts.ts';
import { SocketIoPool, WsPool } from './reference-pools.ts';
import { SignagePool } from './signage-pool.ts';

export type PoolKind = 'signage' | 'socketio' | 'ws';

export interface RoundsResult {
  clients: number;
  changes: number;
  latency: Summary;
  /** Client receipts that did not arrive within the round timeout. */
  missed: number;
  /** p99 of each change, in order, to show drift or outliers. */
  perChangeP99: number[];
}

export interface StormResult {
  clients: number;
  /** From the restarted server being ready until every client holds the revision written right after. */
  allCurrentAfterReadyMs: number;
  allCurrentAfterKillMs: number;
  missed: number;
  /** When the clients were back (connected), from the server being ready. */
  reconnected: Summary;
}

const receipts = new Receipts();
let pool: Pool | undefined;

function requirePool(): Pool {
  if (!pool) throw new Error('setup first');
  return pool;
}

/** Samples of the current series (one client count), accumulated round by round. */
let series = { values: [] as number[], perChangeP99: [] as number[], missed: 0 };

/**
 * One change, timed at every client. Rounds are driven one at a time by the bench, so it can
 * interleave the servers it compares: noise from the machine then hits all of them alike.
 */
async function oneRound({ record, timeoutMs }: { record: boolean; timeoutMs: number }): Promise<void> {
  const clients = requirePool();
  const target = clients.nextTarget();
  receipts.arm(clients.size, target);
  const start = performance.now();
  await clients.change(target);
  await receipts.complete(timeoutMs);
  const round = receipts.latencies(start);
  clients.afterRound(target);
  if (record) {
    for (const value of round.values) series.values.push(value);
    series.missed += round.missed;
    series.perChangeP99.push(summarize(round.values).p99);
  }
  // Let the server digest the confirmations before the next change (sequential changes).
  await new Promise((resolve) => setTimeout(resolve, 50 + clients.size / 50));
}

/** The series so far, summarised; starts a new one. */
function report(): RoundsResult {
  const result = {
    clients: requirePool().size,
    changes: series.perChangeP99.length,
    latency: summarize(series.values),
    missed: series.missed,
    perChangeP99: series.perChangeP99,
  };
  series = { values: [], perChangeP99: [], missed: 0 };
  return result;
}

async function storm({
  killedAt,
  readyAt,
  timeoutMs,
}: {
  killedAt: number;
  readyAt: number;
  timeoutMs: number;
}): Promise<StormResult> {
  if (!(pool instanceof SignagePool)) throw new Error('the reconnect storm needs the signage pool');
  const clients = pool;
  await clients.prepare();
  const target = clients.nextTarget();
  receipts.arm(clients.size, target);
  await clients.change(target);
  await receipts.complete(timeoutMs);
  const times = receipts.timesOf();
  let last = 0;
  let missed = 0;
  for (const time of times) {
    if (time === 0) missed++;
    else last = Math.max(last, time);
  }
  const lastEpoch = performance.timeOrigin + last;
  return {
    clients: clients.size,
    allCurrentAfterReadyMs: lastEpoch - readyAt,
    allCurrentAfterKillMs: lastEpoch - killedAt,
    missed,
    reconnected: summarize(Array.from(clients.connectedAt, (at) => at - readyAt)),
  };
}

serveParent({
  setup(message: {
    kind: PoolKind;
    url: string;
    concurrency?: number;
    password?: string;
    sessionId?: string;
    reconnection?: boolean;
    reconnectionDelay?: number;
    reconnectionDelayMax?: number;
  }) {
    const base = { url: message.url, receipts, concurrency: message.concurrency ?? 100 };
    if (message.kind === 'signage') {
      const signage = new SignagePool({
        ...base,
        password: message.password ?? '',
        sessionId: message.sessionId ?? '',
        reconnection: message.reconnection ?? false,
        reconnectionDelay: message.reconnectionDelay,
        reconnectionDelayMax: message.reconnectionDelayMax,
      });
      pool = signage;
      return signage.prepare();
    }
    pool = message.kind === 'socketio' ? new SocketIoPool(base) : new WsPool(base);
  },
  async connect({ count }: { count: number }) {
    const started = epochNow();
    await requirePool().connect(count);
    return { clients: requirePool().size, seconds: (epochNow() - started) / 1000 };
  },
  round: oneRound,
  report,
  storm,
  close() {
    pool?.close();
    pool = undefined;
  },
});
announceReady();
