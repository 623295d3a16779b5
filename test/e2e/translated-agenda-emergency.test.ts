/**
 * Issue 19's remaining translated content on the screens: a plenary door in French shows the
 * French titles of the agenda items that have one (and the lobby's "Now discussing" too), staff
 * give an item's translation in the panel's agenda, and an emergency message typed by staff with
 * a translation goes up in each screen's language — both at once on a bilingual screen — while a
 * prepared one goes up in all seven.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ar } from '../../shared/i18n/ar.ts';
import { en } from '../../shared/i18n/en.ts';
import { fr } from '../../shared/i18n/fr.ts';
import { openPanel, panelWorldPerTest, schedule } from './control-fixture.ts';
import { openDisplay, setClock, staff, turnLobbyTo, type OpenOptions } from './display-helpers.ts';

const world = panelWorldPerTest();
const PLENARY = 'plenary-2024-10-14-1000';

/** A screen in a language (or two, `en,fr`), once its catalogues and fonts have loaded. */
async function openIn(path: string, languages: string, options: OpenOptions = {}): Promise<Page> {
  const page = await openDisplay(world.browser, `${world.server.url}${path}?lang=${languages}`, options);
  await page.locator(`signage-app[data-language="${languages.split(',')[0]}"]`).waitFor({ timeout: 30_000 });
  return page;
}

async function translateAgenda(): Promise<void> {
  const plenary = (await schedule(world.server)).sessions.find((s) => s.id === PLENARY)!;
  const agendaItems = plenary.agendaItems!.map((item) =>
    item.code === '1 (b)' ? { ...item, translations: { fr: { title: 'Élection du Bureau' } } } : item,
  );
  await staff(world.server, 'PATCH', `/api/sessions/${PLENARY}`, { agendaItems, currentAgendaItem: '1 (b)' });
}

describe('translated agenda items', () => {
  it('the French plenary door and lobby show the French item title, the original for the others', async () => {
    await setClock(world.server, '2024-10-14T12:40');
    await translateAgenda();
    const door = await openIn('/display/room/Plenary', 'fr');
    const translated = door.locator('door-display agenda-list li[aria-current] .title bdi');
    await translated.filter({ hasText: 'Élection du Bureau' }).waitFor();
    expect(await translated.getAttribute('lang')).toBe('fr');
    await door.locator('door-display agenda-list .discussing', { hasText: fr.nowDiscussing }).waitFor();
    const original = door.locator('door-display agenda-list li:not([aria-current]) .title bdi').first();
    expect(await original.textContent()).toBe('Adoption of the agenda and organization of work');
    expect(await original.getAttribute('lang')).toBeNull();
    // The code is data too, isolated.
    expect(await door.locator('door-display agenda-list li[aria-current] bdi.code').textContent()).toBe('1 (b)');

    const lobby = await openIn('/display/lobby', 'fr', { fakeClock: true });
    const discussing = lobby.locator(`lobby-board tr[data-session="${PLENARY}"] .discussing`);
    await turnLobbyTo(lobby, discussing);
    await discussing.filter({ hasText: 'Élection du Bureau' }).waitFor();
    expect(await discussing.textContent()).toBe(fr.nowDiscussingItem('1 (b)', 'Élection du Bureau'));
    expect(
      await discussing.locator('bdi').evaluateAll((all) => all.map((b) => [b.textContent, b.getAttribute('lang')])),
    ).toEqual([
      ['1 (b)', null],
      ['Élection du Bureau', 'fr'],
    ]);
  });

  it('staff translate an item in the panel agenda, and the French door shows it live', async () => {
    await setClock(world.server, '2024-10-14T12:40');
    const door = await openIn('/display/room/Plenary', 'fr');
    await door.locator('door-display agenda-list').waitFor();
    const { page } = await openPanel(world);
    const item = page.getByRole('button', { name: 'Translations of item 1 (c)' }).first();
    await item.click();
    const editor = page.getByRole('listitem', { name: 'Translations of item 1 (c)' });
    await editor.getByLabel('Add a translation…').selectOption('fr');
    // An empty translation is refused next to its field, and nothing is sent.
    await editor.getByRole('button', { name: 'Save translations' }).click();
    await editor.getByText('Write the translation, or remove it.').waitFor();
    await editor.getByLabel('Title in French').fill('Adoption de l’ordre du jour');
    await editor.getByRole('button', { name: 'Save translations' }).click();
    await editor.waitFor({ state: 'detached' });
    await page.getByText('Translated into Français').first().waitFor();
    await door
      .locator('door-display agenda-list .title bdi[lang="fr"]', { hasText: 'Adoption de l’ordre du jour' })
      .waitFor();
    const saved = (await schedule(world.server)).sessions.find((s) => s.id === PLENARY)!;
    expect(saved.agendaItems!.find((i) => i.code === '1 (c)')!.translations).toEqual({
      fr: { title: 'Adoption de l’ordre du jour' },
    });
    // The other items kept what they had: nothing else changed.
    expect(saved.agendaItems!.filter((i) => i.translations).map((i) => i.code)).toEqual(['1 (c)']);
  });
});

