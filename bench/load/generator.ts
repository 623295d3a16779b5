/**
 * The load generator: a process of its own that holds thousands of real clients of one server
 * and measures, on its own clock, the time from sending a change to each client's receipt of it.
 * Driven by the bench over IPC: setup → connect (repeatable) → rounds | storm → close.
 * For changes made elsewhere (the bench writing to several nodes, a stream during a failover):
 * setup → connect → track → allHold → latencies | recovery → close, on epoch times.
 */
import { announceReady, epochNow, serveParent } from '../lib/ipc.ts';
import { summarize, type Summary } from '../lib/stats.ts';
import type { Pool, ReceiptSink } from './pool.ts';
import { Receipts } from './receipts.ts';
import { RevisionHistory } from './revision-history.ts';
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
let history: RevisionHistory | undefined;
const sink: ReceiptSink = {
  saw(index, value) {
    receipts.saw(index, value);
    history?.saw(index, value);
  },
};
let pool: Pool | undefined;

function requirePool(): Pool {
  if (!pool) throw new Error('setup first');
  return pool;
}

function requireHistory(): RevisionHistory {
  if (!history) throw new Error('track first');
  return history;
}

function requireSignage(): SignagePool {
  if (!(pool instanceof SignagePool)) throw new Error('this needs the signage pool');
  return pool;
}

export interface StreamLatencies {
  /** Receipt minus the write's start, ms, for every client and revision that arrived. */
  values: number[];
  missed: number;
}

/** Each revision's receipts at every client against the epoch time its write started. */
function latencies({ starts }: { starts: Array<[revision: number, startedAt: number]> }): StreamLatencies {
  const held = requireHistory();
  const values: number[] = [];
  let missed = 0;
  for (const [revision, startedAt] of starts) {
    for (let i = 0; i < held.size; i++) {
      const at = held.heldAt(i, revision);
      if (at === 0) missed++;
      else values.push(at - startedAt);
    }
  }
  return { values, missed };
}

export interface RecoveryResult {
  /** Clients whose connection broke after `since`. */
  dropped: number;
  /** For each of them that came back: ms from `since` until it held `revision`. */
  values: number[];
  /** For each of them that came back: ms from `since` until it was connected again. */
  reconnected: number[];
  /** For each of them: ms from `since` until it noticed its connection was gone. */
  noticed: number[];
  /** For each of them: reconnection attempts it needed (1 = the first one got through). */
  attempts: number[];
  /** Dropped clients that never held it. */
  never: number;
}

/** How long the clients cut off after `since` took to hold `revision` (written after `since`). */
function recovery({ since, revision }: { since: number; revision: number }): RecoveryResult {
  const clients = requireSignage();
  const held = requireHistory();
  const values: number[] = [];
  const reconnected: number[] = [];
  const noticed: number[] = [];
  const attempts: number[] = [];
  let dropped = 0;
  for (let i = 0; i < clients.size; i++) {
    if (clients.disconnectedAt[i]! < since) continue;
    dropped++;
    noticed.push(clients.disconnectedAt[i]! - since);
    attempts.push(clients.attempts[i]!);
    const at = held.heldAt(i, revision);
    if (at > 0) values.push(at - since);
    if (clients.connectedAt[i]! > since) reconnected.push(clients.connectedAt[i]! - since);
  }
  return { dropped, values, reconnected, noticed, attempts, never: dropped - values.length };
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
    randomizationFactor?: number;
    confirmEach?: boolean;
  }) {
    const base = { url: message.url, receipts: sink, concurrency: message.concurrency ?? 100 };
    if (message.kind === 'signage') {
      const signage = new SignagePool({
        ...base,
        password: message.password ?? '',
        sessionId: message.sessionId ?? '',
        reconnection: message.reconnection ?? false,
        reconnectionDelay: message.reconnectionDelay,
        reconnectionDelayMax: message.reconnectionDelayMax,
        randomizationFactor: message.randomizationFactor,
        confirmEach: message.confirmEach,
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
  /** From now on, note when each client first holds each revision after `from`. */
  track({ from }: { from: number }) {
    history = new RevisionHistory(requirePool().size, from);
  },
  allHold: ({ revision, timeoutMs }: { revision: number; timeoutMs: number }) =>
    requireHistory().allHold(revision, timeoutMs),
  latencies,
  recovery,
  close() {
    pool?.close();
    pool = undefined;
    history = undefined;
  },
});
announceReady();
