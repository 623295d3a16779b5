/**
 * A preview tab (a display URL opened without pairing) is listed as "not counted yet" and left
 * out of the delivery count; forgetting offline screens in bulk asks first.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPanel, panelWorldPerTest } from './control-fixture.ts';
import { openBareScreen, openScreensSection, pairFromPanel } from './fleet-helpers.ts';
import { newScreenContext } from './display-helpers.ts';

const world = panelWorldPerTest();
let panel: Page;
beforeEach(async () => {
  ({ page: panel } = await openPanel(world));
});

describe('ghost screens', () => {
  it('a preview tab is not in the delivery count', async () => {
    await openScreensSection(panel);
    const paired = await openBareScreen(world.browser, world.server.url);
    await pairFromPanel(panel, paired.code, 'Door of M7', 'M7 entrance');
    const preview = await (await newScreenContext(world.browser)).newPage();
    await preview.goto(`${world.server.url}/display/room/CR3`);
    const table = panel.getByRole('table', { name: 'All screens' });
    await table
      .getByRole('row', { name: /CR3 door/ })
      .getByText('Not counted yet')
      .waitFor();

    await panel.getByRole('button', { name: 'Announcements & emergency' }).click();
    await panel.getByLabel('Announcement text').fill('Lunch is served');
    await panel.getByRole('button', { name: 'Publish announcement' }).click();
    await panel
      .locator('delivery-badge')
      .getByText(/delivered to 1\/1 screen\b/)
      .waitFor();
  });

  it('"Forget offline screens" asks, and "Keep them" keeps them', async () => {
    const preview = await newScreenContext(world.browser);
    const tab = await preview.newPage();
    await tab.goto(`${world.server.url}/display/room/CR3`);
    await openScreensSection(panel);
    const table = panel.getByRole('table', { name: 'All screens' });
    const row = table.getByRole('row', { name: /CR3 door/ });
    await row.getByText('Connected', { exact: true }).waitFor();
    await preview.close();
    // The panel hears of the disconnect through the throttled fleet list: the row says so first,
    // so that a slow update fails here, naming what did not arrive, and not at the button.
    await row.getByText(/^Offline for /).waitFor();
    const forget = panel.getByRole('button', { name: 'Forget offline screens (1)…' });
    await forget.click();
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Keep them' }).click();
    const { body: kept } = await world.server.request<unknown[]>(
      'GET',
      '/api/displays',
      undefined,
      await world.server.login('Ben'),
    );
    expect(kept).toHaveLength(1);
    await forget.click();
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Yes, forget 1' }).click();
    await panel.getByRole('status').filter({ hasText: 'Forgot 1 offline screen.' }).waitFor();
    const { body: after } = await world.server.request<unknown[]>(
      'GET',
      '/api/displays',
      undefined,
      await world.server.login('Ben'),
    );
    expect(after).toEqual([]);
  });
});
