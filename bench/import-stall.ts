/**
 * Does a 2 MB import stall the server? A real server (in this process, on 127.0.0.1) previews a
 * 2 MB c3voc file while `GET /api/clock` is polled back to back; the clock's latencies during the
 * import are the figure (target: p99 < 50 ms). Before issue 14 the event loop was blocked for the
 * whole import (minutes for an 11,000-event file).
 */
import { startTestServer } from '../test/support/server.ts';
import { summarize, type Summary } from './lib/stats.ts';

export interface ImportStallResults {
  bytes: number;
  events: number;
  importMs: number;
  importStatus: number;
  clockMs: Summary;
}

function c3voc(targetBytes: number): { text: string; events: number } {
  const events: unknown[] = [];
  let bytes = 200;
  for (let i = 0; bytes < targetBytes; i++) {
    const event = {
      guid: `bench-${i}`,
      id: i,
      title: `Session ${i} on a topic of the conference`,
      date: `2024-10-${14 + (i % 5)}T${String(8 + (i % 10)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:00+02:00`,
      duration: '00:30',
      room: `Room ${i % 40}`,
    };
    events.push(event);
    bytes += JSON.stringify(event).length + 1;
  }
  const schedule = {
    schedule: {
      version: '1',
      conference: { time_zone_name: 'Europe/Vienna', days: [{ date: '2024-10-14', rooms: { R: events } }] },
    },
  };
  return { text: JSON.stringify(schedule), events: events.length };
}

export async function importStallBenchmark(log: (line: string) => void): Promise<ImportStallResults> {
  const server = await startTestServer({ speed: 0 });
  try {
    const cookie = await server.login();
    const { text, events } = c3voc(2_000_000);
    const bytes = Buffer.byteLength(text);
    const clockMs: number[] = [];
    let importing = true;
    const poll = async () => {
      while (importing) {
        const t = performance.now();
        await server.request('GET', '/api/clock');
        clockMs.push(performance.now() - t);
      }
    };
    const poller = poll();
    const t = performance.now();
    // As the file itself (text/plain): the JSON wrapper's escaping would push it over the 2 MB limit.
    const answer = await fetch(`${server.url}/api/import/preview`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/plain' },
      body: text,
    });
    await answer.text();
    const importMs = Math.round(performance.now() - t);
    importing = false;
    await poller;
    const results = { bytes, events, importMs, importStatus: answer.status, clockMs: summarize(clockMs) };
    log(
      `  ${events} events, ${(bytes / 1e6).toFixed(2)} MB: preview ${answer.status} in ${importMs} ms; GET /api/clock during it: p50 ${results.clockMs.p50} ms, p99 ${results.clockMs.p99} ms, max ${results.clockMs.max} ms (${results.clockMs.count} requests)`,
    );
    return results;
  } finally {
    await server.close();
  }
}
