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
import { markdown, verdicts, type BenchResults } from './report.ts';
import { RECONNECTION } from '../display/data/reconnection.ts';
import { reconnectBenchmark } from './reconnect.ts';
import { writeAckBenchmark } from './write-ack.ts';

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
if (process.argv.includes('--only')) {
  const only = process.argv[process.argv.indexOf('--only') + 1];
  if (only === 'import-stall')
    await step('2 MB import while GET /api/clock is polled', () => importStallBenchmark(log));
  else if (only === 'importer') await step('Importer', () => importerBenchmark(log));
  else if (only === 'display-load') await step('Door display load', () => displayLoadBenchmark(log));
  else if (only === 'write-ack')
    await step('Write acknowledgement, SQLite and PostgreSQL', () => writeAckBenchmark(log));
  else throw new Error(`--only knows: import-stall, importer, display-load, write-ack (got "${only}")`);
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

const partial: Omit<BenchResults, 'targets'> = {
  machine: { ...machine(), loadAverageBefore, loadAverageAfter: loadavg() },
  durationSeconds: Math.round((performance.now() - started) / 1000),
  latency,
  reconnect: { displayDefaults, proposed },
  display: { load, lobbyUpdate, heap },
  importer,
  importStall,
  writeAck,
};
const results: BenchResults = { ...partial, targets: verdicts(partial) };
const summary = markdown(results);
writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(ROOT, 'bench/results.md'), summary);
log(`\n${summary}`);
log(`Written bench/results.json and bench/results.md (${results.durationSeconds} s).`);
