/**
 * Change-to-screen latency and memory per display, for our server and two references run the
 * same way: the server in one process, N real clients in a separate load-generator process that
 * sends each change and times its receipt at every client.
 *
 * All three run side by side. For each: connect 100 clients, read the server's memory (after
 * GC), connect 900 more, read it again (→ bytes per display). Then, at 1,000 clients, and again
 * after growing to 5,000 and 10,000 (when the open-file limit allows), the changes go round-robin
 * in blocks of five: five to ours, five to stock socket.io, five to bare ws, ... so a busy spell of
 * the machine hits all three alike. The first block of each server is the warm-up.
 */
import type { RoundsResult, PoolKind } from './load/generator.ts';
import { spawnBenchChild, type BenchChild } from './lib/ipc.ts';
import {
  BENCH_PASSWORD,
  SERVER_ENV,
  benchSession,
  deltaPacketBytes,
  referenceDelta,
  tempDataDir,
} from './lib/fixtures.ts';
import { openFileLimit } from './lib/machine.ts';
import { round } from './lib/stats.ts';
import type { MemoryReport } from './servers/common.ts';

export const WARMUP_CHANGES = 5;
export const MEASURED_CHANGES = 20;
/** Changes in a row to one server before the next server's turn. */
const BLOCK = 5;
/**
 * Our server writes what screens report (rendered revisions) to disk once a second, in the
 * background. Within our block that work competes with our own changes, as it would in
 * production; before handing over to a reference server the bench lets it finish, so that it
 * does not land in the reference's figures.
 */
const HAND_OVER_MS = 1_200;
const MEMORY_BASE = 100;
const MEMORY_AT = 1_000;
/** Head-room in open files beyond the clients themselves (server files, pipes, the HTTP client). */
const FD_MARGIN = 500;

const KINDS = ['signage', 'socketio', 'ws'] as const;
const SERVERS: Record<PoolKind, string> = {
  signage: 'bench/servers/signage-server.ts',
  socketio: 'bench/servers/socketio-server.ts',
  ws: 'bench/servers/ws-server.ts',
};

export interface MemoryPerDisplay {
  /** Bytes per connected client, from the growth between 100 and 1,000 clients. */
  heapBytes: number;
  rssBytes: number;
  at100: MemoryReport;
  at1000: MemoryReport;
}

export interface ServerLatency {
  server: PoolKind;
  memory: MemoryPerDisplay;
  /** Keyed by the number of clients. */
  runs: Record<number, RoundsResult & { connectSeconds: number }>;
}

export interface LatencyResults {
  messageBytes: number;
  sizes: number[];
  /** Sizes left out, with the reason. */
  skipped: string[];
  servers: ServerLatency[];
}

/** The client counts this machine can hold (each client is an open file in both processes). */
export function clientCounts(requested: number[]): { sizes: number[]; skipped: string[] } {
  const limit = openFileLimit();
  const sizes = requested.filter((n) => n + FD_MARGIN <= limit);
  const skipped = requested
    .filter((n) => !sizes.includes(n))
    .map(
      (n) =>
        `${n} clients need an open-file limit of ${n + FD_MARGIN}; this shell has ${limit} (raise it with ulimit -n)`,
    );
  return { sizes, skipped };
}

interface Rig {
  kind: PoolKind;
  server: BenchChild<{ port: number }>;
  generator: BenchChild;
  data: { remove(): void };
}

async function startRig(kind: PoolKind): Promise<Rig> {
  const session = benchSession();
  const data = tempDataDir();
  const server = spawnBenchChild<{ port: number }>(SERVERS[kind], kind === 'signage' ? ['--data-dir', data.path] : [], {
    env: SERVER_ENV,
  });
  const generator = spawnBenchChild('bench/load/generator.ts', [], { nodeFlags: ['--max-old-space-size=6144'] });
  const rig = { kind, server, generator, data };
  try {
    const { port } = await server.ready;
    await generator.ready;
    if (kind !== 'signage') await server.call('payload', { payload: referenceDelta(session) });
    await generator.call('setup', {
      kind,
      url: `http://127.0.0.1:${port}`,
      password: BENCH_PASSWORD,
      sessionId: session.id,
    });
    return rig;
  } catch (error) {
    await stopRig(rig);
    throw error;
  }
}

