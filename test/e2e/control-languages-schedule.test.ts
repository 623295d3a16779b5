/**
 * The panel's journal and emergency takeover across languages, on the bundled programme: a journal
 * sentence worded in French from its parameters (the server still stores its English summary), and
 * an Arabic evacuation text put up from an English panel reaching a door display. Every view in
 * every language is walked by control-languages-walk and control-languages-walk-rest.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../shared/model.ts';
import type { PanelMessages } from '../../control/i18n/messages.ts';
import { en } from '../../control/i18n/en.ts';
import { fr } from '../../control/i18n/fr.ts';
import { escape, openPanel, panelWorldPerTest, schedule, type PanelWorld } from './control-fixture.ts';
import { openDisplay } from './display-helpers.ts';

const world = panelWorldPerTest();

/** Moves one Monday session to another room and delays another, over REST: what the journal then lists. */
async function moveAndDelay(panelWorld: PanelWorld): Promise<{ moved: Session; delayed: Session }> {
  const { sessions } = await schedule(panelWorld.server);
  const monday = sessions.filter((s) => s.start.startsWith('2024-10-14') && s.status === 'scheduled');
  const moved = monday.find((s) => s.venueId === 'CR3')!;
  const delayed = monday.find((s) => s.venueId === 'CR7' && s.id !== moved.id)!;
  const cookie = await panelWorld.server.login('Ben');
  const move = await panelWorld.server.request(
    'PATCH',
    `/api/sessions/${moved.id}`,
    { venueId: 'M7', force: true },
    cookie,
  );
  expect(move.status).toBe(200);
  const delay = await panelWorld.server.request(
    'POST',
    `/api/sessions/${delayed.id}/delay`,
    { minutes: 10, force: true },
    cookie,
  );
  expect(delay.status).toBe(200);
  return { moved, delayed };
}

async function useLanguage(page: Page, language: string, messages: PanelMessages): Promise<void> {
  await page.getByLabel('Language').selectOption(language);
  await page.getByRole('heading', { name: messages.headerTitle }).waitFor();
}

function section(page: Page, messages: PanelMessages, name: string | RegExp) {
  return page.getByRole('navigation', { name: messages.navLabel }).getByRole('button', { name });
}

describe('journal sentences and emergency texts in another language', () => {
  it('words a move in French from the entry’s parameters', async () => {
    const { moved, delayed } = await moveAndDelay(world);
    const { page } = await openPanel(world, 'Ana');
    await useLanguage(page, 'fr', fr);
    await section(page, fr, fr.navJournal).click();
    const sentences = page.locator('journal-panel .what');
    await sentences.filter({ hasText: `« ${moved.title} » déplacée de CR3 à M7` }).waitFor();
    await sentences.filter({ hasText: new RegExp(`^« ${escape(delayed.title)} » retardée de 10 min`) }).waitFor();
    // The server's English summary is still what the journal stores.
    const { body } = await world.server.request('GET', '/api/changes?since=0', undefined, await world.server.login());
    expect(body.changes.map((c: { summary: string }) => c.summary)).toContain(`Moved “${moved.title}” from CR3 to M7`);
  });

  it('puts the Arabic evacuation text on an Arabic door display from an English panel', async () => {
    // The prepared message goes up with all its wordings: an Arabic door shows the Arabic one.
    const door = await openDisplay(world.browser, `${world.server.url}/display/room/CR3?lang=ar`);
    const { page } = await openPanel(world, 'Ana');
    await section(page, en, /Announcements/).click();
    await page.getByLabel(en.emergencyLanguage).selectOption('ar');
    await page.getByRole('group', { name: en.emergencyPrepared }).getByRole('button', { name: 'Evacuation…' }).click();
    await page.getByRole('button', { name: en.emergencyYes }).click();
    const arabic = 'أخلوا المبنى الآن. غادروا من أقرب مخرج. لا تستخدموا المصاعد.';
    await expect.poll(async () => (await schedule(world.server)).emergency?.text).toBe(arabic);
    expect((await schedule(world.server)).emergency?.translations?.en?.text).toMatch(/^EVACUATE THE BUILDING NOW/);
    await door.locator('emergency-overlay [role=alert]', { hasText: 'أخلوا المبنى الآن' }).waitFor();
  });
});
