/**
 * Conflict notices that say what each button does and do it: two staff members delaying the same
 * session end at one delay with the second told, and "Retry with my change" restores every part
 * of the change the notice describes.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Session } from '../../shared/model.ts';
import { anaMovesToM7, openAnaAndBen, openSession, panelWorldPerTest, schedule } from './control-fixture.ts';

const world = panelWorldPerTest();
let ana: Page;
let ben: Page;
let session: Session;
beforeEach(async () => ({ ana, ben, session } = await openAnaAndBen(world, 'GUARDIANS OF THE EARTH')));

async function current(): Promise<Session> {
  return (await schedule(world.server)).sessions.find((s) => s.id === session.id)!;
}

describe('honest conflicts', () => {
  it('two people pressing "Delay 5 min" end at 5 minutes, and the second is told and asked', async () => {
    const anaDialog = await openSession(ana, 'GUARDIANS OF THE EARTH');
    const benDialog = await openSession(ben, 'GUARDIANS OF THE EARTH');

    await anaDialog.getByRole('button', { name: 'Delay 5 min' }).click();
    await anaDialog.getByRole('status').filter({ hasText: 'Delayed by 5 min' }).waitFor();

    await ben.bringToFront();
    await benDialog.getByRole('button', { name: 'Delay 5 min' }).click();
    const notice = benDialog.getByRole('alert').filter({ hasText: 'Already delayed to 13:05 by Ana' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Delay 5 min more?');
    expect((await current()).start).toBe('2024-10-14T13:05:00+02:00');

    await notice.getByRole('button', { name: 'Delay 5 min more' }).click();
    await benDialog.getByRole('status').filter({ hasText: 'Delayed by 5 min' }).waitFor();
    expect((await current()).start).toBe('2024-10-14T13:10:00+02:00');
  });

  it('"Leave it as it is" changes nothing more', async () => {
    const anaDialog = await openSession(ana, 'GUARDIANS OF THE EARTH');
    const benDialog = await openSession(ben, 'GUARDIANS OF THE EARTH');
    await anaDialog.getByRole('button', { name: 'Delay 5 min' }).click();
    await anaDialog.getByRole('status').filter({ hasText: 'Delayed by 5 min' }).waitFor();
    await benDialog.getByRole('button', { name: 'Delay 5 min' }).click();
    const notice = benDialog.getByRole('alert').filter({ hasText: 'Already delayed' });
    await notice.getByRole('button', { name: 'Leave it as it is' }).click();
    await notice.waitFor({ state: 'detached' });
    expect((await current()).start).toBe('2024-10-14T13:05:00+02:00');
  });

  it('"Retry with my change" puts back the room the notice names as mine', async () => {
    const benDialog = await openSession(ben, 'GUARDIANS OF THE EARTH');
    await benDialog.getByLabel('Start (24-hour)').fill('14:10');

    await anaMovesToM7(world.server, session);

    await benDialog.getByRole('button', { name: 'Save place and time' }).click();
    const conflict = benDialog.getByRole('alert').filter({ hasText: 'Someone else changed this session' });
    expect(await conflict.textContent()).toContain(`stay in ${session.venueId}`);
    await conflict.getByRole('button', { name: 'Retry with my change' }).click();
    await benDialog.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(await current()).toMatchObject({ venueId: session.venueId, start: '2024-10-14T14:10:00+02:00' });
  });
});
