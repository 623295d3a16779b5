/**
 * Pairing a screen as staff do it, in two browsers: a bare /display shows a code and the server's
 * address; the panel (another browser context, another "device") pairs it to a room; the screen
 * switches at once and keeps its room after a reload and after a server restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPanel, openSignedIn, startWorld, stopWorld, type PanelWorld } from './control-fixture.ts';
import { doorHeading, openBareScreen, openScreensSection, pairFromPanel } from './fleet-helpers.ts';
import { newScreenContext, wholeShellCached } from './display-helpers.ts';
import { en } from '../../control/i18n/en.ts';
import { fr } from '../../control/i18n/fr.ts';
import { englishWordsShown } from './chrome-text.ts';

let world: PanelWorld;
let panel: Page;
beforeAll(async () => {
  world = await startWorld();
  ({ page: panel } = await openPanel(world));
});
afterAll(() => stopWorld(world));

describe('pairing a screen', () => {
  it('a bare /display shows a large code and where to enter it; paired from the panel it switches at once and keeps its room', async () => {
    const { screen, code } = await openBareScreen(world.browser, world.server.url);
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await screen.getByText(`${world.server.url}/control`).waitFor();
    const fontSize = await screen
      .locator('pairing-code .code')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThan(0.1 * 720);

    await openScreensSection(panel);
    await pairFromPanel(panel, code, 'Door of CR3', 'CR3 entrance');

    // At once, without a reload: the door display of CR3, at the same address.
    await expect.poll(() => doorHeading(screen).textContent(), { timeout: 30_000 }).toBe('CR3');
    expect(new URL(screen.url()).pathname).toBe('/display');
    const row = panel.getByRole('row').filter({ hasText: 'CR3 entrance' });
    await row.filter({ hasText: 'Connected' }).filter({ hasText: 'up to date' }).waitFor();
    expect(await row.textContent()).toContain('Door of CR3');

    await screen.reload();
    await doorHeading(screen).waitFor({ timeout: 30_000 });
    expect(await doorHeading(screen).textContent()).toBe('CR3');
    expect(await screen.locator('pairing-code').count()).toBe(0);

    // The assignment is the server's record: it survives a restart of the server too.
    world.server = await world.server.restart();
    await screen.reload();
    await doorHeading(screen).waitFor({ timeout: 30_000 });
    expect(await doorHeading(screen).textContent()).toBe('CR3');
    const cookie = await world.server.login();
    await expect
      .poll(
        async () =>
          (await world.server.request('GET', '/api/displays', undefined, cookie)).body.find(
            (d: any) => d.name === 'CR3 entrance',
          )?.connected,
      )
      .toBe(true);
    await screen.context().close();
  });

  it('a wrong code is refused with a clear message and pairs nothing', async () => {
    const cookie = await world.server.login();
    // A panel on the restarted server; the one from before would go on reconnecting in the background.
    await panel.context().close();
    ({ page: panel } = await openPanel(world));
    await openScreensSection(panel);
    const form = panel.locator('pair-screen-form');
    await form.getByLabel('Code shown on the screen').fill('ZZZZZZ');
    await form.getByLabel('Name').fill('Nobody');
    await form.getByRole('button', { name: 'Pair' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(en.refusedPairingCode('ZZZZZZ'));
    const names = (await world.server.request('GET', '/api/displays', undefined, cookie)).body.map((d: any) => d.name);
    expect(names).not.toContain('Nobody');
  });

  it('in French, a wrong code is refused in French next to the form, with no English words', async () => {
    // A staff member of her own whose account speaks French: the panel follows the account.
    const cookie = await world.server.login('Marie');
    expect((await world.server.request('PATCH', '/api/me', { language: 'fr' }, cookie)).status).toBeLessThan(300);
    const page = await openSignedIn(world.browser, world.server, 'Marie', '/control#screens');
    try {
      await page.locator('control-app[lang="fr"]').waitFor();
      const form = page.locator('pair-screen-form');
      await form.getByLabel(fr.pairCode).fill('QQQQQQ');
      await form.getByLabel(fr.pairName).fill('Personne');
      await form.getByRole('button', { name: fr.pairSubmit }).click();
      const alert = form.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain(fr.refusedPairingCode('QQQQQQ'));
      expect(await englishWordsShown(alert, en, fr, ['QQQQQQ'])).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('a screen opened at a door URL follows staff when they reassign it, and keeps that after a reload', async () => {
    const context = await newScreenContext(world.browser, { viewport: { width: 1280, height: 720 } });
    const screen = await context.newPage();
    await screen.goto(`${world.server.url}/display/room/CR7`);
    await expect.poll(() => doorHeading(screen).textContent(), { timeout: 30_000 }).toBe('CR7');
    const cookie = await world.server.login();
    const list = (await world.server.request('GET', '/api/displays', undefined, cookie)).body as any[];
    const door = list.find((d) => d.venueId === 'CR7' && d.connected);
    expect(door).toMatchObject({ name: 'CR7 door', view: 'room' });

    await world.server.request('PATCH', `/api/displays/${door.id}`, { view: 'lobby' }, cookie);
    await screen.locator('lobby-board header').waitFor({ timeout: 30_000 });
    expect(new URL(screen.url()).pathname).toBe('/display');
    await screen.reload();
    await screen.locator('lobby-board header').waitFor({ timeout: 30_000 });
    const after = (await world.server.request('GET', '/api/displays', undefined, cookie)).body as any[];
    expect(after.filter((d) => d.id === door.id)).toEqual([
      expect.objectContaining({ view: 'lobby', connected: true }),
    ]);
    await context.close();
  });

  it('a paired screen that reboots while its server is down still shows its room', async () => {
    const { screen, code } = await openBareScreen(world.browser, world.server.url, { serviceWorkers: 'allow' });
    // The panel opened after the restart is still live: no second one to load.
    await openScreensSection(panel);
    await pairFromPanel(panel, code, 'Door of M3', 'M3 door');
    await expect.poll(() => doorHeading(screen).textContent(), { timeout: 30_000 }).toBe('M3');
    await expect.poll(() => wholeShellCached(screen), { timeout: 10_000 }).toBe(true);

    await world.server.stop();
    await screen.reload();
    await doorHeading(screen).waitFor({ timeout: 30_000 });
    expect(await doorHeading(screen).textContent()).toBe('M3');
    await screen.locator('offline-indicator p', { hasText: 'Offline since' }).waitFor();
  });
});