async function stopRig({ server, generator, data }: Rig): Promise<void> {
  await generator.stop();
  await server.stop();
  data.remove();
}

/** Memory per client from the growth between 100 and 1,000 connected clients. */
async function measureMemory(rigs: Rig[], log: (line: string) => void): Promise<Map<PoolKind, MemoryPerDisplay>> {
  const at100 = new Map<PoolKind, MemoryReport>();
  const memory = new Map<PoolKind, MemoryPerDisplay>();
  for (const rig of rigs) {
    await rig.generator.call('connect', { count: MEMORY_BASE });
    at100.set(rig.kind, await rig.server.call<MemoryReport>('memory'));
  }
  for (const rig of rigs) {
    await rig.generator.call('connect', { count: MEMORY_AT - MEMORY_BASE });
    const at1000 = await rig.server.call<MemoryReport>('memory');
    const base = at100.get(rig.kind)!;
    const grown = MEMORY_AT - MEMORY_BASE;
    const perDisplay = {
      heapBytes: Math.round((at1000.heapUsed - base.heapUsed) / grown),
      rssBytes: Math.round((at1000.rss - base.rss) / grown),
      at100: base,
      at1000,
    };
    memory.set(rig.kind, perDisplay);
    log(
      `  ${rig.kind}: ${round(perDisplay.heapBytes / 1024, 1)} KB heap, ${round(perDisplay.rssBytes / 1024, 1)} KB RSS per client`,
    );
  }
  return memory;
}

export async function latencyBenchmark(requestedSizes: number[], log: (line: string) => void): Promise<LatencyResults> {
  const { sizes, skipped } = clientCounts(requestedSizes);
  for (const reason of skipped) log(`  skipped: ${reason}`);
  const rigs: Rig[] = [];
  try {
    for (const kind of KINDS) rigs.push(await startRig(kind));
    const memory = await measureMemory(rigs, log);
    const runs = new Map<PoolKind, ServerLatency['runs']>(KINDS.map((kind) => [kind, {}]));
    let connected = MEMORY_AT;
    for (const size of sizes) {
      const connectSeconds = new Map<PoolKind, number>();
      for (const rig of rigs) {
        const { seconds } =
          size > connected
            ? await rig.generator.call<{ seconds: number }>('connect', { count: size - connected })
            : { seconds: 0 };
        connectSeconds.set(rig.kind, round(seconds));
      }
      connected = size;
      // Blocks of changes, round-robin over the servers, so that they share the machine's moods.
      for (let block = 0; block < (WARMUP_CHANGES + MEASURED_CHANGES) / BLOCK; block++) {
        for (const rig of rigs) {
          for (let k = block * BLOCK; k < (block + 1) * BLOCK; k++) {
            await rig.generator.call('round', { record: k >= WARMUP_CHANGES, timeoutMs: 30_000 });
          }
          if (rig.kind === 'signage') await new Promise((resolve) => setTimeout(resolve, HAND_OVER_MS));
        }
      }
      for (const rig of rigs) {
        const result = await rig.generator.call<RoundsResult>('report');
        runs.get(rig.kind)![size] = { ...result, connectSeconds: connectSeconds.get(rig.kind)! };
        const { p50, p99, max } = result.latency;
        log(
          `  ${rig.kind} × ${size}: p50 ${p50} ms, p99 ${p99} ms, max ${max} ms${result.missed ? `, ${result.missed} missed` : ''}`,
        );
      }
    }
    for (const rig of rigs) await rig.generator.call('close');
    return {
      messageBytes: deltaPacketBytes(benchSession()),
      sizes,
      skipped,
      servers: KINDS.map((kind) => ({ server: kind, memory: memory.get(kind)!, runs: runs.get(kind)! })),
    };
  } finally {
    for (const rig of rigs) await stopRig(rig);
  }
}
