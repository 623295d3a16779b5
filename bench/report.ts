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
import type { LoadAverages, Machine } from './lib/machine.ts';
import { round, type Summary } from './lib/stats.ts';
import type { ReconnectResults } from './reconnect.ts';
import type { ClusterFanoutResults } from './cluster-fanout.ts';
import { FAILOVER_TARGET_MS, type FailoverResults } from './failover.ts';

export interface BenchResults {
  machine: Machine & { loadAverageBefore: number[]; loadAverageAfter: number[] };
  durationSeconds: number;
  latency: LatencyResults;
  reconnect: { displayDefaults: ReconnectResults; proposed: ReconnectResults };
  display: { load: DisplayLoadResults; lobbyUpdate: LobbyUpdateResults; heap: HeapResults };
  importer: ImporterResults;
  importStall?: ImportStallResults;
  writeAck?: WriteAckResults;
  clusterFanout?: ClusterFanoutResults | { skipped: string };
  failover?: FailoverResults | { skipped: string };
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
    ...clusterVerdicts(results),
  ];
}

const loadOf = (load: LoadAverages) => `load average ${round(load.before[0]!, 1)} → ${round(load.after[0]!, 1)}`;

/**
 * The cluster's targets (issue 18), from whichever of its benches ran: write acknowledgement on
 * PostgreSQL, two nodes' fan-out against one node's, failover behind the proxy.
 */
export function clusterVerdicts({
  writeAck,
  clusterFanout: fanout,
  failover,
}: Pick<BenchResults, 'writeAck' | 'clusterFanout' | 'failover'>): Verdict[] {
  const ms = (v: number) => `${round(v, 1)} ms`;
  const skipped = (name: string, target: string, why: string): Verdict => ({
    name,
    target,
    measured: `not measured (${why})`,
    pass: null,
  });
  const verdicts: Verdict[] = [];
  if (writeAck) {
    const name = 'Write acknowledgement on PostgreSQL, p99';
    verdicts.push(
      writeAck.postgres
        ? {
            name,
            target: '< 20 ms',
            measured: `${ms(writeAck.postgres.p99)}, p50 ${ms(writeAck.postgres.p50)} (SQLite in the same run: p99 ${ms(writeAck.sqlite.p99)}, p50 ${ms(writeAck.sqlite.p50)}); ${loadOf(writeAck.loadAverage)}`,
            pass: writeAck.postgres.p99 < 20,
          }
        : skipped(name, '< 20 ms', writeAck.postgresSkipped ?? 'no PostgreSQL'),
    );
  }
  if (fanout) {
    const name = 'Change-to-screen p99, 2 nodes × 1,000 screens';
    const target = '≤ 2 × one node × 1,000 (same run)';
    verdicts.push(
      'skipped' in fanout
        ? skipped(name, target, fanout.skipped)
        : {
            name,
            target,
            measured: `${ms(fanout.cluster.latency.p99)} vs ${ms(fanout.single.latency.p99)} (×${fanout.ratio}); ${loadOf(fanout.loadAverage)}`,
            pass: fanout.ratio <= 2 && fanout.cluster.missed === 0,
          },
    );
  }
  if (failover) {
    const name = "Failover: the killed node's screens current again";
    const target = `≤ ${FAILOVER_TARGET_MS / 1000} s, no acknowledged write lost`;
    verdicts.push(
      'skipped' in failover
        ? skipped(name, target, failover.skipped)
        : {
            name,
            target,
            measured: `max ${ms(failover.recovery.max)} (p50 ${ms(failover.recovery.p50)}, p99 ${ms(failover.recovery.p99)}) for ${failover.dropped} of ${failover.screens} screens, ${failover.never} never; ${failover.lost} of ${failover.acknowledged} acknowledged writes lost; ${loadOf(failover.loadAverage)}`,
            pass:
              failover.recovery.max <= FAILOVER_TARGET_MS &&
              failover.never === 0 &&
              failover.lost === 0 &&
              failover.dropped > 0,
          },
    );
  }
  return verdicts;
}

/** The targets as a markdown table. */
export function verdictTable(verdicts: Verdict[]): string[] {
  return [
    '| Target | Goal | Measured | |',
    '|---|---|---|---|',
    ...verdicts.map(
      (t) => `| ${t.name} | ${t.target} | ${t.measured} | ${t.pass === null ? '—' : t.pass ? 'pass' : '**FAIL**'} |`,
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
    ...verdictTable(results.targets),
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
    ...clusterTable(results),
  ];
  return lines.join('\n');
}

/**
 * The cluster benches' distributions, one row each, with the load average they ran under
 * (empty when none of them ran).
 */
export function clusterTable({
  writeAck,
  clusterFanout: fanout,
  failover,
}: Pick<BenchResults, 'writeAck' | 'clusterFanout' | 'failover'>): string[] {
  const rows: string[] = [];
  const row = (what: string, s: Summary, extra: string, load: LoadAverages) =>
    rows.push(
      `| ${what} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} | ${extra} | ${round(load.before[0]!, 1)} → ${round(load.after[0]!, 1)} |`,
    );
  if (writeAck) {
    row(`write acknowledged, SQLite (${writeAck.writes} in a row)`, writeAck.sqlite, '', writeAck.loadAverage);
    if (writeAck.postgres)
      row(`write acknowledged, PostgreSQL (${writeAck.writes} in a row)`, writeAck.postgres, '', writeAck.loadAverage);
  }
  if (fanout && !('skipped' in fanout)) {
    for (const [name, side] of [
      ['one node (SQLite)', fanout.single],
      ['two nodes (PostgreSQL + Redis)', fanout.cluster],
    ] as const) {
      const rss = side.rssBytes.map((bytes) => `${round(bytes / MB)} MB`).join(' + ');
      row(
        `change → screen, ${name}, ${side.nodes} × 1,000 screens, ${side.writes} writes at ${1000 / fanout.writeIntervalMs}/s`,
        side.latency,
        `${side.missed} missed; RSS ${rss}, ${round(side.rssPerScreenBytes / KB, 1)} KB per screen`,
        fanout.loadAverage,
      );
    }
  }
  if (failover && !('skipped' in failover)) {
    const extra = `${failover.dropped} of ${failover.screens} screens cut off, ${failover.never} never back`;
    row('failover: SIGKILL → connected again', failover.reconnected, extra, failover.loadAverage);
    row(
      'failover: SIGKILL → holds a revision written after it',
      failover.recovery,
      `${failover.lost} of ${failover.acknowledged} acknowledged writes lost`,
      failover.loadAverage,
    );
  }
  if (rows.length === 0) return [];
  return [
    '| Cluster figure, ms | p50 | p95 | p99 | max | | load average |',
    '|---|---:|---:|---:|---:|---|---|',
    ...rows,
    '',
  ];
}
