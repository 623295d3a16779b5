/**
 * The importer: time to parse the bundled programme, and a synthetic one of 10,000 sessions in
 * the same format (25 days × 20 rooms × 20 slots), from text to validated Programme.
 */
import { readFileSync } from 'node:fs';
import { BUNDLED_PROGRAMME } from '../server/platform/config.ts';
import { readSchedule } from '../server/interchange/detect-format.ts';
import { summarize, round, type Summary } from './lib/stats.ts';
import { syntheticUnProgramme } from './lib/synthetic-programme.ts';
import { MAX_IMPORT_BYTES } from '../shared/limits.ts';
import type { Schedule } from '../shared/model.ts';
import { scheduleFromProgramme } from '../server/schedule/seed.ts';
import { c3vocSchedule } from '../server/interchange/writers/c3voc-export.ts';
import { calendarIcs } from '../server/interchange/writers/ical-export.ts';

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
  /** A live feed at the 2 MB import limit, as c3voc schedule.json and as iCalendar (issue 15). */
  c3vocFeed?: ImportFigure;
  icalFeed?: ImportFigure;
}

/** Our own export of the synthetic programme, cut to the most sessions that stay under 2 MB. */
function feedAtLimit(programmeText: string, write: (schedule: Schedule) => string): string {
  const schedule = scheduleFromProgramme(readSchedule(programmeText).programme);
  let count = schedule.sessions.length;
  for (;;) {
    const text = write({ ...schedule, sessions: schedule.sessions.slice(0, count) });
    if (Buffer.byteLength(text) <= MAX_IMPORT_BYTES) return text;
    count = Math.floor(count * (MAX_IMPORT_BYTES / Buffer.byteLength(text)) * 0.98);
  }
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
  if (synthetic.sessions !== 10_000)
    throw new Error(`the synthetic programme gave ${synthetic.sessions} sessions, expected 10000`);
  log(
    `  synthetic programme (${synthetic.sessions} sessions, ${round(synthetic.bytes / 2 ** 20)} MiB): p50 ${synthetic.ms.p50} ms`,
  );
  const base = 'http://bench.invalid/';
  const c3vocFeed = time(
    feedAtLimit(text, (sch) => JSON.stringify(c3vocSchedule(sch, { baseUrl: base, now: 0 }))),
    4,
  );
  log(
    `  2 MB c3voc feed (${c3vocFeed.sessions} sessions, ${round(c3vocFeed.bytes / 2 ** 20)} MiB): p50 ${c3vocFeed.ms.p50} ms`,
  );
  const icalFeed = time(
    feedAtLimit(text, (sch) => calendarIcs({ ...sch, scheduleId: 'bench0000000000a' })),
    4,
  );
  log(
    `  2 MB iCal feed (${icalFeed.sessions} sessions, ${round(icalFeed.bytes / 2 ** 20)} MiB): p50 ${icalFeed.ms.p50} ms`,
  );
  return { bundled, synthetic, c3vocFeed, icalFeed };
}
