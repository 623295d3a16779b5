/**
 * Two staff members at once, in two browser contexts (two logins): each sees the other's changes
 * live, and an edit based on stale data is never applied silently.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Session } from '../../shared/model.ts';
import {
  anaMovesToM7,
  openAnaAndBen,
  openSession,
  panelWorldPerTest,
  schedule,
  sessionButton,
} from './control-fixture.ts';

const world = panelWorldPerTest();
let ana: Page;
let ben: Page;
let session: Session;
beforeEach(async () => ({ ana, ben, session } = await openAnaAndBen(world, 'GUARDIANS OF THE EARTH')));

async function titleNow(): Promise<string | undefined> {
  return (await schedule(world.server)).sessions.find((s) => s.id === session.id)?.title;
}

describe('two staff members editing the same session', () => {
  it('shows the second one a conflict with the current values, and retries with their change on request', async () => {
    const anaDialog = await openSession(ana, 'GUARDIANS OF THE EARTH');
    const benDialog = await openSession(ben, 'GUARDIANS OF THE EARTH');
    await benDialog.getByLabel('Title').fill('Guardians — Ben’s wording');

    await ana.bringToFront();
    await anaDialog.getByLabel('Title').fill('Guardians — Ana’s wording');
    await anaDialog.getByRole('button', { name: 'Save details' }).click();
    await anaDialog.getByRole('status').filter({ hasText: 'Details saved.' }).waitFor();

    // Ben's open dialog follows the live schedule, but keeps what he typed.
    await ben.bringToFront();
    await ben.getByRole('dialog', { name: 'Guardians — Ana’s wording' }).waitFor();
    expect(await benDialog.getByLabel('Title').inputValue()).toBe('Guardians — Ben’s wording');

    await benDialog.getByRole('button', { name: 'Save details' }).click();
    const conflict = benDialog.getByRole('alert').filter({ hasText: 'Someone else changed this session' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Guardians — Ana’s wording');
    expect(await titleNow()).toBe('Guardians — Ana’s wording');

    await conflict.getByRole('button', { name: 'Retry with my change' }).click();
    await benDialog.getByRole('status').filter({ hasText: 'Details saved.' }).waitFor();
    expect(await titleNow()).toBe('Guardians — Ben’s wording');
    await ana.getByRole('dialog', { name: 'Guardians — Ben’s wording' }).waitFor();
  });

  it('lets the second one discard their change and carry on from the current values', async () => {
    const benDialog = await openSession(ben, 'GUARDIANS OF THE EARTH');
    await benDialog.getByLabel('Start (24-hour)').fill('16:00');

    await anaMovesToM7(world.server, session);

    await benDialog.getByRole('button', { name: 'Save place and time' }).click();
    const conflict = benDialog.getByRole('alert').filter({ hasText: 'Someone else changed this session' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('M7');
    await conflict.getByRole('button', { name: 'Discard' }).click();

    expect(await benDialog.getByLabel('Start (24-hour)').inputValue()).toBe('13:00');
    expect(await benDialog.getByLabel('Venue').inputValue()).toBe('M7');
    const now = (await schedule(world.server)).sessions.find((s) => s.id === session.id);
    expect(now).toMatchObject({ venueId: 'M7', start: session.start });
  });

  it("updates the other panel's grid live", async () => {
    const anaDialog = await openSession(ana, 'GUARDIANS OF THE EARTH');
    await anaDialog.getByRole('button', { name: 'Delay 10 min' }).click();
    await anaDialog.getByRole('status').filter({ hasText: 'Delayed by 10 min' }).waitFor();
    await ben.bringToFront();
    await sessionButton(ben, 'GUARDIANS OF THE EARTH')
      .filter({ hasText: '13:10–14:00' })
      .filter({ hasText: 'Delayed 10 min' })
      .waitFor();
  });
});
