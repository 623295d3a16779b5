/**
 * A scheduled announcement appears on a door at its start time by the screen's own clock, with
 * the server down: screens apply the shared visibility rule themselves (page.clock drives time).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeFileContexts, sharedChromium } from '../support/shared-browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { newScreenContext, staff } from './display-helpers.ts';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock: '2024-10-14T12:50', speed: 1 }), sharedChromium()]);
});

afterAll(async () => {
  await closeFileContexts(browser);
  await server?.close();
});

it('shows at its start time with the server down', async () => {
  await staff(server, 'POST', '/api/announcements', {
    text: 'Coffee break in the rotunda',
    venueIds: ['CR3'],
    startsAt: '2024-10-14T12:55',
  });
  const context = await newScreenContext(browser, { viewport: { width: 1920, height: 1080 } });
  page = await context.newPage();
  await page.clock.install();
  await page.goto(`${server.url}/display/room/CR3`);
  await page.locator('door-display header').waitFor({ timeout: 30_000 });
  const notice = page.getByText('Coffee break in the rotunda');
  expect(await notice.count()).toBe(0);

  await server.stop();
  await page.locator('offline-indicator p', { hasText: /Offline since/ }).waitFor({ timeout: 15_000 });
  await page.clock.runFor('06:00');
  await notice.waitFor({ timeout: 10_000 });
});
