/**
 * Loading a door display in Chromium, as a screen does on its first visit (fresh profile: no
 * cache, no service worker, no saved schedule): the JavaScript it downloads (gzip-compressed
 * with zlib, as a server or CDN would send it) and the time from navigation start to the first
 * frame that shows the room's name.
 */
import { gzipSync } from 'node:zlib';
import { round, summarize, type Summary } from '../lib/stats.ts';
import { firstRenderProbe } from './probe.ts';
import { startBrowserRig } from './rig.ts';

export interface DisplayLoadResults {
  page: string;
  scripts: Array<{ path: string; bytes: number; gzipBytes: number }>;
  jsGzipBytes: number;
  jsBytes: number;
  /** The service worker script, fetched by the browser after the page (not in the page's total). */
  serviceWorkerGzipBytes: number | null;
  firstRenderMs: Summary;
}

const TRIALS = 7;
const VENUE = 'CR3';

export async function displayLoadBenchmark(log: (line: string) => void): Promise<DisplayLoadResults> {
  const rig = await startBrowserRig();
  try {
    const venue = (await rig.schedule()).venues.find((v) => v.id === VENUE);
    if (!venue) throw new Error(`no venue ${VENUE}`);
    const page = `/display/room/${VENUE}`;
    const durations: number[] = [];
    let scripts: DisplayLoadResults['scripts'] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const context = await rig.browser.newContext({ viewport: { width: 1920, height: 1080 } });
      try {
        const tab = await context.newPage();
        const bodies: Array<Promise<{ path: string; body: Buffer }>> = [];
        tab.on('response', (response) => {
          const type = response.request().resourceType();
          const path = new URL(response.url()).pathname;
          if (type === 'script' || path.endsWith('.js')) bodies.push(response.body().then((body) => ({ path, body })));
        });
        await tab.addInitScript(firstRenderProbe(venue.name));
        await tab.goto(rig.url + page);
        const handle = await tab.waitForFunction(
          () => (window as unknown as { __benchFirstRender?: number }).__benchFirstRender,
          undefined,
          { timeout: 30_000 },
        );
        durations.push((await handle.jsonValue()) as number);
        if (trial === 0) {
          scripts = (await Promise.all(bodies)).map(({ path, body }) => ({
            path,
            bytes: body.length,
            gzipBytes: gzipSync(body).length,
          }));
        }
      } finally {
        await context.close();
      }
    }
    const sw = await fetch(`${rig.url}/sw.js`);
    const serviceWorkerGzipBytes = sw.ok ? gzipSync(Buffer.from(await sw.arrayBuffer())).length : null;
    const jsGzipBytes = scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
    const jsBytes = scripts.reduce((sum, s) => sum + s.bytes, 0);
    const firstRenderMs = summarize(durations);
    log(
      `  ${page}: ${scripts.length} scripts, ${round(jsGzipBytes / 1024, 1)} KB gzip (${round(jsBytes / 1024, 1)} KB raw); first render p50 ${firstRenderMs.p50} ms`,
    );
    return { page, scripts, jsGzipBytes, jsBytes, serviceWorkerGzipBytes, firstRenderMs };
  } finally {
    await rig.close();
  }
}
