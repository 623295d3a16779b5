/**
 * Announcements, the emergency takeover, the journal with undo, and the screens view — each checked
 * on real display pages or through the server's API.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPanel, panelWorldPerTest, schedule, sessionTitled } from './control-fixture.ts';
import { newScreenContext } from './display-helpers.ts';

const world = panelWorldPerTest();
let page: Page;
beforeEach(async () => {
  ({ page } = await openPanel(world));
});

/**
 * A screen in its own context, as a real one is another device: no staff cookie, and its service
 * worker blocked (a tab of the panel's context would install it and fetch the whole display shell).
 */
async function openDisplay(path: string): Promise<Page> {
  const display = await (await newScreenContext(world.browser)).newPage();
  await display.goto(`${world.server.url}${path}`);
  return display;
}

/** Waits until the Screens section reports the display showing `shows` as having the latest revision. */
async function untilUpToDate(shows: string): Promise<void> {
  await page.getByRole('button', { name: /^Screens/ }).click();
  await page.getByRole('row').filter({ hasText: shows }).filter({ hasText: 'up to date' }).waitFor();
}

describe('broadcasting from the panel', () => {
  it('sends an announcement to one room only, and withdraws it', async () => {
    const cr3 = await openDisplay('/display/room/CR3');
    const cr7 = await openDisplay('/display/room/CR7');
    await page.getByRole('button', { name: 'Announcements & emergency' }).click();
    await page.getByLabel('Announcement text').fill('Coffee is served in the M-Building foyer');
    await page.getByLabel('Only the screens chosen below').check();
    await page.getByRole('group', { name: 'Chosen screens' }).getByLabel('CR3', { exact: true }).check();
    await page.getByLabel('Expires after (minutes)').fill('30');
    await page.getByRole('button', { name: 'Publish announcement' }).click();
    await page.getByRole('status').filter({ hasText: 'Published.' }).waitFor();

    const published = (await schedule(world.server)).announcements;
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({
      text: 'Coffee is served in the M-Building foyer',
      severity: 'info',
      venueIds: ['CR3'],
    });
    await cr3.getByText('Coffee is served in the M-Building foyer').waitFor();
    await untilUpToDate('Door of CR7');
    expect(await cr7.getByText('Coffee is served in the M-Building foyer').count()).toBe(0);

    await page.getByRole('button', { name: 'Announcements & emergency' }).click();
    await page.getByRole('button', { name: 'Withdraw “Coffee is served in the M-Building foyer”' }).click();
    await cr3.getByText('Coffee is served in the M-Building foyer').waitFor({ state: 'detached' });
    expect((await schedule(world.server)).announcements).toEqual([]);
  });

  it('takes over every screen after a confirmation, and clears it with one click', async () => {
    const lobby = await openDisplay('/display/lobby');
    await page.getByRole('button', { name: 'Announcements & emergency' }).click();
    await page.getByLabel('Emergency message').fill('Please leave the building by the nearest exit');
    await page.getByRole('button', { name: 'Take over all screens…' }).click();
    expect((await schedule(world.server)).emergency).toBeNull();
    await page.getByRole('button', { name: 'Yes, take over all screens' }).click();

    await lobby.getByText('Please leave the building by the nearest exit').waitFor();
    expect((await schedule(world.server)).emergency?.text).toBe('Please leave the building by the nearest exit');

    await page.getByRole('button', { name: 'Clear emergency' }).click();
    await lobby.getByText('Please leave the building by the nearest exit').waitFor({ state: 'detached' });
    expect((await schedule(world.server)).emergency).toBeNull();
  });

  it("shows another staff member's change live in the journal and undoes it", async () => {
    const session = await sessionTitled(world.server, 'GUARDIANS OF THE EARTH');
    await page.getByRole('button', { name: 'Journal' }).click();
    const cookie = await world.server.login('Ben');
    const answer = await world.server.request(
      'PATCH',
      `/api/sessions/${session.id}`,
      { title: 'Guardians (Ben’s title)', expectedVersion: session.version },
      cookie,
    );
    expect(answer.status).toBe(200);

    const entry = page.getByRole('listitem').filter({ hasText: 'Ben' });
    await entry.waitFor();
    await entry.getByRole('button', { name: /^Undo/ }).click();
    await entry.filter({ hasText: 'undone' }).waitFor();
    const reverted = (await schedule(world.server)).sessions.find((s) => s.id === session.id);
    expect(reverted?.title).toBe(session.title);
    await page.getByRole('listitem').filter({ hasText: 'Ana' }).first().waitFor();
  });

  it("shows the server's reason when an undo is refused, in plain words", async () => {
    const session = await sessionTitled(world.server, 'GUARDIANS OF THE EARTH');
    const cookie = await world.server.login('Ben');
    const first = await world.server.request('PATCH', `/api/sessions/${session.id}`, { title: 'First rename' }, cookie);
    await world.server.request('PATCH', `/api/sessions/${session.id}`, { title: 'Second rename' }, cookie);
    await page.getByRole('button', { name: 'Journal' }).click();

    const entry = page.getByRole('listitem').filter({ hasText: 'to “First rename”' });
    await entry.getByRole('button', { name: /^Undo/ }).click();
    const alert = entry.getByRole('alert');
    await alert.waitFor();
    // Plain words, no revision numbers (issue 13): what is in the way and what to do.
    expect(first.status).toBe(200);
    expect(await alert.textContent()).not.toContain('revision');
    expect(await alert.textContent()).toContain('Can’t undo this');
    expect(await alert.textContent()).toContain('changed again since');
    expect((await schedule(world.server)).sessions.find((s) => s.id === session.id)?.title).toBe('Second rename');
  });

  it('lists connected screens with their revision and previews a door display', async () => {
    await openDisplay('/display/room/CR3');
    await untilUpToDate('Door of CR3');
    const row = page.getByRole('row').filter({ hasText: 'Door of CR3' });
    expect(await row.textContent()).toContain('Connected');

    await page.getByLabel('Screen to preview').selectOption('CR3');
    const preview = page.frameLocator('iframe[title="Live preview of the CR3 door display"]');
    await preview
      .getByText(/GUARDIANS OF THE EARTH/i)
      .first()
      .waitFor();
  });
});
