/**
 * Loading a door display in Chromium, as a screen does on its first visit (fresh profile: no
 * cache, no service worker, no saved schedule): the JavaScript it downloads (gzip-compressed
 * with zlib, as a server or CDN would send it) and the time from navigation start to the first
 * frame that shows the room's name. Then, per language, what a door showing it downloads on
 * top (fresh profile, `?lang=`): its catalogue chunk and the woff2 files of the Noto faces the
 * page actually requests (the @fontsource CSS splits each face by unicode-range, so a screen
 * fetches only the subsets its text uses), counted apart from the JavaScript budget.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { LANGUAGES, type Language } from '../../shared/languages.ts';
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
  /** Per language, what the door downloads once its words and fonts are shown. */
  languages: LanguageLoad[];
}

export interface LanguageLoad {
  language: Language;
  /** All the JavaScript of the door in this language, gzip (English: the door's own budget). */
  jsGzipBytes: number;
  /** The woff2 files requested, as sent (woff2 is compressed already). */
  fontFiles: number;
  fontBytes: number;
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
    const languages: LanguageLoad[] = [];
    for (const language of LANGUAGES) {
      const load = await loadInLanguage(rig.browser, rig.url + page, language);
      languages.push(load);
      log(
        `  ${page}?lang=${language}: JavaScript ${round(load.jsGzipBytes / 1024, 1)} KB gzip; fonts ${load.fontFiles} woff2, ${round(load.fontBytes / 1024, 1)} KB`,
      );
    }
    return { page, scripts, jsGzipBytes, jsBytes, serviceWorkerGzipBytes, firstRenderMs, languages };
  } finally {
    await rig.close();
  }
}

/** A fresh profile opening the door in one language, until its words and faces are shown. */
async function loadInLanguage(browser: Browser, url: string, language: Language): Promise<LanguageLoad> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const tab = await context.newPage();
    const scripts: Array<Promise<number>> = [];
    const fonts: Array<Promise<number>> = [];
    tab.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.endsWith('.js')) scripts.push(response.body().then((body) => gzipSync(body).length));
      else if (path.endsWith('.woff2')) fonts.push(response.body().then((body) => body.length));
    });
    await tab.goto(`${url}?lang=${language}`);
    await tab.locator(`signage-app[data-language="${language}"]`).waitFor({ timeout: 30_000 });
    await tab.evaluate(() => document.fonts.ready.then(() => undefined));
    const sum = async (sizes: Array<Promise<number>>) => (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    return { language, jsGzipBytes: await sum(scripts), fontFiles: fonts.length, fontBytes: await sum(fonts) };
  } finally {
    await context.close();
  }
}
