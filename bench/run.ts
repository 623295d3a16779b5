/**
 * npm run bench: every benchmark in turn, then bench/results.json (all figures, the machine) and
 * bench/results.md (the summary table, also printed). Each benchmark starts and ends its own
 * processes; everything talks to 127.0.0.1 only. About ten minutes on two cores.
 *
 *   npm run bench                 all of it
 *   npm run bench -- --quick      1,000 displays only (no 5,000 / 10,000), for a fast look
 *   npm run bench -- --only import-stall   just the 2 MB import under clock polling (prints, writes nothing)
 *   npm run bench -- --only importer       just the importer figures, 2 MB feeds included (prints, writes nothing)
 *   npm run bench -- --only display-load   just the door display's JavaScript size and first render (prints, writes nothing)
 *   npm run bench -- --only write-ack      just a write's acknowledgement on SQLite and PostgreSQL (prints, writes nothing)
 *   npm run bench -- --only cluster-fanout just one node against two on PostgreSQL and Redis, 1,000 screens each
 *   npm run bench -- --only failover       just a node killed behind HAProxy with 500 screens
 *   npm run bench -- --only cluster-fanout,failover,write-ack   several, in that order, then their summary table
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureBuilt } from '../server/platform/vite-build.ts';
import { displayHeapBenchmark } from './browser/display-heap.ts';
import { displayLoadBenchmark } from './browser/display-load.ts';
import { lobbyUpdateBenchmark } from './browser/lobby-update.ts';
import { importerBenchmark } from './importer.ts';
import { importStallBenchmark } from './import-stall.ts';
import { latencyBenchmark } from './latency.ts';
import { machine } from './lib/machine.ts';
import { clusterTable, clusterVerdicts, markdown, verdictTable, verdicts, type BenchResults } from './report.ts';
import { RECONNECTION } from '../display/data/reconnection.ts';
import { reconnectBenchmark } from './reconnect.ts';
import { writeAckBenchmark } from './write-ack.ts';
import { clusterFanoutBenchmark } from './cluster-fanout.ts';
import { failoverBenchmark } from './failover.ts';

const quick = process.argv.includes('--quick');
const log = (line: string) => console.log(line);
const started = performance.now();
const loadAverageBefore = loadavg();

async function step<T>(title: string, run: () => Promise<T> | T): Promise<T> {
  log(`\n${title}`);
  const t = performance.now();
  const result = await run();
  log(`  (${Math.round((performance.now() - t) / 1000)} s)`);
  return result;
}

// Other work on the machine shows up in every tail figure: say so up front (and in results.json).
const busy = loadAverageBefore[0]! > cpus().length / 2;
if (busy)
  log(
    `Warning: the machine is busy (load average ${loadAverageBefore[0]!.toFixed(1)} on ${cpus().length} cores); tail latencies will be noisy.`,
  );

await ensureBuilt({ quiet: true });
/** What --only can run; `key` is where a result goes in results.json, for the summary lines. */
const ONLY: Record<string, { title: string; run: () => unknown; key?: keyof BenchResults }> = {
  'import-stall': { title: '2 MB import while GET /api/clock is polled', run: () => importStallBenchmark(log) },
  importer: { title: 'Importer', run: () => importerBenchmark(log) },
  'display-load': { title: 'Door display load', run: () => displayLoadBenchmark(log) },
  'write-ack': {
    title: 'Write acknowledgement, SQLite and PostgreSQL',
    run: () => writeAckBenchmark(log),
    key: 'writeAck',
  },
  'cluster-fanout': {
    title: 'Change-to-screen, one node × 1,000 screens against two nodes × 1,000 (PostgreSQL, Redis)',
    run: () => clusterFanoutBenchmark(log),
    key: 'clusterFanout',
  },
  failover: { title: 'Failover: a node killed behind HAProxy', run: () => failoverBenchmark(log), key: 'failover' },
};
if (process.argv.includes('--only')) {
  const names = (process.argv[process.argv.indexOf('--only') + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((name) => !(name in ONLY));
  if (names.length === 0 || unknown.length > 0)
    throw new Error(`--only takes a comma list of: ${Object.keys(ONLY).join(', ')} (got "${unknown.join(',')}")`);
  const results: Partial<BenchResults> = {};
  for (const name of names) {
    const { title, run, key } = ONLY[name]!;
    const result = await step(title, run);
    if (key) Object.assign(results, { [key]: result });
  }
  // The cluster's targets as a table to paste (the other benches print their own lines).
  const cluster = clusterVerdicts(results);
  if (cluster.length > 0) log(`\n${[...verdictTable(cluster), '', ...clusterTable(results)].join('\n')}`);
  log(`\n(${Math.round((performance.now() - started) / 1000)} s in all)`);
  process.exit(0);
}
const importer = await step('Importer', () => importerBenchmark(log));
const latency = await step('Change-to-screen latency and memory per display', () =>
  latencyBenchmark(quick ? [1_000] : [1_000, 5_000, 10_000], log),
);
const displayDefaults = await step("Reconnect storm (the display page's reconnection delays)", () =>
  reconnectBenchmark(1_000, log, RECONNECTION),
);
const proposed = await step("Reconnect storm (socket.io-client's default delays, for reference)", () =>
  reconnectBenchmark(1_000, log, {}),
);
const load = await step('Door display load', () => displayLoadBenchmark(log));
const lobbyUpdate = await step('Lobby update', () => lobbyUpdateBenchmark(log));
const heap = await step('Display heap over 10,000 changes', () => displayHeapBenchmark(log));
const importStall = await step('2 MB import while GET /api/clock is polled', () => importStallBenchmark(log));
const writeAck = await step('Write acknowledgement, SQLite and PostgreSQL', () => writeAckBenchmark(log));
const clusterFanout = await step(ONLY['cluster-fanout']!.title, () => clusterFanoutBenchmark(log));
const failover = await step(ONLY.failover!.title, () => failoverBenchmark(log));

const partial: Omit<BenchResults, 'targets'> = {
  machine: { ...machine(), loadAverageBefore, loadAverageAfter: loadavg() },
  durationSeconds: Math.round((performance.now() - started) / 1000),
  latency,
  reconnect: { displayDefaults, proposed },
  display: { load, lobbyUpdate, heap },
  importer,
  importStall,
  writeAck,
  clusterFanout,
  failover,
};
const results: BenchResults = { ...partial, targets: verdicts(partial) };
const summary = markdown(results);
writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(ROOT, 'bench/results.md'), summary);
log(`\n${summary}`);
log(`Written bench/results.json and bench/results.md (${results.durationSeconds} s).`);
