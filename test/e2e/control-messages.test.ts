/**
 * Prepared and scheduled messages: an emergency takeover from a template in two clicks with no
 * typing, templates edited and kept, and announcement targets that reset after posting.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPanel, panelWorldPerTest, schedule } from './control-fixture.ts';

const world = panelWorldPerTest();
let page: Page;
beforeEach(async () => {
  ({ page } = await openPanel(world, 'Ana'));
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: /Announcements/ })
    .click();
});

describe('emergency templates', () => {
  it('takes over every screen with the evacuation message in two clicks', async () => {
    await page.getByRole('group', { name: 'Prepared messages' }).getByRole('button', { name: 'Evacuation…' }).click();
    await page.getByRole('button', { name: 'Yes, take over all screens' }).click();
    await page.getByText('every screen shows').waitFor();
    expect((await schedule(world.server)).emergency?.text).toMatch(/^EVACUATE THE BUILDING NOW/);
  });

  it('edits a prepared message, which is kept on the server', async () => {
    await page.getByText('Edit the prepared messages').click();
    const text = page.getByLabel('Message shown on every screen').nth(1);
    await text.fill('   ');
    await page.getByRole('button', { name: 'Save “Shelter in place”' }).click();
    expect(await text.getAttribute('aria-invalid')).toBe('true');
    await text.fill('Stay in your room. Doors closed.');
    await page.getByRole('button', { name: 'Save “Shelter in place”' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const cookie = await world.server.login('Ben');
    const { body } = await world.server.request<{ templates: Array<{ id: string; text: string }> }>(
      'GET',
      '/api/emergency/templates',
      undefined,
      cookie,
    );
    expect(body.templates.find((t) => t.id === 'shelter')?.text).toBe('Stay in your room. Doors closed.');
  });
});

describe('announcements', () => {
  it('posts to a group of rooms, then the form is back at "All screens"', async () => {
    await page.getByLabel('Announcement text').fill('Coffee in the M-Building foyer');
    await page.getByLabel('Only the screens chosen below').check();
    await page.getByRole('checkbox', { name: /All rooms in M-Building/ }).check();
    await page.getByRole('button', { name: 'Publish announcement' }).click();
    await page.getByRole('status').filter({ hasText: 'Published.' }).waitFor();
    const posted = (await schedule(world.server)).announcements[0]!;
    // The bundled venue file puts the plenary hall and the M rooms in the M-Building.
    expect(posted.venueIds).toEqual(expect.arrayContaining(['Plenary', 'M2', 'M7']));
    expect(posted.venueIds).not.toContain('CR3');
    expect(await page.getByLabel('All screens').isChecked()).toBe(true);
  });

  it('schedules one for later: listed with its start, not yet shown', async () => {
    await page.getByLabel('Announcement text').fill('Reception at 18:00');
    await page.getByLabel('Starts at (24-hour, today)').fill('17:30');
    await page.getByRole('button', { name: 'Publish announcement' }).click();
    await page.getByRole('status').filter({ hasText: 'Scheduled for 17:30.' }).waitFor();
    expect((await schedule(world.server)).announcements[0]?.startsAt).toBe('2024-10-14T17:30:00+02:00');
    await page.getByText('from 17:30, until withdrawn').waitFor();
  });
});
