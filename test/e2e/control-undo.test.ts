/**
 * Safe undo: an undo that would put the emergency back on screens asks first, naming the effect,
 * and a dismissal changes nothing; a refused undo says what is in the way and opens it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPanel, panelWorldPerTest, schedule, sessionTitled } from './control-fixture.ts';

const world = panelWorldPerTest();
let page: Page;
let cookie: string;
let writes: string[];
beforeEach(async () => {
  ({ page } = await openPanel(world, 'Ana'));
  cookie = await world.server.login('Ben');
  writes = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' && request.url().includes('/api/'))
      writes.push(`${request.method()} ${request.url()}`);
  });
});

async function openJournal(): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Journal' }).click();
}

describe('undo', () => {
  it('undoing "Emergency message off" asks, naming the message; "Don’t undo" changes nothing', async () => {
    expect(
      (await world.server.request('PUT', '/api/emergency', { text: 'Evacuate the building now' }, cookie)).status,
    ).toBe(200);
    expect((await world.server.request('DELETE', '/api/emergency', undefined, cookie)).status).toBe(200);
    await openJournal();
    await page.getByRole('button', { name: 'Undo: Emergency message off' }).click();
    const question = page.getByRole('alertdialog');
    expect(await question.textContent()).toContain(
      'This shows the emergency message “Evacuate the building now” on every screen again.',
    );

    // Keyboard: focus is on the safe answer.
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    expect(writes).toEqual([]);
    expect((await schedule(world.server)).emergency).toBeNull();

    await page.getByRole('button', { name: 'Undo: Emergency message off' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, undo it' }).click();
    await page.getByRole('button', { name: 'Undo: Undid: Emergency message off' }).waitFor();
    expect((await schedule(world.server)).emergency?.text).toBe('Evacuate the building now');
  });

  it('a refused undo says what is in the way in plain words and opens the session', async () => {
    const session = await sessionTitled(world.server, 'GUARDIANS OF THE EARTH');
    const first = await world.server.request<{ session: { version: number } }>(
      'PATCH',
      `/api/sessions/${session.id}`,
      { venueId: 'M7' },
      cookie,
    );
    expect(first.status).toBe(200);
    expect(
      (await world.server.request('PATCH', `/api/sessions/${session.id}`, { title: 'Guardians, renamed' }, cookie))
        .status,
    ).toBe(200);
    await openJournal();
    await page.getByRole('button', { name: /^Undo: Moved/ }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Can’t undo this' });
    await refusal.waitFor();
    const text = (await refusal.textContent()) ?? '';
    expect(text).not.toContain('revision');
    expect(text).toContain('Undo the later changes first');
    await refusal.getByRole('button', { name: 'Open “Guardians, renamed”' }).click();
    await page.getByRole('dialog', { name: 'Guardians, renamed' }).waitFor();
  });
});
