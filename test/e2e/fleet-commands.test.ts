/**
 * Managing paired screens from the panel, each checked on the real screens: reassign moves a live
 * screen, identify and reload reach only their target, forget sends a screen back to its pairing
 * code, and every change shows how many screens have it ("delivered to 1/2 screens") and which lag.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPanel, startWorld, stopWorld, type PanelWorld } from './control-fixture.ts';
import { doorHeading, openBareScreen, openScreensSection, pairFromPanel, pairingCode } from './fleet-helpers.ts';

let world: PanelWorld;
let panel: Page;
let left: Page;
let right: Page;

beforeAll(async () => {
  world = await startWorld();
  ({ page: panel } = await openPanel(world));
  await openScreensSection(panel);
  const first = await openBareScreen(world.browser, world.server.url);
  const second = await openBareScreen(world.browser, world.server.url);
  ({ screen: left } = first);
  ({ screen: right } = second);
  await pairFromPanel(panel, first.code, 'Door of M7', 'Left screen');
  await pairFromPanel(panel, second.code, 'Door of M7', 'Right screen');
  await doorHeading(left).waitFor({ timeout: 30_000 });
  await doorHeading(right).waitFor({ timeout: 30_000 });
});
afterAll(() => stopWorld(world));

function row(name: string) {
  return panel.getByRole('row').filter({ has: panel.getByRole('rowheader', { name, exact: true }) });
}

describe('managing screens', () => {
  it('reassigns a live screen to the lobby', async () => {
    await row('Left screen').getByRole('button', { name: 'Change Left screen' }).click();
    const editor = panel.getByRole('form', { name: 'Change Left screen' });
    await editor.getByLabel('Shows').selectOption({ label: 'Lobby overview' });
    await editor.getByRole('button', { name: 'Save' }).click();
    await left.locator('lobby-board header').waitFor({ timeout: 30_000 });
    await row('Left screen').filter({ hasText: 'Lobby overview' }).waitFor();
    expect(await doorHeading(right).textContent()).toBe('M7');
  });

  it('identify shows the name on that screen only', async () => {
    await row('Right screen').getByRole('button', { name: 'Identify Right screen' }).click();
    await right.locator('signage-app .identify').filter({ hasText: 'Right screen' }).waitFor();
    await panel.getByRole('status').filter({ hasText: '“Right screen” shows its name now.' }).waitFor();
    expect(await left.locator('signage-app .identify').count()).toBe(0);
  });

  it('reload reloads that screen only, which comes back with its assignment', async () => {
    let leftReloaded = false;
    left.once('load', () => (leftReloaded = true));
    const reloaded = right.waitForEvent('load');
    await row('Right screen').getByRole('button', { name: 'Reload Right screen' }).click();
    await reloaded;
    await doorHeading(right).waitFor({ timeout: 30_000 });
    expect(await doorHeading(right).textContent()).toBe('M7');
    // The left screen is still the page it was: the lobby, never reloaded.
    await left.locator('lobby-board header').waitFor();
    expect(leftReloaded).toBe(false);
    // The reloaded page has its own connection again before the next test closes it: a screen that
    // vanishes mid-handshake is only noticed by the server's ping timeout.
    await row('Right screen').filter({ hasText: 'Connected' }).waitFor({ timeout: 30_000 });
  });

  it(
    'proves delivery of each change, naming the screen that lags; a badge reports it after a staff action',
    { timeout: 120_000 },
    async () => {
      await right.context().close();
      // Past socket.io's ping interval and timeout (45 s), in case the close itself was not seen.
      await row('Right screen').filter({ hasText: 'Offline' }).waitFor({ timeout: 60_000 });

      await panel.getByRole('button', { name: 'Announcements & emergency' }).click();
      await panel.getByLabel('Announcement text').fill('Lunch is served');
      await panel.getByRole('button', { name: 'Publish announcement' }).click();
      await left.getByText('Lunch is served').waitFor();

      const badge = panel.locator('delivery-badge');
      await badge.getByText(/delivered to 1\/2 screens; not yet on Right screen \(offline\)/).waitFor();

      await openScreensSection(panel);
      const report = panel.getByRole('list', { name: 'Delivery of the latest changes, newest first' });
      const latest = report.getByRole('listitem').first();
      await latest.filter({ hasText: 'delivered to 1/2 screens' }).waitFor();
      expect(await latest.textContent()).toContain('not yet on Right screen (offline)');
    },
  );

  it('forget sends the screen back to a pairing code, and it can be paired again', async () => {
    await row('Left screen').getByRole('button', { name: 'Forget Left screen' }).click();
    await panel.getByRole('button', { name: 'Yes, forget Left screen' }).click();
    const code = await pairingCode(left);
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await row('Left screen').waitFor({ state: 'detached' });

    await pairFromPanel(panel, code, 'Door of CR7', 'Left again');
    await expect.poll(() => doorHeading(left).textContent(), { timeout: 30_000 }).toBe('CR7');
  });
});
