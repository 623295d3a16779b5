/**
 * From the figures to verdicts and a markdown summary. Targets are fixed here, never adjusted to
 * the results; "KB" and "MB" are read strictly as 1,000 and 1,000,000 bytes.
 */
import type { DisplayLoadResults } from './browser/display-load.ts';
import type { HeapResults } from './browser/display-heap.ts';
import type { LobbyUpdateResults } from './browser/lobby-update.ts';
import type { ImporterResults } from './importer.ts';
import type { WriteAckResults } from './write-ack.ts';
import type { ImportStallResults } from './import-stall.ts';
import type { LatencyResults } from './latency.ts';
import type { Machine } from './lib/machine.ts';
import { round } from './lib/stats.ts';
import type { ReconnectResults } from './reconnect.ts';

export interface BenchResults {
  machine: Machine & { loadAverageBefore: number[]; loadAverageAfter: number[] };
  durationSeconds: number;
  latency: LatencyResults;
  reconnect: { displayDefaults: ReconnectResults; proposed: ReconnectResults };
  display: { load: DisplayLoadResults; lobbyUpdate: LobbyUpdateResults; heap: HeapResults };
  importer: ImporterResults;
  importStall?: ImportStallResults;
  writeAck?: WriteAckResults;
  targets: Verdict[];
}

export interface Verdict {
  name: string;
  target: string;
  measured: string;
  pass: boolean | null;
}

const KB = 1_000;
const MB = 1_000_000;

function run(results: Pick<BenchResults, 'latency'>, server: string, size: number) {
  return results.latency.servers.find((s) => s.server === server)?.runs[size];
}

export function verdicts(results: Omit<BenchResults, 'targets'>): Verdict[] {
  const ours1k = run(results, 'signage', 1000)?.latency.p99;
  const ws1k = run(results, 'ws', 1000)?.latency.p99;
  const ours5k = run(results, 'signage', 5000)?.latency.p99;
  const memory = (server: string) => results.latency.servers.find((s) => s.server === server)!.memory;
  const check = (
    name: string,
    target: string,
    value: number | undefined,
    limit: number | undefined,
    text: (v: number) => string,
  ): Verdict =>
    value === undefined || limit === undefined
      ? { name, target, measured: 'not measured', pass: null }
      : { name, target, measured: text(value), pass: value <= limit };
  const ms = (v: number) => `${round(v, 1)} ms`;
  return [
    check('Change-to-screen p99, 1,000 displays', '≤ 50 ms', ours1k, 50, ms),
    check(
      '… against bare ws in the same run',
      '≤ 1.3 × ws p99',
      ours1k,
      ws1k === undefined ? undefined : 1.3 * ws1k,
      (v) => `${ms(v)} vs ${ms(ws1k!)} (×${round(v / ws1k!, 2)})`,
    ),
    check('Change-to-screen p99, 5,000 displays', '≤ 250 ms', ours5k, 250, ms),
    check(
      'Server heap per display (1,000)',
      '≤ 10 KB',
      memory('signage').heapBytes,
      10 * KB,
      (v) => `${round(v / KB, 1)} KB`,
    ),
    check(
      'Server RSS per display (1,000)',
      '≤ stock socket.io',
      memory('signage').rssBytes,
      memory('socketio').rssBytes,
      (v) => `${round(v / KB, 1)} KB vs ${round(memory('socketio').rssBytes / KB, 1)} KB`,
    ),
    check(
      "Reconnect storm, 1,000 displays (the display page's delays)",
      '≤ 5 s after restart',
      results.reconnect.displayDefaults.allCurrentAfterReadyMs,
      5000,
      ms,
    ),
    check(
      'Door display JavaScript, gzip',
      '≤ 60 KB',
      results.display.load.jsGzipBytes,
      60 * KB,
      (v) => `${round(v / KB, 1)} KB`,
    ),
    check('Lobby update, 80 sessions (p95)', '< 16 ms', results.display.lobbyUpdate.withLayoutMs.p95, 15.999, ms),
    check(
      'Display heap growth, 100 → 10,000 changes',
      '≤ 5 MB',
      results.display.heap.growthBytes,
      5 * MB,
      (v) => `${round(v / MB, 2)} MB`,
    ),
    check('GET /api/clock p99 during a 2 MB import', '< 50 ms', results.importStall?.clockMs.p99, 49.999, ms),
    check(
      'Write acknowledgement on PostgreSQL, p99',
      '< 20 ms',
      results.writeAck?.postgres?.p99,
      19.999,
      (v) => `${ms(v)} (SQLite in the same run: ${ms(results.writeAck!.sqlite.p99)})`,
    ),
  ];
}

