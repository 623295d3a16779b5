/** Logging in and out of the control panel, and an expired session that loses nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createStaffAuth } from '../../server/staff/staff-auth.ts';
import {
  logIn,
  openLoginPage,
  openPanel,
  openSession,
  sessionButton,
  sessionTitled,
  startWorld,
  stopWorld,
  schedule,
  type PanelWorld,
} from './control-fixture.ts';

let world: PanelWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => stopWorld(world));

describe('control panel login', () => {
  it('refuses a wrong password with a visible message, then lets staff in and out', async () => {
    const { context, page } = await openLoginPage(world);
    await logIn(page, 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Wrong username or password');
    expect(await page.locator('schedule-grid').count()).toBe(0);

    await logIn(page, world.server.password, 'Ana');
    await page
      .locator('schedule-grid')
      .getByRole('button', { name: /GUARDIANS OF THE EARTH/ })
      .waitFor();
    expect(await page.locator('#venue-clock').textContent()).toMatch(/Venue time:\s+Monday 14 October\s+12:5\d/);

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByLabel('Password').waitFor();
    const answer = await page.evaluate(() => fetch('/api/displays').then((r) => r.status));
    expect(answer).toBe(401);
    await context.close();
  });

  it('keeps what was typed through an expired session and completes the save after the re-login', async () => {
    const { context, page } = await openPanel(world, 'Ana');
    const session = await sessionTitled(world.server, 'GUARDIANS OF THE EARTH');
    const dialog = await openSession(page, 'GUARDIANS OF THE EARTH');
    await dialog.getByLabel('Title').fill('Guardians of the Earth (renamed)');

    // The staff session ends (cookie gone, as after its lifetime or a server-side logout).
    await context.clearCookies();
    await dialog.getByRole('button', { name: 'Save details' }).click();

    const relogin = page.getByRole('dialog', { name: 'Your staff session has expired' });
    await relogin.waitFor();
    await relogin.getByLabel('Password').fill(world.server.password);
    await relogin.getByRole('button', { name: 'Log in' }).click();

    await dialog.getByRole('status').filter({ hasText: 'Details saved.' }).waitFor();
    expect(await dialog.getByLabel('Title').inputValue()).toBe('Guardians of the Earth (renamed)');
    const saved = (await schedule(world.server)).sessions.find((s) => s.id === session.id);
    expect(saved?.title).toBe('Guardians of the Earth (renamed)');
    expect(saved?.version).toBe(session.version + 1);
    await context.close();
  });

  it('closes the live channel when the session expires and reopens it after the re-login', async () => {
    const page = await panelWithShortLogin();
    const live = page.getByRole('status').filter({ hasText: 'Live' });

    // The session runs out while the panel is open: the server closes the channel, the panel asks to log in.
    const relogin = page.getByRole('dialog', { name: 'Your staff session has expired' });
    await relogin.waitFor({ timeout: 30_000 });
    expect(await live.count()).toBe(0);
    await relogin.getByLabel('Password').fill(world.server.password);
    await relogin.getByRole('button', { name: 'Log in' }).click();
    await live.waitFor();

    // The reopened channel carries changes again.
    const session = await sessionTitled(world.server, 'BREAKING THE CYCLE');
    const cookie = await world.server.login('Ben');
    const renamed = await world.server.request(
      'PATCH',
      `/api/sessions/${session.id}`,
      { title: 'Breaking the cycle, live again' },
      cookie,
    );
    expect(renamed.status).toBe(200);
    await sessionButton(page, 'Breaking the cycle, live again').waitFor();
    await page.context().close();
  });
});

/**
 * A panel signed in with a login of the shortest lifetime in which it went live (from 2 s, doubled
 * up to 32 s while it could not): the expiry is the server's own timer, which the test waits out.
 * The token is signed like the server's own (same data directory and password).
 */
async function panelWithShortLogin(): Promise<Page> {
  for (let lifetimeMs = 2_000; ; lifetimeMs *= 2) {
    const shortLived = await createStaffAuth({
      dataDir: world.server.dataDir,
      password: world.server.password,
      sessionLifetimeMs: lifetimeMs,
    });
    const token = await shortLived.login(world.server.password);
    const cookieName = shortLived.cookieName(false);
    await shortLived.close();
    const issuedAt = Date.now();
    const context = await world.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addCookies([
      { name: cookieName, value: token!, url: world.server.url, httpOnly: true, sameSite: 'Strict' },
    ]);
    const page = await context.newPage();
    await page.goto(`${world.server.url}/control`);
    const live = page.getByRole('status').filter({ hasText: 'Live' });
    const wentLive = await live
      .waitFor({ timeout: Math.max(1, issuedAt + lifetimeMs - Date.now()) })
      .then(() => true)
      .catch(() => false);
    if (wentLive) return page;
    await context.close();
    if (lifetimeMs >= 32_000) throw new Error('the panel did not go live within a 32 s login');
  }
}
