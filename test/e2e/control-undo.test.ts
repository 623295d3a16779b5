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

  it('a clash refusal offers "Undo anyway", which keeps both sessions in the room and is journalled', async () => {
    // CR7 at 14:00, an hour after the simulated start: not running during the test, so no confirmation.
    const session = await sessionTitled(world.server, 'THE ROLE OF EDUCATION');
    const move = await world.server.request<{ revision: number }>(
      'PATCH',
      `/api/sessions/${session.id}`,
      { venueId: 'M7', force: true },
      cookie,
    );
    expect(move.status).toBe(200);
    const taker = await world.server.request(
      'POST',
      '/api/sessions',
      { title: 'Press briefing', venueId: session.venueId, start: session.start, end: session.end, force: true },
      cookie,
    );
    expect(taker.status).toBe(201);

    await openJournal();
    await page.getByRole('button', { name: /^Undo: Moved/ }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Can’t undo this' });
    await refusal.waitFor();
    const text = (await refusal.textContent()) ?? '';
    expect(text).toContain(`${session.venueId} is already taken by “Press briefing”`);
    expect(text).toContain('or undo anyway and keep both in the room');
    expect(text).not.toContain('revision');
    await refusal.getByRole('button', { name: 'Open “Press briefing”' }).waitFor();
    expect((await schedule(world.server)).sessions.find((s) => s.id === session.id)?.venueId).toBe('M7');

    await refusal.getByRole('button', { name: 'Undo anyway' }).click();
    const undone = page.getByRole('button', {
      name: /^Undo: Undid: Moved.*\(kept both in .* with “Press briefing”\)$/,
    });
    await undone.waitFor();
    await refusal.waitFor({ state: 'detached' });
    expect(writes.filter((w) => w.endsWith(`/api/changes/${move.body.revision}/undo`))).toHaveLength(2);
    const after = await schedule(world.server);
    expect(after.sessions.find((s) => s.id === session.id)?.venueId).toBe(session.venueId);
    expect(after.sessions.filter((s) => s.venueId === session.venueId && s.start === session.start)).toHaveLength(2);
    const journal = await world.server.request<{ changes: { undoes?: number; actor: string }[] }>(
      'GET',
      `/api/changes?since=${move.body.revision}`,
      undefined,
      cookie,
    );
    expect(journal.body.changes.at(-1)).toMatchObject({ undoes: move.body.revision, actor: 'Ana' });
  });
});
