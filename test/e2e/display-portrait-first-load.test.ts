/**
 * A door loaded straight into portrait (not turned from landscape) with a long current title and
 * a long next one: the title is fitted to the room the parts below it leave once they have
 * settled, so it shows whole lines only. Before, the fit ran while the parts below were still
 * short and was never redone (its key did not see them), and the title was cut through a line.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { closeFileContexts, sharedChromium } from '../support/shared-browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDisplay, sessionAt, staff } from './display-helpers.ts';
import { layoutProblems, rendered } from './screen-checks.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock: '2024-10-14T13:40', speed: 0 }), sharedChromium()]);
  // The next session in CR7 moved there: a badge under its title, as on the README's portrait door.
  const moved = await sessionAt(server, 'M6', '2024-10-14T14:00');
  await staff(server, 'PATCH', `/api/sessions/${moved.id}`, { venueId: 'CR7', force: true });
  await staff(server, 'POST', '/api/announcements', { text: 'Coffee is served in the M-Building foyer until 15:30.' });
});

afterAll(async () => {
  await closeFileContexts(browser);
  await server?.close();
});

it('shows the current title in whole lines on a door opened in portrait', async () => {
  const page = await openDisplay(browser, `${server.url}/display/room/CR7`, { width: 1080, height: 1920 });
  await rendered(page);
  const title = page.locator('now-panel h2');
  expect(await title.textContent()).toContain('Beyond Looting and Trafficking');
  const [titleHeight, boxHeight] = await title.evaluate((h2) => [
    h2.getBoundingClientRect().height,
    h2.parentElement!.getBoundingClientRect().height,
  ]);
  expect(titleHeight).toBeLessThanOrEqual(boxHeight + 1);
  const nowPanelProblems = (await layoutProblems(page)).filter((problem) => problem.includes('Beyond Looting'));
  expect(nowPanelProblems).toEqual([]);
});
