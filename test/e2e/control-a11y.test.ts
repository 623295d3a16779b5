/**
 * Accessibility scan (axe-core) of the login page and every section of the panel, and the
 * screenshot of the panel used in the README's staff guide (rewritten when UPDATE_DOCS=1).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeViolation, seriousViolations as violationsOf } from './axe.ts';
import { logIn, openSession, sessionTitled, startWorld, stopWorld, type PanelWorld } from './control-fixture.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCREENSHOT = join(ROOT, 'docs', 'staff-guide-screenshot.png');

let world: PanelWorld;
let page: Page;
beforeAll(async () => {
  world = await startWorld();
  // axe is injected as an inline script, which the pages' Content-Security-Policy rightly forbids.
  const context = await world.browser.newContext({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
  page = await context.newPage();
  await page.goto(`${world.server.url}/control`);
});
afterAll(() => stopWorld(world));

/** Serious and critical violations on the page as it is now, as readable lines. */
async function seriousViolations(): Promise<string[]> {
  return (await violationsOf(page)).map(describeViolation);
}

describe('accessibility of the control panel', () => {
  it('has no serious or critical axe violations on the login page, with and without an error', async () => {
    await page.getByLabel('Password').waitFor();
    expect(await seriousViolations()).toEqual([]);
    await logIn(page, 'wrong');
    await page.getByRole('alert').waitFor();
    expect(await seriousViolations()).toEqual([]);
    // Back from a refused single sign-on (this server has none): the refusal's alert beside where the button would be.
    await page.goto(`${world.server.url}/api/sso/login`);
    await page.getByRole('alert').filter({ hasText: 'Single sign-on is not set up on this server' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
  });

  it('has none in any section of the panel, nor in the session dialog', async () => {
    await logIn(page, world.server.password, 'Ana');
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await page.locator('schedule-grid').getByRole('button').first().waitFor();
    expect(await seriousViolations()).toEqual([]);

    const dialog = await openSession(page, 'GUARDIANS OF THE EARTH');
    expect(await seriousViolations()).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();

    for (const section of ['Announcements & emergency', 'Journal', /^Screens/]) {
      await page.getByRole('button', { name: section }).click();
      await page.locator('main h2').first().waitFor();
      expect(await seriousViolations(), String(section)).toEqual([]);
    }
    await page.getByRole('button', { name: 'Schedule' }).click();
  });

  it('renders the staff-guide screenshot of a working day', async () => {
    // A day with changes on it, as staff will see it: a delay, a move, a cancellation, a notice.
    const cookie = await world.server.login('Ana');
    const delayed = await sessionTitled(world.server, 'BREAKING THE CYCLE');
    const moved = await sessionTitled(world.server, 'GUARDIANS OF THE EARTH');
    const cancelled = await sessionTitled(world.server, 'ENHANCING INTERNATIONAL COLLABORATION');
    const writes = [
      world.server.request('POST', `/api/sessions/${delayed.id}/delay`, { minutes: 10, shiftFollowing: true }, cookie),
      world.server.request('PATCH', `/api/sessions/${moved.id}`, { venueId: 'M7' }, cookie),
      world.server.request('PATCH', `/api/sessions/${cancelled.id}`, { status: 'cancelled' }, cookie),
      world.server.request(
        'POST',
        '/api/announcements',
        { text: 'Coffee in the M-Building foyer', venueIds: ['lobby'] },
        cookie,
      ),
    ];
    for (const write of writes) expect((await write).status).toBeLessThan(300);
    await page.locator('schedule-grid').getByRole('button').filter({ hasText: 'Cancelled' }).waitFor();
    await page.locator('schedule-grid').getByRole('button').filter({ hasText: 'Moved from CR3' }).waitFor();

    const png = await page.screenshot({ fullPage: false });
    expect(png.byteLength).toBeGreaterThan(10_000);
    if (process.env.UPDATE_DOCS === '1') {
      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      writeFileSync(SCREENSHOT, png);
    }
  });
});
