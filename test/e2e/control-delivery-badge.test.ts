/**
 * The delivery badge keeps its own room at the page foot: scrolled to the end of a long journal,
 * the oldest row's Undo is not under the badge and takes a real click, on a wide screen and in a
 * narrow window. A paired screen that went offline keeps the badge on show (the change lags).
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { openSignedIn, panelWorldPerTest } from './control-fixture.ts';
import { pairedScreen } from '../integration/fleet-helpers.ts';

// A server per test: each test's click undoes the oldest change.
const world = panelWorldPerTest();
let cookie: string;
/** Enough changes for the journal to run well past one window's height. */
const CHANGES = 30;
let oldest: number;

beforeEach(async () => {
  cookie = await world.server.login('Ana');
  const screen = await pairedScreen(world.server, cookie, { view: 'room', venueId: 'M7', name: 'Door of M7' });
  screen.client.socket.close();
  for (let i = 1; i <= CHANGES; i++) {
    const made = await world.server.request('POST', '/api/announcements', { text: `Notice ${i}` }, cookie);
    expect(made.status).toBe(201);
    if (i === 1) oldest = made.body.revision;
  }
});

type Box = { x: number; y: number; width: number; height: number };

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The journal at its end, with the badge showing the latest change (made after the panel opened). */
async function journalScrolledToEnd(viewport: { width: number; height: number }): Promise<Page> {
  const page = await openSignedIn(world.browser, world.server, 'Ana', '/control#journal', viewport);
  const journal = page.getByRole('list', { name: 'Changes, newest first' });
  await journal
    .getByRole('listitem')
    .nth(CHANGES - 1)
    .waitFor();
  const latest = await world.server.request('POST', '/api/announcements', { text: 'Badge on show' }, cookie);
  expect(latest.status).toBe(201);
  await page
    .locator('delivery-badge')
    .getByText(/not yet on Door of M7/)
    .waitFor();
  // At the top of a long page it still floats at the window's foot, in the inline-end corner.
  const floating = (await page.locator('delivery-badge .box').boundingBox())!;
  expect(floating.y + floating.height).toBeGreaterThan(viewport.height - 40);
  expect(floating.y + floating.height).toBeLessThanOrEqual(viewport.height);
  expect(floating.x + floating.width).toBeGreaterThan(viewport.width - 40);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  return page;
}

describe('the delivery badge', () => {
  it.each([
    { width: 1400, height: 1000 },
    { width: 420, height: 760 },
  ])('never covers the last journal row: its Undo takes a click at $width×$height', async (viewport) => {
    const page = await journalScrolledToEnd(viewport);
    // The page really scrolls, so the badge would float over rows before the end.
    expect(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight)).toBe(true);
    const rows = page.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem');
    const undo = rows.last().getByRole('button', { name: /^Undo/ });
    const [undoBox, badgeBox] = await Promise.all([
      undo.boundingBox(),
      page.locator('delivery-badge .box').boundingBox(),
    ]);
    expect(badgeBox, 'the badge is on show').not.toBeNull();
    expect(overlap(undoBox!, badgeBox!), JSON.stringify({ undoBox, badgeBox })).toBe(false);
    // Playwright refuses to click an element another one covers; a short timeout fails fast if it is.
    await undo.click({ timeout: 5000 });
    // Undoing an announcement is harmless, so it happens at once: the click reached the button.
    await expect
      .poll(async () => {
        const { body } = await world.server.request('GET', '/api/changes?since=0', undefined, cookie);
        return body.changes.some((change: { undoes?: number }) => change.undoes === oldest);
      })
      .toBe(true);
  });
});
