/**
 * A lobby screen's own directions, set in the panel's screen editor: the screen by the M-Building
 * entrance says "M7 ↑ 1st floor" on its M7 rows instead of the venue's directions; other screens
 * keep the venue's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PAGE_PERIOD_MS } from '../../display/logic/paging.ts';
import { openPanel, schedule, startWorld, stopWorld, type PanelWorld } from './control-fixture.ts';
import { newScreenContext, setClock } from './display-helpers.ts';
import { openScreensSection, pairFromPanel, pairingCode } from './fleet-helpers.ts';

let world: PanelWorld;
let panel: Page;
let entrance: Page;

beforeAll(async () => {
  world = await startWorld();
  await setClock(world.server, '2024-10-14T12:40');
  ({ page: panel } = await openPanel(world));
  await openScreensSection(panel);
  const context = await newScreenContext(world.browser, { viewport: { width: 1920, height: 1080 } });
  entrance = await context.newPage();
  // The board turns pages on the device clock: the test turns them with page.clock.
  await entrance.clock.install();
  await entrance.goto(`${world.server.url}/display`);
  await pairFromPanel(panel, await pairingCode(entrance), 'Lobby overview', 'M-Building entrance');
  await entrance.locator('lobby-board header').waitFor({ timeout: 30_000 });
});
afterAll(() => stopWorld(world));

/** The lobby row of a session, turning pages until it is on screen. */
async function lobbyRow(sessionId: string) {
  const row = entrance.locator(`lobby-board tr[data-session="${sessionId}"]`);
  for (let turn = 0; turn < 6 && (await row.count()) === 0; turn++) await entrance.clock.runFor(PAGE_PERIOD_MS);
  return row;
}

describe('per-screen directions', () => {
  it('set in the screen editor, the lobby screen shows its own way to M7', async () => {
    const m7 = (await schedule(world.server)).sessions.find(
      (s) =>
        s.venueId === 'M7' &&
        s.start.startsWith('2024-10-14') &&
        Date.parse(s.end) > Date.parse('2024-10-14T12:40+02:00'),
    )!;
    expect(await (await lobbyRow(m7.id)).locator('.way').textContent()).not.toContain('↑');

    const row = panel.getByRole('row').filter({ has: panel.getByRole('rowheader', { name: 'M-Building entrance' }) });
    await row.getByRole('button', { name: 'Change M-Building entrance' }).click();
    const editor = panel.getByRole('form', { name: 'Change M-Building entrance' });
    await editor.getByText('Directions from this screen').click();
    await editor.getByLabel('Way to M7').fill('M7 ↑ 1st floor');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });

    await (await lobbyRow(m7.id)).locator('.way', { hasText: 'M7 ↑ 1st floor' }).waitFor({ timeout: 5000 });
    // Kept with the screen's record, and shown in the fleet list.
    const cookie = await world.server.login('Ana');
    const { body } = await world.server.request('GET', '/api/displays', undefined, cookie);
    const screen = body.find((d: { name: string }) => d.name === 'M-Building entrance');
    expect(screen.directions).toEqual({ M7: 'M7 ↑ 1st floor' });
  });
});
