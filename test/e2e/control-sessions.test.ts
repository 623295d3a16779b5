/**
 * Changing sessions from the panel, checked where it matters: on the door displays delegates see,
 * and in the server's schedule.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  openPanel,
  openSession,
  panelWorldPerTest,
  schedule,
  sessionButton,
  sessionTitled,
} from './control-fixture.ts';
import { newScreenContext } from './display-helpers.ts';

const world = panelWorldPerTest();
let page: Page;
beforeEach(async () => {
  ({ page } = await openPanel(world));
});

async function sessionNow(id: string) {
  return (await schedule(world.server)).sessions.find((s) => s.id === id);
}

describe('changing a session from the panel', () => {
  it('moves a session to a free room, and both door displays say so', async () => {
    const session = await sessionTitled(world.server, 'GUARDIANS OF THE EARTH');
    // The doors are other devices: their own contexts, without the display's service worker.
    const oldDoor = await (await newScreenContext(world.browser)).newPage();
    await oldDoor.goto(`${world.server.url}/display/room/CR3`);
    await oldDoor
      .getByText(/GUARDIANS OF THE EARTH/i)
      .first()
      .waitFor();
    const newDoor = await (await newScreenContext(world.browser)).newPage();
    await newDoor.goto(`${world.server.url}/display/room/M7`);
    await newDoor.locator('body').waitFor();

    const dialog = await openSession(page, 'GUARDIANS OF THE EARTH');
    // M7 is free at 13:00 on Monday, so it is offered among the free rooms.
    expect(await dialog.locator('optgroup[label="Free at that time"] option[value="M7"]').count()).toBe(1);
    await dialog.getByLabel('Venue').selectOption('M7');
    await dialog.getByRole('button', { name: 'Save place and time' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Saved: M7, 13:00–13:50.' }).waitFor();

    await oldDoor.getByText('Moved to M7').first().waitFor();
    await newDoor
      .getByText(/GUARDIANS OF THE EARTH/i)
      .first()
      .waitFor();
    expect((await sessionNow(session.id))?.venueId).toBe('M7');
  });

  it('explains a clash with the session that holds the room, and moves anyway on request', async () => {
    const session = await sessionTitled(world.server, 'GUARDIANS OF THE EARTH');
    const holder = await sessionTitled(world.server, "THE EUROPEAN UNION'S GLOBAL ALLIANCE");
    const dialog = await openSession(page, 'GUARDIANS OF THE EARTH');
    await dialog.getByLabel('Venue').selectOption('M3');
    await dialog.getByRole('button', { name: 'Save place and time' }).click();

    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`M3 is taken by “${holder.title}” 13:00–13:50`);
    expect((await sessionNow(session.id))?.venueId).toBe('CR3');

    await dialog.getByRole('button', { name: 'Move anyway' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Saved: M3' }).waitFor();
    expect((await sessionNow(session.id))?.venueId).toBe('M3');
  });

  it('gives a session a new time typed in venue time', async () => {
    const session = await sessionTitled(world.server, 'GUARDIANS OF THE EARTH');
    const dialog = await openSession(page, 'GUARDIANS OF THE EARTH');
    await dialog.getByLabel('Start (24-hour)').fill('15:30');
    // The length is kept: the end follows the start.
    expect(await dialog.getByLabel('End (24-hour)').inputValue()).toBe('16:20');
    await dialog.getByRole('button', { name: 'Save place and time' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Saved: CR3, 15:30–16:20.' }).waitFor();
    const saved = await sessionNow(session.id);
    expect(saved?.start).toBe('2024-10-14T15:30:00+02:00');
    expect(saved?.end).toBe('2024-10-14T16:20:00+02:00');
  });

  it('delays a session and the rest of its room’s day', async () => {
    const first = await sessionTitled(world.server, 'BREAKING THE CYCLE');
    const second = await sessionTitled(world.server, 'RANGERS AT THE FOREFRONT');
    const dialog = await openSession(page, 'BREAKING THE CYCLE');
    await dialog.getByLabel("Shift the rest of the room's day").check();
    await dialog.getByRole('button', { name: 'Delay 15 min' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Delayed by 15 min' }).waitFor();

    expect((await sessionNow(first.id))?.start).toBe('2024-10-14T13:15:00+02:00');
    expect((await sessionNow(second.id))?.start).toBe('2024-10-14T14:15:00+02:00');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await sessionButton(page, 'RANGERS AT THE FOREFRONT').filter({ hasText: 'Delayed 15 min' }).waitFor();
  });

  it('cancels a session after confirmation, and reinstates it', async () => {
    const session = await sessionTitled(world.server, 'GUARDIANS OF THE EARTH');
    const dialog = await openSession(page, 'GUARDIANS OF THE EARTH');
    await dialog.getByRole('button', { name: 'Cancel session', exact: true }).click();
    expect((await sessionNow(session.id))?.status).toBe('scheduled');
    await dialog.getByRole('button', { name: 'Yes, cancel it' }).click();
    await dialog.getByRole('button', { name: 'Reinstate' }).waitFor();
    expect((await sessionNow(session.id))?.status).toBe('cancelled');
    await sessionButton(page, 'GUARDIANS OF THE EARTH').filter({ hasText: 'Cancelled' }).waitFor();

    await dialog.getByRole('button', { name: 'Reinstate' }).click();
    await dialog.getByRole('button', { name: 'Cancel session', exact: true }).waitFor();
    expect((await sessionNow(session.id))?.status).toBe('scheduled');
  });

  it('edits online details and chooses to show the passcode on screens', async () => {
    const session = await sessionTitled(world.server, 'CURRENT TOPICS IN TRANSNATIONAL');
    const dialog = await openSession(page, 'CURRENT TOPICS IN TRANSNATIONAL');
    await dialog.getByLabel('Meeting ID').fill('813 5443 5881');
    await dialog.getByLabel('Passcode', { exact: true }).fill('709166');
    await dialog.getByLabel('Join link (URL)').fill('https://example.org/join/81354435881');
    await dialog.getByLabel('Show passcode on screens').check();
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Details saved.' }).waitFor();
    expect((await sessionNow(session.id))?.online).toEqual({
      meetingId: '813 5443 5881',
      passcode: '709166',
      url: 'https://example.org/join/81354435881',
      showPasscode: true,
    });
  });

  it('adds a session, then deletes it after confirmation', async () => {
    await page.getByRole('button', { name: 'Add session' }).click();
    const add = page.getByRole('dialog', { name: 'Add a session' });
    await add.getByLabel('Title').fill('Press briefing');
    await add.getByLabel('Venue').selectOption('M3');
    await add.getByLabel('Start (24-hour)').fill('15:00');
    await add.getByLabel('End (24-hour)').fill('15:30');
    await add.getByLabel('Organised by').fill('UNODC Press Office');
    await add.getByRole('button', { name: 'Add session' }).click();

    const dialog = page.getByRole('dialog', { name: 'Press briefing' });
    await dialog.waitFor();
    const created = await sessionTitled(world.server, 'Press briefing');
    expect(created).toMatchObject({
      venueId: 'M3',
      start: '2024-10-14T15:00:00+02:00',
      end: '2024-10-14T15:30:00+02:00',
    });
    expect(created.organizers.lead).toBe('UNODC Press Office');

    await dialog.getByRole('button', { name: 'Delete session' }).click();
    await dialog.getByRole('button', { name: 'Yes, delete it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await sessionNow(created.id)).toBeUndefined();
  });

  it("marks the plenary's agenda item under discussion", async () => {
    await page.getByRole('button', { name: 'Mark under discussion: 1 (b)' }).first().click();
    await page.getByText('Under discussion', { exact: true }).waitFor();
    const plenary = (await schedule(world.server)).sessions.find((s) => s.agendaItems?.some((i) => i.code === '1 (b)'));
    expect(plenary?.currentAgendaItem).toBe('1 (b)');
  });

  it('finds sessions by title or organiser across the days', async () => {
    await page.getByLabel('Search by title or organiser').fill('zonta');
    const results = page.getByRole('region', { name: 'Search results' });
    await results.getByRole('status').filter({ hasText: '1 session matches.' }).waitFor();
    await results
      .getByRole('button', { name: /Tuesday 15 October 13:00–13:50 · CR3 — MAKING SURE THAT FIREARMS/ })
      .click();
    await page.getByRole('dialog', { name: /MAKING SURE THAT FIREARMS/ }).waitFor();
  });

  it('lists the day instead of the grid on a narrow screen', async () => {
    await page.setViewportSize({ width: 600, height: 900 });
    const list = page.getByRole('list', { name: 'Sessions of the day' });
    await list.waitFor();
    expect(await page.locator('schedule-grid').count()).toBe(0);
    await list.getByRole('button', { name: /13:00–13:50 · M3 THE EUROPEAN UNION/ }).click();
    await page.getByRole('dialog', { name: /THE EUROPEAN UNION/ }).waitFor();
  });
});
