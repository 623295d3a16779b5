/**
 * The font slices a screen fetched stay in the service worker's cache for as long as the build is
 * current, even when the page can no longer name them: a screen's resource-timing list stops at
 * 250 entries, and a Chinese door that ran for days fetched its last slices long after that. Such
 * a screen must still draw its Chinese text after an offline reboot, not boxes.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeFileContexts, sharedChromium } from '../support/shared-browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { cachedPaths, openDisplay, wholeShellCached } from './display-helpers.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock: '2024-10-14T12:50', speed: 0 }), sharedChromium()]);
});

afterAll(async () => {
  await closeFileContexts(browser);
  await server?.close();
});

/** The font files in the worker's cache. */
async function cachedFonts(page: Page): Promise<string[]> {
  return (await cachedPaths(page)).filter((path) => path.endsWith('.woff2')).sort();
}

/** The worker's cache-and-prune pass, as the page asks for it after a language's chunk, answered when done. */
function askWorkerToCache(page: Page, urls: string[]): Promise<string> {
  return page.evaluate(
    (urls) =>
      new Promise<string>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(String(event.data));
        navigator.serviceWorker.controller!.postMessage({ type: 'cache-urls', urls }, [channel.port2]);
      }),
    urls,
  );
}

it('keeps the Chinese font slices a screen fetched when its resource-timing list no longer names them, and draws them offline', async () => {
  const page = await openDisplay(browser, `${server.url}/display/room/CR3?lang=zh`, { serviceWorkers: 'allow' });
  await expect.poll(() => wholeShellCached(page), { timeout: 15_000 }).toBe(true);
  await page.evaluate(() => document.fonts.ready);
  const shell = (await (await fetch(`${server.url}/display-shell.json`)).json()) as { fonts: string[] };
  const fonts = await cachedFonts(page);
  expect(fonts.some((path) => /noto-sans-sc/.test(path))).toBe(true);
  // Every cached slice is one the build lists, and the build lists more than a screen fetches.
  expect(fonts.every((path) => shell.fonts.includes(path))).toBe(true);
  expect(shell.fonts.length).toBeGreaterThan(fonts.length);

  // The page's list has overflowed: all it can still report is itself.
  await page.evaluate(() => performance.clearResourceTimings());
  const pageOnly = await page.evaluate(() => location.pathname);
  expect(await askWorkerToCache(page, [pageOnly])).toBe('cached');
  expect(await cachedFonts(page)).toEqual(fonts);

  // An offline reboot: the Chinese chrome is drawn with Noto Sans SC from the cache.
  await server.stop();
  await page.reload();
  await page.locator('door-display header').waitFor({ timeout: 15_000 });
  // The Chinese faces are declared once the language's chunk (from the cache) has run; until then
  // there is nothing to load. The screen's preload may still be under way; loading the faces for
  // Chinese text ourselves waits for them, and with the server gone they can only come from the
  // worker's cache.
  await expect
    .poll(() => page.evaluate(() => [...document.fonts].some((face) => face.family.includes('Noto Sans SC'))), {
      timeout: 15_000,
    })
    .toBe(true);
  const drawn = await page.evaluate(async () => {
    const faces = await document.fonts.load('48px "Noto Sans SC"', '会议');
    return faces.map((face) => ({ family: face.family.replace(/"/g, ''), status: face.status }));
  });
  expect(drawn.length).toBeGreaterThan(0);
  expect(drawn.every((face) => face.family === 'Noto Sans SC' && face.status === 'loaded')).toBe(true);
});