describe('an emergency message in several languages', () => {
  it('typed with a French translation: French screens show it, others the original, a bilingual one both', async () => {
    const french = await openIn('/display/room/CR7', 'fr');
    const english = await openIn('/display/room/CR7', 'en');
    const both = await openIn('/display/room/CR7', 'en,fr');
    const { page } = await openPanel(world);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /Announcements/ })
      .click();
    const panel = page.locator('emergency-panel');
    await panel.getByLabel('Emergency message').fill('Leave the building by the nearest exit');
    await panel.getByLabel('Add a translation…').selectOption('fr');
    await panel.getByLabel('Text in French').fill('Quittez le bâtiment par la sortie la plus proche');
    await panel.getByRole('button', { name: 'Take over all screens…' }).click();
    await panel.getByText('Translated into Français').waitFor();
    await panel.getByRole('button', { name: 'Yes, take over all screens' }).click();
    await page.getByText('every screen shows').waitFor();

    const texts = (screen: Page) => screen.locator('emergency-overlay p');
    await texts(french).filter({ hasText: 'Quittez le bâtiment' }).waitFor();
    expect(await texts(french).evaluateAll((all) => all.map((p) => [p.textContent, p.getAttribute('lang')]))).toEqual([
      ['Quittez le bâtiment par la sortie la plus proche', 'fr'],
    ]);
    await texts(english).filter({ hasText: 'Leave the building' }).waitFor();
    expect(await texts(english).count()).toBe(1);
    expect(await texts(english).getAttribute('lang')).toBeNull();
    // Bilingual: both headings and both texts at once, stacked, the screen's first language first.
    await expect.poll(() => texts(both).count()).toBe(2);
    expect(await texts(both).allTextContents()).toEqual([
      'Leave the building by the nearest exit',
      'Quittez le bâtiment par la sortie la plus proche',
    ]);
    expect((await both.locator('emergency-overlay h1').allTextContents()).map((t) => t.trim())).toEqual([
      en.emergency,
      fr.emergency,
    ]);
    expect((await schedule(world.server)).emergency).toMatchObject({
      text: 'Leave the building by the nearest exit',
      translations: { fr: { text: 'Quittez le bâtiment par la sortie la plus proche' } },
    });
    // The journal, in the panel's words, names the languages it went up in.
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /Journal/ })
      .click();
    await page.getByText('Emergency message on: Leave the building by the nearest exit (also in Français)').waitFor();
  });

  it('a prepared message goes up in every screen’s own language', async () => {
    const arabic = await openIn('/display/room/CR7', 'ar');
    const { page } = await openPanel(world);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /Announcements/ })
      .click();
    await page.getByRole('group', { name: 'Prepared messages' }).getByRole('button', { name: 'Evacuation…' }).click();
    // Before confirming, the panel says which languages go up with it.
    await page
      .locator('emergency-panel .notice')
      .getByText(/Translated into .*العربية/)
      .waitFor();
    await page.getByRole('button', { name: 'Yes, take over all screens' }).click();
    await arabic.locator('emergency-overlay p[lang="ar"]', { hasText: 'أخلوا المبنى الآن' }).waitFor();
    expect((await arabic.locator('emergency-overlay h1').textContent())?.trim()).toBe(ar.emergency);
    const emergency = (await schedule(world.server)).emergency!;
    expect(emergency.text).toMatch(/^EVACUATE THE BUILDING NOW/);
    expect(Object.keys(emergency.translations ?? {}).sort()).toEqual(['ar', 'de', 'es', 'fr', 'ru', 'zh']);
  });
});
