/**
 * The state a door saved in localStorage is held to the model's ScheduleSchema, whose check is a
 * lazy chunk: a first visit online does not load it, the service worker caches it all the same,
 * and a reboot without the server runs it from the cache, showing a saved schedule that passes
 * and ignoring one that the schema refuses.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { displayTitle } from '../../shared/title-case.ts';
import { closeFileContexts, sharedChromium } from '../support/shared-browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { cachedPaths, openDisplay, sessionAt, wholeShellCached } from './display-helpers.ts';

const STORAGE_KEY = 'signage:last-state:v1';
const CHECK_CHUNK = /\/assets\/stored-state-check-[^/]+\.js$/;

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock: '2024-10-14T13:10', speed: 0 }), sharedChromium()]);
});

afterAll(async () => {
  await closeFileContexts(browser);
  await server?.close();
});

/** Resolves once this page has loaded the check's chunk and rendered what it decided. */
async function storedStateChecked(page: Page, check: RegExp): Promise<void> {
  await page.waitForFunction(
    (source) => performance.getEntriesByType('resource').some((entry) => new RegExp(source).test(entry.name)),
    check.source,
  );
  // Two frames: the check's verdict reaches the client and Lit renders it in between.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

it('checks the saved state with the schema from the cached chunk on an offline reboot, and ignores a refused one', async () => {
  const session = await sessionAt(server, 'CR3', '2024-10-14T13:00');
  const title = displayTitle(session.title, 'title-case', session.organizers).slice(0, 30);
  page = await openDisplay(browser, `${server.url}/display/room/CR3`, { serviceWorkers: 'allow' });
  await page.locator('now-panel h2', { hasText: title }).waitFor();

  // First visit: nothing was saved at start, so the check was not loaded...
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  expect(loaded.some((url) => CHECK_CHUNK.test(url))).toBe(false);
  // ...yet the worker keeps it, from the build's list.
  await expect
    .poll(async () => (await cachedPaths(page)).some((path) => CHECK_CHUNK.test(path)), { timeout: 10_000 })
    .toBe(true);
  // ...with the chunks it imports: the whole shell, before the server goes.
  await expect.poll(() => wholeShellCached(page), { timeout: 20_000 }).toBe(true);
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key) !== null, STORAGE_KEY)).toBe(true);

  // Reboot without the server: the shell and the check come from the cache, the schedule from storage.
  await server.stop();
  await page.reload();
  await storedStateChecked(page, CHECK_CHUNK);
  await page.locator('now-panel h2', { hasText: title }).waitFor();
  await page.locator('offline-indicator p', { hasText: 'Offline since' }).waitFor();

  // A saved schedule with a session that has no title: ScheduleSchema refuses it, so it is ignored.
  await page.evaluate((key) => {
    const saved = JSON.parse(localStorage.getItem(key)!);
    delete saved.schedule.sessions[0].title;
    localStorage.setItem(key, JSON.stringify(saved));
  }, STORAGE_KEY);
  await page.reload();
  await storedStateChecked(page, CHECK_CHUNK);
  await page.getByText('Waiting for the schedule server…').waitFor();
  expect(await page.locator('door-display').count()).toBe(0);
  expect(await page.locator('now-panel h2', { hasText: title }).count()).toBe(0);
});
