/**
 * Accessibility of the screens on a day with changes (axe-core: no serious or critical
 * violations, which includes colour contrast) and the screenshots the README shows
 * (docs/screenshots/). Every view in every language, the emergency takeover included, is checked
 * by display-screens.test.ts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../../server/platform/vite-build.ts';
import { closeFileContexts, sharedChromium } from '../support/shared-browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { closeAll, openDisplay, sessionAt, setClock, staff } from './display-helpers.ts';
import { describeViolations, seriousViolations } from './axe.ts';
import { rendered } from './screen-checks.ts';

const CLOCK = '2024-10-14T13:40';
const SCREENSHOTS = join(ROOT, 'docs/screenshots');

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock: CLOCK, speed: 0 }), sharedChromium()]);
  // A day with changes, so badges, struck-through and highlighted rows are all on show.
  const moved = await sessionAt(server, 'M6', '2024-10-14T14:00');
  const delayed = await sessionAt(server, 'M2', '2024-10-14T14:00');
  const cancelled = await sessionAt(server, 'M0E79', '2024-10-14T14:00');
  await staff(server, 'PATCH', `/api/sessions/${moved.id}`, { venueId: 'CR7', force: true });
  await staff(server, 'POST', `/api/sessions/${delayed.id}/delay`, { minutes: 15 });
  await staff(server, 'PATCH', `/api/sessions/${cancelled.id}`, { status: 'cancelled' });
  const running = await sessionAt(server, 'M2', '2024-10-14T13:00');
  await staff(server, 'PATCH', `/api/sessions/${running.id}`, {
    online: { meetingId: '123 456 7890', url: 'https://example.org/j/1234567890' },
  });
  await staff(server, 'POST', '/api/announcements', {
    text: 'Coffee is served in the M-Building foyer until 15:30.',
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await closeFileContexts(browser);
  await server?.close();
});

/**
 * A screen that closes with the test that opened it: left open, every door and lobby keeps
 * rendering and reconnecting in the background and slows the tests after it. The read-only tests
 * run concurrently (each screen is its own page), so each closes only its own.
 */
async function open(test: TestContext, path: string, width = 1920, height = 1080, fakeClock = false): Promise<Page> {
  // bypassCSP: our CSP rightly refuses the injected axe script.
  const page = await openDisplay(browser, `${server.url}/display/${path}`, {
    width,
    height,
    bypassCSP: true,
    fakeClock,
  });
  test.onTestFinished(() => closeAll([page]));
  return page;
}

describe('accessibility', () => {
  for (const path of ['room/CR7', 'room/M2', 'room/M0E79', 'lobby']) {
    it.concurrent(`${path} has no serious or critical axe violations`, async (test) => {
      const { expect } = test;
      const page = await open(test, path);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      const violations = await seriousViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    });
  }

  // It changes a title, the concurrent screens' data: after them.
  it('marks user text for right-to-left scripts', async (test) => {
    const session = await sessionAt(server, 'CR7', '2024-10-14T14:00');
    await staff(server, 'PATCH', `/api/sessions/${session.id}`, { title: 'مكافحة الجريمة المنظمة عبر الوطنية' });
    const page = await open(test, 'room/CR7');
    const title = page.getByText('مكافحة الجريمة المنظمة');
    await title.waitFor();
    expect(await title.getAttribute('dir')).toBe('auto');
    expect(await title.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await staff(server, 'PATCH', `/api/sessions/${session.id}`, { title: session.title });
  });
});

describe('screenshots for the README', () => {
  it.concurrent('door display, landscape and portrait', async (test) => {
    for (const [name, width, height] of [
      ['door-landscape', 1920, 1080],
      ['door-portrait', 1080, 1920],
    ] as const) {
      const page = await open(test, 'room/CR7', width, height);
      await page.locator('now-panel h2').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    }
  });

  it.concurrent('door display of a room with an online session', async (test) => {
    const page = await open(test, 'room/M2');
    await page.locator('online-join qr-code svg').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'door-online.png') });
  });

  // One board, turned: it draws the same pixels as a board loaded in portrait. (The door does not,
  // so its two screenshots keep a page each.)
  it.concurrent('lobby board, first page, landscape and portrait', async (test) => {
    const page = await open(test, 'lobby', 1920, 1080, true);
    for (const [name, width, height] of [
      ['lobby', 1920, 1080],
      ['lobby-portrait', 1080, 1920],
    ] as const) {
      await page.setViewportSize({ width, height });
      await rendered(page);
      // The board turns pages on its own clock; move that clock on (page.clock) to the first page
      // instead of waiting up to a whole cycle of real time.
      const firstPage = page.locator('lobby-board footer .page', { hasText: /^Page 1\// });
      for (let second = 0; second < 60 && (await firstPage.count()) === 0; second++) await page.clock.runFor(1000);
      await firstPage.waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    }
  });

  // It moves the server clock, which every screen shows: after the others.
  it('plenary door in portrait, with the item under discussion', async (test) => {
    const plenary = await sessionAt(server, 'Plenary', '2024-10-14T10:00');
    await staff(server, 'PATCH', `/api/sessions/${plenary.id}`, { currentAgendaItem: '1 (c)' });
    await setClock(server, '2024-10-14T11:00');
    try {
      const page = await open(test, 'room/Plenary', 1080, 1920);
      await page.locator('agenda-list .discussing').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'door-plenary-portrait.png') });
    } finally {
      await setClock(server, CLOCK);
    }
  });
});
