/**
 * Validation that speaks: every bad input gets its message next to the field, focus goes there,
 * and no request leaves the browser. The start/end rule, unsaved edits on Close/Escape, and the
 * clash notices' choices.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openPanel, openSession, panelWorldPerTest, schedule } from './control-fixture.ts';

const world = panelWorldPerTest();
let page: Page;
let writes: string[];
beforeEach(async () => {
  ({ page } = await openPanel(world, 'Ana'));
  writes = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' && request.url().includes('/api/'))
      writes.push(`${request.method()} ${request.url()}`);
  });
});

/** The field is marked invalid and described by a visible message containing `text`. */
async function expectFieldMessage(field: Locator, text: string): Promise<void> {
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  const id = await field.getAttribute('aria-describedby');
  const message = field.page().locator(`[id="${id}"]`);
  expect(await message.textContent()).toContain(text);
}

async function focusedId(): Promise<string | undefined> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id;
  });
}

describe('place and time', () => {
  it('an end before the start is named next to End, focused, and sends nothing', async () => {
    const dialog = await openSession(page, 'GUARDIANS OF THE EARTH');
    const end = dialog.getByLabel('End (24-hour)');
    await end.fill('12:30');
    await dialog.getByRole('button', { name: 'Save place and time' }).click();
    await expectFieldMessage(end, 'Must be after the start (13:00)');
    expect(await focusedId()).toBe('when-end');
    // Fixing it clears the message as they type.
    await end.fill('13:40');
    expect(await end.getAttribute('aria-invalid')).toBe('false');
    expect(writes).toEqual([]);
  });

  it('"25:00" is named next to Start, with the keyboard alone', async () => {
    const dialog = await openSession(page, 'GUARDIANS OF THE EARTH');
    const start = dialog.getByLabel('Start (24-hour)');
    await start.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('25:00');
    await page.keyboard.press('Enter');
    await expectFieldMessage(start, '24-hour time from 00:00 to 23:59');
    expect(await focusedId()).toBe('when-start');
    expect(writes).toEqual([]);
  });

  it('typing a new start keeps the length, unless the end was edited', async () => {
    const dialog = await openSession(page, 'GUARDIANS OF THE EARTH');
    const start = dialog.getByLabel('Start (24-hour)');
    const end = dialog.getByLabel('End (24-hour)');
    await start.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('14:10'); // half-typed "14:1" on the way must not lose the 50 minutes
    expect(await end.inputValue()).toBe('15:00');
    await end.fill('15:30');
    await start.fill('14:20');
    expect(await end.inputValue()).toBe('15:30');
  });

  it('unsaved edits ask before Escape or Close throw them away', async () => {
    const dialog = await openSession(page, 'GUARDIANS OF THE EARTH');
    await dialog.getByLabel('Start (24-hour)').fill('15:30');
    await page.keyboard.press('Escape');
    const question = dialog.getByRole('alertdialog');
    await question.getByText('You have changes you have not saved').waitFor();
    await question.getByRole('button', { name: 'Keep editing' }).click();
    expect(await dialog.getByLabel('Start (24-hour)').inputValue()).toBe('15:30');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.getByRole('alertdialog').getByRole('button', { name: 'Throw away my changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(writes).toEqual([]);
  });
});

describe('add a session', () => {
  it('a title of only spaces and an end before the start are named, focus on the title, nothing sent', async () => {
    await page.getByRole('button', { name: 'Add session' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a session' });
    await dialog.getByLabel('Title').fill('   ');
    await dialog.getByLabel('End (24-hour)').fill('12:30');
    await dialog.getByRole('button', { name: 'Add session' }).click();
    await expectFieldMessage(dialog.getByLabel('Title'), 'Title must not be empty');
    await expectFieldMessage(dialog.getByLabel('End (24-hour)'), 'Must be after the start');
    expect(await focusedId()).toBe('new-title');
    expect(writes).toEqual([]);
  });

  it('a clash offers "Add anyway" or changing the form, never "Keep as it was"', async () => {
    await page.getByRole('button', { name: 'Add session' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a session' });
    const guardians = (await schedule(world.server)).sessions.find((s) =>
      s.title.startsWith('GUARDIANS OF THE EARTH'),
    )!;
    await dialog.getByLabel('Title').fill('Extra briefing');
    await dialog.getByLabel('Venue').selectOption(guardians.venueId);
    await dialog.getByRole('button', { name: 'Add session' }).click();
    const alert = dialog.getByRole('alert');
    await alert.getByRole('button', { name: 'Add anyway' }).waitFor();
    expect(await alert.getByRole('button', { name: 'Change the room or time' }).count()).toBe(1);
    expect(await alert.getByRole('button', { name: 'Keep as it was' }).count()).toBe(0);
  });
});

describe('delay into a busy slot', () => {
  it('the clash notice shifts the rest of the room’s day on request', async () => {
    const { sessions } = await schedule(world.server);
    // GUARDIANS with a session straight after it in its room: a 10-minute delay runs into it.
    const first = sessions.find((s) => s.title.startsWith('GUARDIANS OF THE EARTH'))!;
    const cookie = await world.server.login('Ben');
    const added = await world.server.request<{ session: { id: string; start: string } }>(
      'POST',
      '/api/sessions',
      { title: 'Right after', venueId: first.venueId, start: first.end, end: '2024-10-14T14:40:00+02:00' },
      cookie,
    );
    expect(added.status).toBe(201);
    const second = added.body.session;
    const delay = 10;
    const dialog = await openSession(page, 'GUARDIANS OF THE EARTH');
    await dialog.getByLabel('Custom delay (minutes)').fill(String(delay));
    await dialog.getByRole('button', { name: 'Apply custom delay' }).click();
    const alert = dialog.getByRole('alert');
    await alert.getByRole('button', { name: "Shift the rest of the room's day" }).click();
    await dialog
      .getByRole('status')
      .filter({ hasText: `Delayed by ${delay} min (and the rest of the room’s day)` })
      .waitFor();
    const after = (await schedule(world.server)).sessions;
    const minutes = (iso: string, base: string) => (Date.parse(iso) - Date.parse(base)) / 60_000;
    expect(minutes(after.find((s) => s.id === first.id)!.start, first.start)).toBe(delay);
    expect(minutes(after.find((s) => s.id === second.id)!.start, second.start)).toBe(delay);
  });
});
