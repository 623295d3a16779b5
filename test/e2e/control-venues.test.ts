/**
 * The panel's "Venues & titles" section against real screens: the title style switched in the
 * panel reaches a door within a second, and a venue's directions edited in the panel show on the
 * lobby row and on a door's "Moved to" notice; a bad field gets its message next to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PAGE_PERIOD_MS } from '../../display/logic/paging.ts';
import { displayTitle, isAllCaps } from '../../shared/title-case.ts';
import { escape, openPanel, schedule, startWorld, stopWorld, type PanelWorld } from './control-fixture.ts';
import { closeAll, openDisplay, setClock, staff, type OpenOptions } from './display-helpers.ts';

const WITHIN_A_SECOND = { timeout: 1000 };

let world: PanelWorld;
let panel: Page;
const screens: Page[] = [];

beforeAll(async () => {
  world = await startWorld();
  ({ page: panel } = await openPanel(world, 'Ana'));
  await panel.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Venues & titles' }).click();
});
afterAll(async () => {
  await closeAll(screens);
  await stopWorld(world);
});

async function screen(path: string, options: OpenOptions = {}): Promise<Page> {
  const page = await openDisplay(world.browser, `${world.server.url}/display/${path}`, options);
  screens.push(page);
  return page;
}

describe('title style', () => {
  it('switched in the panel, a door shows the title as written within a second', async () => {
    const session = (await schedule(world.server)).sessions.find(
      (s) =>
        s.venueId !== 'Online' && isAllCaps(s.title) && displayTitle(s.title, 'title-case', s.organizers) !== s.title,
    )!;
    await setClock(world.server, new Date(Date.parse(session.start) + 5 * 60_000).toISOString());
    const door = await screen(`room/${session.venueId}`);
    const title = door.locator('door-display now-panel h2');
    await expect
      .poll(() => title.textContent())
      .toContain(displayTitle(session.title, 'title-case', session.organizers));

    // hasText with a string ignores case, and the two styles differ only in case: match it exactly.
    const exactly = (text: string) => new RegExp(escape(text));
    await panel.getByRole('radio', { name: /As written/ }).check();
    await door.locator('door-display now-panel h2', { hasText: exactly(session.title) }).waitFor(WITHIN_A_SECOND);
    expect((await schedule(world.server)).settings).toEqual({ titleStyle: 'as-written' });

    await panel.getByRole('radio', { name: /Title case/ }).check();
    await door
      .locator('door-display now-panel h2', {
        hasText: exactly(displayTitle(session.title, 'title-case', session.organizers)),
      })
      .waitFor(WITHIN_A_SECOND);
  });
});

describe('venue editor', () => {
  it("edits M7's directions: the lobby row and a door's Moved to notice show them", async () => {
    // 12:40: CR3's 13:00 side event has moved to M7; its old door says so from the morning on.
    await setClock(world.server, '2024-10-14T12:40');
    const { sessions } = await schedule(world.server);
    const moved = sessions.find((s) => s.venueId === 'CR3' && s.start.startsWith('2024-10-14T13:00'))!;
    await staff(world.server, 'PATCH', `/api/sessions/${moved.id}`, { venueId: 'M7', force: true });
    const [lobby, door] = await Promise.all([screen('lobby', { fakeClock: true }), screen('room/CR3')]);

    await panel
      .getByRole('list', { name: 'Venues' })
      .getByRole('button', { name: /\bM7\b/ })
      .click();
    const directions = panel.getByLabel(/^Directions/);
    await directions.fill('x'.repeat(201));
    await panel.getByRole('button', { name: 'Save M7' }).click();
    expect(await directions.getAttribute('aria-invalid')).toBe('true');
    await panel.locator('#venue-directions-error').waitFor();

    await directions.fill('Lift to level 1, then left');
    await panel.getByRole('button', { name: 'Save M7' }).click();
    await panel.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect((await schedule(world.server)).venues.find((v) => v.id === 'M7')!.directions).toBe(
      'Lift to level 1, then left',
    );

    await door
      .getByText(/Moved to M7.*Lift to level 1, then left/)
      .first()
      .waitFor(WITHIN_A_SECOND);
    // The row may be on another page of the board: turn pages on the device clock until it shows.
    const row = lobby.locator(`lobby-board tr[data-session="${moved.id}"]`);
    for (let turn = 0; turn < 6 && (await row.count()) === 0; turn++) await lobby.clock.runFor(PAGE_PERIOD_MS);
    // The change reached the screens within a second (the door above); the lobby's row only needs
    // its page turned in, which a busy machine's renderer may take longer to draw.
    await row.filter({ hasText: 'Lift to level 1, then left' }).waitFor({ timeout: 5000 });
  });
});
