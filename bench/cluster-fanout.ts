/**
 * A cluster's change-to-screen latency against one node's, side by side in one run: (a) one node
 * (`npm start`, SQLite) with 1,000 screens; (b) two nodes on PostgreSQL and Redis with 1,000
 * screens each. Every node is a real `server/main.ts` process started by the cluster tests'
 * harness (test/support/cluster.ts); each node's screens are held by a load-generator process of
 * their own, speaking the display protocol (bench/load/signage-pool.ts) and confirming each
 * revision as it renders it, as the display page does.
 *
 * Staff writes go out at a steady rate, whether or not the previous one has reached every screen:
 * on the cluster they alternate between the two nodes, so half of each node's changes were
 * committed by the other one. Latency is from the start of a write's request (the bench's clock)
 * to each screen holding that revision (the generator's; both epoch times). The two set-ups take
 * turns in blocks of writes so that a busy spell of the shared machine hits both alike.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CLUSTER_PASSWORD,
  clusterPrerequisites,
  startCluster,
  startNode,
  type ClusterNode,
} from '../test/support/cluster.ts';
import { stopChild } from '../test/support/cluster-services.ts';
import { createDatabase, startPostgres, type RunningPostgres } from '../test/support/postgres-server.ts';
import type { StreamLatencies } from './load/generator.ts';
import { retitle, signIn } from './load/staff-client.ts';
import { benchSession } from './lib/fixtures.ts';
import { epochNow, spawnBenchChild, type BenchChild } from './lib/ipc.ts';
import { describeLoad, processRss, watchLoad, type LoadAverages } from './lib/machine.ts';
import { round, summarize, type Summary } from './lib/stats.ts';

const SCREENS_PER_NODE = 1_000;
/** Five writes a second: a busy control room, well above what staff type. */
export const WRITE_INTERVAL_MS = 200;
/** Writes in a row to one set-up before the other's turn. */
const BLOCK = 10;
const WARM_UP_BLOCKS = 1;
const MEASURED_BLOCKS = 4;
const ALL_HOLD_TIMEOUT_MS = 30_000;

export interface FanoutSide {
  nodes: number;
  screens: number;
  writes: number;
  latency: Summary;
  /** Screen × revision pairs that never arrived. */
  missed: number;
  /** Each node's resident memory with its screens connected, and its growth per screen. */
  rssBytes: number[];
  rssPerScreenBytes: number;
}

export interface ClusterFanoutResults {
  writeIntervalMs: number;
  single: FanoutSide;
  cluster: FanoutSide;
  /** Cluster p99 ÷ single-node p99 (target ≤ 2). */
  ratio: number;
  loadAverage: LoadAverages;
}

export interface ClusterFanoutSkipped {
  skipped: string;
}