function latencyTable(results: BenchResults): string[] {
  const lines = [`| Server | Displays | p50 | p95 | p99 | max | missed |`, `|---|---:|---:|---:|---:|---:|---:|`];
  const names: Record<string, string> = {
    signage: 'ours (REST change → delta)',
    socketio: 'stock socket.io (io.emit)',
    ws: 'bare ws (broadcast)',
  };
  for (const size of results.latency.sizes) {
    for (const server of results.latency.servers) {
      const r = server.runs[size];
      if (!r) continue;
      const l = r.latency;
      lines.push(
        `| ${names[server.server]} | ${size.toLocaleString('en')} | ${l.p50} | ${l.p95} | ${l.p99} | ${l.max} | ${r.missed} |`,
      );
    }
  }
  return lines;
}

export function markdown(results: BenchResults): string {
  const m = results.machine;
  const lines = [
    `Measured ${m.date.slice(0, 10)} on ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.platform}, node ${m.node} (load average ${m.loadAverageBefore.map((l) => round(l, 1)).join(' / ')} at the start).`,
    '',
    '| Target | Goal | Measured | |',
    '|---|---|---|---|',
    ...results.targets.map(
      (t) => `| ${t.name} | ${t.target} | ${t.measured} | ${t.pass === null ? '—' : t.pass ? 'pass' : '**FAIL**'} |`,
    ),
    '',
    `Change-to-screen latency in ms (${results.latency.messageBytes}-byte delta, ${results.latency.servers[0]?.runs[results.latency.sizes[0]!]?.changes ?? 0} changes per row after warm-up; servers interleaved in blocks of five):`,
    '',
    ...latencyTable(results),
    ...(results.latency.skipped.length ? ['', ...results.latency.skipped.map((s) => `Skipped: ${s}.`)] : []),
    '',
    '| Other figures | |',
    '|---|---|',
    ...results.latency.servers.map(
      (s) =>
        `| Server memory per connection, ${s.server} | ${round(s.memory.heapBytes / KB, 1)} KB heap, ${round(s.memory.rssBytes / KB, 1)} KB RSS |`,
    ),
    `| Reconnect storm with socket.io-client's default delays (reference) | ${round(results.reconnect.proposed.allCurrentAfterReadyMs)} ms after restart |`,
    `| Server restart (kill → listening) | ${round(results.reconnect.displayDefaults.restartMs)} ms |`,
    `| Door display first render (fresh profile, p50 / max) | ${results.display.load.firstRenderMs.p50} / ${results.display.load.firstRenderMs.max} ms |`,
    `| Door display JavaScript | ${results.display.load.scripts.length} files, ${round(results.display.load.jsBytes / KB, 1)} KB raw; service worker ${round((results.display.load.serviceWorkerGzipBytes ?? 0) / KB, 1)} KB gzip more |`,
    ...results.display.load.languages.map(
      (load) =>
        `| Door display in ${load.language}: JavaScript gzip / fonts | ${round(load.jsGzipBytes / KB, 1)} KB / ${load.fontFiles} woff2, ${round(load.fontBytes / KB, 1)} KB |`,
    ),
    `| Display heap after 100 / 10,000 changes | ${round(results.display.heap.heapAfter100 / MB, 2)} / ${round(results.display.heap.heapAfterAll / MB, 2)} MB (${results.display.heap.changesPerSecond} changes/s applied) |`,
    `| Import bundled programme (${results.importer.bundled.sessions} sessions) | ${results.importer.bundled.ms.p50} ms (first: ${results.importer.bundled.firstMs} ms) |`,
    `| Import synthetic programme (${results.importer.synthetic.sessions.toLocaleString('en')} sessions, ${round(results.importer.synthetic.bytes / MB, 2)} MB) | ${results.importer.synthetic.ms.p50} ms |`,
    '',
  ];
  return lines.join('\n');
}
