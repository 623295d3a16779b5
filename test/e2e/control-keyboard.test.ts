/** The panel's main actions with the keyboard alone: log in, open a session, delay, cancel, close. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openLoginPage, schedule, sessionTitled, startWorld, stopWorld, type PanelWorld } from './control-fixture.ts';

let world: PanelWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => stopWorld(world));

/** Name of the focused element, looking inside shadow roots. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? (active.getAttribute('aria-label') ?? active.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
  });
}

/** Presses Tab until the focused element's name matches (bounded: a keyboard user would get there too). */
async function tabTo(page: Page, name: RegExp, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (name.test(await focusedName(page))) return;
  }
  throw new Error(`Tab never reached ${name}; last focus: ${await focusedName(page)}`);
}

describe('keyboard only', () => {
  it('logs in, opens a session, delays it, cancels it and closes the dialog', async () => {
    const session = await sessionTitled(world.server, 'GUARDIANS OF THE EARTH');
    const { context, page } = await openLoginPage(world);
    await page.getByLabel('Password').waitFor();
    // The cursor starts in the password field.
    await page.keyboard.type(world.server.password);
    expect(await page.getByLabel('Password').inputValue()).toBe(world.server.password);
    // The username field stays empty: that signs in as admin.
    await page.keyboard.press('Enter');
    await page.locator('schedule-grid').waitFor();

    await tabTo(page, /GUARDIANS OF THE EARTH/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /GUARDIANS OF THE EARTH/ });
    await dialog.waitFor();

    await tabTo(page, /^Delay 5 min$/);
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').filter({ hasText: 'Delayed by 5 min' }).waitFor();
    expect((await schedule(world.server)).sessions.find((s) => s.id === session.id)?.start).toBe(
      '2024-10-14T13:05:00+02:00',
    );

    await tabTo(page, /^Cancel session$/);
    await page.keyboard.press('Enter');
    expect(await focusedName(page)).toBe('Yes, cancel it');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Reinstate' }).waitFor();
    expect((await schedule(world.server)).sessions.find((s) => s.id === session.id)?.status).toBe('cancelled');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Focus is back on the session the dialog was opened from.
    expect(await focusedName(page)).toMatch(/GUARDIANS OF THE EARTH/);
    await context.close();
  });
});