interface Rig {
  nodes: ClusterNode[];
  cookies: string[];
  generators: BenchChild[];
  /** Revisions measured and the epoch time their write started. */
  starts: Array<[revision: number, startedAt: number]>;
  latest: number;
  writes: number;
  rssBefore: number[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One generator per node, holding that node's screens; the node's memory before and after. */
async function connectScreens(nodes: ClusterNode[], sessionId: string, spawned: BenchChild[]): Promise<Rig> {
  const generators = nodes.map(() =>
    spawnBenchChild('bench/load/generator.ts', [], { nodeFlags: ['--max-old-space-size=4096'] }),
  );
  spawned.push(...generators);
  const rig: Rig = { nodes, cookies: [], generators, starts: [], latest: 0, writes: 0, rssBefore: [] };
  rig.cookies = await Promise.all(nodes.map((node) => signIn(node.url, CLUSTER_PASSWORD)));
  rig.rssBefore = nodes.map((node) => processRss(node.child.pid!));
  await Promise.all(
    generators.map(async (generator, index) => {
      await generator.ready;
      await generator.call('setup', {
        kind: 'signage',
        url: nodes[index]!.url,
        password: CLUSTER_PASSWORD,
        sessionId,
        confirmEach: true,
      });
    }),
  );
  // One node's screens after the other's: a connection storm is the failover bench's business.
  for (const generator of generators) await generator.call('connect', { count: SCREENS_PER_NODE });
  const schedule = (await (await fetch(`${nodes[0]!.url}/api/schedule`)).json()) as { revision: number };
  rig.latest = schedule.revision;
  for (const generator of generators) await generator.call('track', { from: schedule.revision });
  return rig;
}

/** BLOCK writes at the steady rate, alternating over the rig's nodes; then every screen holds the last. */
async function writeBlock(rig: Rig, sessionId: string, record: boolean): Promise<void> {
  const blockStart = performance.now();
  const writes: Array<Promise<void>> = [];
  for (let k = 0; k < BLOCK; k++) {
    const node = rig.writes % rig.nodes.length;
    rig.writes += 1;
    const startedAt = epochNow();
    writes.push(
      retitle(rig.nodes[node]!.url, rig.cookies[node]!, sessionId, rig.writes).then((revision) => {
        if (record) rig.starts.push([revision, startedAt]);
        rig.latest = Math.max(rig.latest, revision);
      }),
    );
    await sleep(blockStart + (k + 1) * WRITE_INTERVAL_MS - performance.now());
  }
  await Promise.all(writes);
  await Promise.all(
    rig.generators.map((generator) =>
      generator.call('allHold', { revision: rig.latest, timeoutMs: ALL_HOLD_TIMEOUT_MS }),
    ),
  );
}

async function side(rig: Rig): Promise<FanoutSide> {
  const values: number[] = [];
  let missed = 0;
  for (const generator of rig.generators) {
    const result = await generator.call<StreamLatencies>('latencies', { starts: rig.starts });
    for (const value of result.values) values.push(value);
    missed += result.missed;
  }
  const rssBytes = rig.nodes.map((node) => processRss(node.child.pid!));
  const grown = rssBytes.reduce((sum, rss, index) => sum + rss - rig.rssBefore[index]!, 0);
  return {
    nodes: rig.nodes.length,
    screens: rig.nodes.length * SCREENS_PER_NODE,
    writes: rig.starts.length,
    latency: summarize(values),
    missed,
    rssBytes,
    rssPerScreenBytes: Math.round(grown / (rig.nodes.length * SCREENS_PER_NODE)),
  };
}

function describe(name: string, result: FanoutSide): string {
  const { p50, p95, p99, max } = result.latency;
  const rss = result.rssBytes.map((bytes) => `${Math.round(bytes / 1e6)} MB`).join(' + ');
  return (
    `  ${name} (${result.nodes} × ${SCREENS_PER_NODE.toLocaleString('en')} screens, ${result.writes} writes): ` +
    `p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, max ${max} ms${result.missed ? `, ${result.missed} missed` : ''}; ` +
    `RSS ${rss} (${round(result.rssPerScreenBytes / 1000, 1)} KB per screen)`
  );
}

export async function clusterFanoutBenchmark(
  log: (line: string) => void,
): Promise<ClusterFanoutResults | ClusterFanoutSkipped> {
  const missing = clusterPrerequisites();
  if (missing) {
    log(`  skipped: the cluster ${missing}`);
    return { skipped: missing };
  }
  const load = watchLoad();
  const sessionId = benchSession().id;
  const dir = mkdtempSync(join(tmpdir(), 'signage-bench-cluster-'));
  const stops: Array<() => Promise<void>> = [];
  const rigs: Rig[] = [];
  const generators: BenchChild[] = [];
  try {
    let postgres: RunningPostgres;
    try {
      postgres = await startPostgres();
    } catch (error) {
      const reason = (error as Error).message;
      log(`  skipped: ${reason}`);
      return { skipped: reason };
    }
    stops.push(() => postgres.stop());
    const cluster = await startCluster(dir, { database: await createDatabase(postgres.url, 'bench') });
    stops.push(() => cluster.stop());
    const single = await startNode(mkdtempSync(join(dir, 'single-')), []);
    stops.push(() => stopChild(single.child));

    rigs.push(
      await connectScreens([single], sessionId, generators),
      await connectScreens(cluster.nodes, sessionId, generators),
    );
    for (let block = 0; block < WARM_UP_BLOCKS + MEASURED_BLOCKS; block++) {
      for (const rig of rigs) await writeBlock(rig, sessionId, block >= WARM_UP_BLOCKS);
    }
    const [one, two] = [await side(rigs[0]!), await side(rigs[1]!)];
    const ratio = round(two.latency.p99 / one.latency.p99, 2);
    const loadAverage = load();
    log(describe('one node', one));
    log(describe('two nodes', two));
    log(
      `  cluster p99 ÷ one-node p99: ×${ratio} (target ≤ 2: ${ratio <= 2 ? 'pass' : 'FAIL'}); ${describeLoad(loadAverage)}`,
    );
    return { writeIntervalMs: WRITE_INTERVAL_MS, single: one, cluster: two, ratio, loadAverage };
  } finally {
    for (const generator of generators) await generator.stop();
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
