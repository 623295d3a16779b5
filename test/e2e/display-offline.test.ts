/**
 * A door display without its server: it keeps its clock and turns over to the next session on
 * time, survives a reload from the service worker's cache and localStorage, and once the server
 * is back it catches up with a change made while it was cut off, without a reload.
 * The screen runs on Playwright's clock, which the test moves on to the 13:00 turnover once the
 * server is gone (no real minutes waited).
 */
import { displayTitle } from '../../shared/title-case.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeFileContexts, sharedChromium } from '../support/shared-browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { bandWord, openDisplay, sessionAt, setClock, staff, wholeShellCached } from './display-helpers.ts';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock: '2024-10-14T12:50', speed: 0 }), sharedChromium()]);
});

afterAll(async () => {
  await closeFileContexts(browser);
  await server?.close();
});

it('turns over on time without its server, restarts offline, and catches up when the server is back', async () => {
  const session = await sessionAt(server, 'CR3', '2024-10-14T13:00');
  page = await openDisplay(browser, `${server.url}/display/room/CR3`, {
    fakeClock: true,
    serviceWorkers: 'allow',
  });
  await expect.poll(() => wholeShellCached(page), { timeout: 10_000 }).toBe(true);

  // 12:59 at real speed: the screen takes the clock, then the server goes before 13:00.
  await setClock(server, '2024-10-14T12:59', 1);
  await page.locator('door-display .clock time', { hasText: '12:59' }).waitFor();
  await expect.poll(() => bandWord(page).textContent()).toBe('Starting soon');
  await server.stop();
  await page.locator('offline-indicator p', { hasText: /Offline since 12:5\d/ }).waitFor({ timeout: 5000 });
  expect(await bandWord(page).textContent()).toBe('Starting soon');

  // A minute on, on the screen's own clock: 13:00, and the door turns over by itself.
  await page.clock.fastForward('01:00');
  await page.locator('door-display .band .word', { hasText: 'In session' }).waitFor({ timeout: 25_000 });
  expect(await page.locator('now-panel h2').textContent()).toContain(
    displayTitle(session.title, 'title-case', session.organizers).slice(0, 30),
  );

  // A reboot without the server: the shell comes from the service worker, the schedule from storage.
  await page.reload();
  await page.locator('door-display .band .word', { hasText: 'In session' }).waitFor({ timeout: 10_000 });
  expect(await page.locator('now-panel h2').textContent()).toContain(
    displayTitle(session.title, 'title-case', session.organizers).slice(0, 30),
  );
  await page.locator('offline-indicator p', { hasText: 'Offline since' }).waitFor();
  await page.evaluate(() => ((window as any).notReloaded = true));

  // Keep this screen cut off while the server comes back and staff change the session...
  let cutOff = true;
  await page.route('**/socket.io/**', (route) => (cutOff ? route.abort() : route.fallback()));
  await page.routeWebSocket(/\/socket\.io\//, (ws) => (cutOff ? ws.close() : ws.connectToServer()));
  server = await server.restart();
  await staff(server, 'PATCH', `/api/sessions/${session.id}`, { title: 'Renamed while the screen was offline' });
  expect(await page.locator('offline-indicator p', { hasText: 'Offline since' }).count()).toBe(1);

  // ...then let it reconnect: it catches up by revision, without a reload.
  cutOff = false;
  await page.getByText('Renamed while the screen was offline').waitFor({ timeout: 20_000 });
  await expect.poll(() => page.locator('offline-indicator p').count()).toBe(0);
  expect(await page.evaluate(() => (window as any).notReloaded)).toBe(true);
});
