/**
 * Does a door display leak? Its JavaScript heap (after forced garbage collection, through the
 * Chrome DevTools protocol) once it has applied the first 100 changes, and again after 10,000.
 * The changes retitle the session on now in CR3 (clock frozen in it), so each one re-renders
 * the screen; they go through the REST API, a few in flight at a time.
 */
import type { CDPSession, Page } from 'playwright-core';
import { round } from '../lib/stats.ts';
import { startBrowserRig, type BrowserRig } from './rig.ts';
import { deepTextSource } from './probe.ts';

export interface HeapResults {
  changes: number;
  heapAfter100: number;
  heapAfterAll: number;
  growthBytes: number;
  changesPerSecond: number;
}

const TOTAL = 10_000;
const FIRST = 100;
const IN_FLIGHT = 4;
const VENUE = 'CR3';
const CLOCK = '2024-10-14T13:10';

function title(k: number): string {
  return `Heap change ${String(k).padStart(6, '0')}`;
}

async function usedHeap(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

async function shown(page: Page, text: string): Promise<void> {
  await page.waitForFunction((wanted) => (window as any).__deepText(document.body).includes(wanted), text, {
    timeout: 120_000,
    polling: 250,
  });
}

/** Changes from..to; the last one alone, so that title(to) is what the screen ends with. */
async function changes(rig: BrowserRig, sessionId: string, from: number, to: number): Promise<void> {
  const patch = (k: number) =>
    rig.staff('PATCH', `/api/sessions/${encodeURIComponent(sessionId)}`, { title: title(k) });
  let next = from;
  const worker = async () => {
    while (next < to) await patch(next++);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  await patch(to);
}

export async function displayHeapBenchmark(log: (line: string) => void): Promise<HeapResults> {
  const rig = await startBrowserRig({ clock: CLOCK });
  try {
    const schedule = await rig.schedule();
    const session = schedule.sessions.find(
      (s) =>
        s.venueId === VENUE &&
        Date.parse(s.start) <= Date.parse(`${CLOCK}:00+02:00`) &&
        Date.parse(s.end) > Date.parse(`${CLOCK}:00+02:00`),
    );
    if (!session) throw new Error(`no session on in ${VENUE} at ${CLOCK}`);
    const context = await rig.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.addInitScript(deepTextSource());
    await page.goto(`${rig.url}/display/room/${VENUE}`);
    await shown(page, session.title.slice(0, 30));
    const cdp = await context.newCDPSession(page);

    await changes(rig, session.id, 1, FIRST);
    await shown(page, title(FIRST));
    const heapAfter100 = await usedHeap(cdp);
    const started = performance.now();
    await changes(rig, session.id, FIRST + 1, TOTAL);
    await shown(page, title(TOTAL));
    const seconds = (performance.now() - started) / 1000;
    const heapAfterAll = await usedHeap(cdp);
    await context.close();
    const results = {
      changes: TOTAL,
      heapAfter100,
      heapAfterAll,
      growthBytes: heapAfterAll - heapAfter100,
      changesPerSecond: round((TOTAL - FIRST) / seconds, 0),
    };
    log(
      `  door display heap: ${round(heapAfter100 / 2 ** 20)} MiB after ${FIRST} changes, ${round(heapAfterAll / 2 ** 20)} MiB after ${TOTAL} (${results.changesPerSecond} changes/s)`,
    );
    return results;
  } finally {
    await rig.close();
  }
}
