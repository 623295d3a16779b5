/**
 * The importer: time to parse the bundled programme, and a synthetic one of 10,000 sessions in
 * the same format (25 days × 20 rooms × 20 slots), from text to validated Programme.
 */
import { readFileSync } from 'node:fs';
import { BUNDLED_PROGRAMME } from '../server/platform/config.ts';
import { readSchedule } from '../server/interchange/detect-format.ts';
import { summarize, round, type Summary } from './lib/stats.ts';
import { syntheticUnProgramme } from './lib/synthetic-programme.ts';

export interface ImportFigure {
  sessions: number;
  bytes: number;
  /** The first parse in this process (cold: nothing compiled yet). */
  firstMs: number;
  ms: Summary;
}

export interface ImporterResults {
  bundled: ImportFigure;
  synthetic: ImportFigure;
}

function time(text: string, repeats: number): ImportFigure {
  const durations: number[] = [];
  let sessions = 0;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    sessions = readSchedule(text).programme.sessions.length;
    durations.push(performance.now() - start);
  }
  return { sessions, bytes: Buffer.byteLength(text), firstMs: round(durations[0]!), ms: summarize(durations.slice(1)) };
}

export function importerBenchmark(log: (line: string) => void): ImporterResults {
  const bundled = time(readFileSync(BUNDLED_PROGRAMME, 'utf8'), 21);
  log(`  bundled programme (${bundled.sessions} sessions): first ${bundled.firstMs} ms, then p50 ${bundled.ms.p50} ms`);
  const text = syntheticUnProgramme({ firstDay: '2024-10-01', days: 25, rooms: 20, slotsPerDay: 20 });
  const synthetic = time(text, 4);
  if (synthetic.sessions !== 10_000) throw new Error(`the synthetic programme gave ${synthetic.sessions} sessions, expected 10000`);
  log(`  synthetic programme (${synthetic.sessions} sessions, ${round(synthetic.bytes / 2 ** 20)} MiB): p50 ${synthetic.ms.p50} ms`);
  return { bundled, synthetic };
}
