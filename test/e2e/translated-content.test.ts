/**
 * Translated titles and announcement texts on the screens: a French door shows the French title
 * of a session that has one (marked lang="fr") and the original of one that has none; staff add
 * a translation in the panel and the door of that language shows it live.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPanel, openSession, panelWorldPerTest, sessionTitled } from './control-fixture.ts';
import { openDisplay, setClock, staff, turnLobbyTo } from './display-helpers.ts';

const world = panelWorldPerTest();

/** A door display in a language, once its catalogue and fonts have loaded. */
async function openDoor(venueId: string, language: string): Promise<Page> {
  const page = await openDisplay(world.browser, `${world.server.url}/display/room/${venueId}?lang=${language}`);
  await page.locator(`signage-app[data-language="${language}"]`).waitFor({ timeout: 30_000 });
  return page;
}

describe('translated content on the screens', () => {
  it('a French door shows a French title where there is one and the original elsewhere', async () => {
    await setClock(world.server, '2024-10-14T12:55');
    const next = await sessionTitled(world.server, 'GUARDIANS OF THE EARTH');
    await staff(world.server, 'PATCH', `/api/sessions/${next.id}`, {
      translations: { fr: { title: 'Les gardiens de la Terre' }, es: { title: 'Guardianes de la Tierra' } },
    });
    await staff(world.server, 'POST', '/api/announcements', {
      text: 'Lunch is served in the cafeteria',
      translations: { fr: { text: 'Le déjeuner est servi à la cafétéria' } },
    });
    const door = await openDoor('CR3', 'fr');
    const upNext = door.locator('door-display up-next h2');
    await upNext.filter({ hasText: 'Les gardiens de la Terre' }).waitFor();
    expect(await upNext.getAttribute('lang')).toBe('fr');
    const banner = door.locator('announcement-banner bdi');
    await banner.filter({ hasText: 'Le déjeuner est servi à la cafétéria' }).waitFor();
    expect(await banner.getAttribute('lang')).toBe('fr');

    // The lobby in French: the translated row and, beside it, a session without one in its original,
    // isolated (dir="auto") and claiming no language.
    const lobby = await openDisplay(world.browser, `${world.server.url}/display/lobby?lang=fr`, { fakeClock: true });
    await lobby.locator('signage-app[data-language="fr"]').waitFor({ timeout: 30_000 });
    const translatedRow = lobby.locator(`lobby-board tr[data-session="${next.id}"] .title`);
    await turnLobbyTo(lobby, translatedRow);
    await translatedRow.filter({ hasText: 'Les gardiens de la Terre' }).waitFor();
    expect(await translatedRow.getAttribute('lang')).toBe('fr');
    const other = lobby.locator(`lobby-board tr[data-session]:not([data-session="${next.id}"]) .title`).first();
    await other.waitFor();
    const otherId = await lobby
      .locator(`lobby-board tr[data-session]:not([data-session="${next.id}"])`)
      .first()
      .getAttribute('data-session');
    const otherSession = (await staff(world.server, 'GET', '/api/schedule')).sessions.find(
      (s: { id: string }) => s.id === otherId,
    );
    expect(otherSession.translations).toBeUndefined();
    expect((await other.textContent())?.toLowerCase()).toBe(otherSession.title.toLowerCase());
    expect(await other.getAttribute('lang')).toBeNull();
    expect(await other.getAttribute('dir')).toBe('auto');

    // The same door in Arabic has no Arabic title: it shows the original.
    const arabic = await openDoor('CR3', 'ar');
    await arabic.locator('door-display up-next h2', { hasText: /GUARDIANS OF THE EARTH/i }).waitFor();
    expect(await arabic.locator('door-display up-next h2').getAttribute('lang')).toBeNull();
  });

  it('staff add a translation in the session dialog and the French door shows it live', async () => {
    // Frozen before 13:00, so the session stays the door's "Next".
    await setClock(world.server, '2024-10-14T12:55');
    const { page } = await openPanel(world);
    const door = await openDoor('CR3', 'fr');
    await door.locator('door-display up-next h2', { hasText: /GUARDIANS OF THE EARTH/i }).waitFor();
    await page.bringToFront();

    const dialog = await openSession(page, 'GUARDIANS OF THE EARTH');
    await dialog.getByLabel('Add a translation…').selectOption('fr');
    const field = dialog.getByLabel('Title in French');
    // An empty translation is refused next to its field, and nothing is sent.
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await dialog.getByText('Write the translation, or remove it.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    await field.fill('Les gardiens de la Terre');
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Details saved.' }).waitFor();
    await dialog.getByText('Translated into Français').waitFor();
    await door.locator('door-display up-next h2[lang="fr"]', { hasText: 'Les gardiens de la Terre' }).waitFor();
    const session = await sessionTitled(world.server, 'GUARDIANS OF THE EARTH');
    expect(session.translations).toEqual({ fr: { title: 'Les gardiens de la Terre' } });

    // Removing it gives the door its original back.
    await dialog.getByRole('button', { name: 'Remove the translation in French' }).click();
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await door.locator('door-display up-next h2', { hasText: /GUARDIANS OF THE EARTH/i }).waitFor();
    expect((await sessionTitled(world.server, 'GUARDIANS OF THE EARTH')).translations).toBeUndefined();
  });

  it('staff publish an announcement with a translation, shown on the door of that language', async () => {
    const { page } = await openPanel(world);
    const door = await openDoor('CR3', 'de');
    await page.getByRole('button', { name: 'Announcements & emergency' }).click();
    await page.getByLabel('Announcement text').fill('Lunch is served');
    await page.locator('announcements-panel').getByLabel('Add a translation…').selectOption('de');
    await page.locator('announcements-panel').getByLabel('Text in German').fill('Das Mittagessen ist serviert');
    await page.getByRole('button', { name: 'Publish announcement' }).click();
    await page.getByRole('status').filter({ hasText: 'Published.' }).waitFor();
    await page.getByText('Translated into Deutsch').waitFor();
    await door.locator('announcement-banner bdi[lang="de"]', { hasText: 'Das Mittagessen ist serviert' }).waitFor();
  });
});
