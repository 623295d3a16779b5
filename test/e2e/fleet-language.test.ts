/**
 * A screen's language set in the panel's screen editor reaches the paired screen live, is kept
 * with its record (listed in /api/displays); an unknown language is refused naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fr } from '../../shared/i18n/fr.ts';
import { openPanel, startWorld, stopWorld, type PanelWorld } from './control-fixture.ts';
import { bandWord } from './display-helpers.ts';
import { doorHeading, openBareScreen, openScreensSection, pairFromPanel } from './fleet-helpers.ts';

let world: PanelWorld;
let panel: Page;
beforeAll(async () => {
  world = await startWorld();
  ({ page: panel } = await openPanel(world));
  await openScreensSection(panel);
});
afterAll(() => stopWorld(world));

const FRENCH_STATUS = [fr.free, fr.startingSoon, fr.inSession, fr.moved];

describe('a screen’s language from the panel', () => {
  it('chosen in the screen editor, the paired screen switches to French at once', async () => {
    const { screen, code } = await openBareScreen(world.browser, world.server.url);
    await pairFromPanel(panel, code, 'Door of CR7', 'CR7 door');
    await doorHeading(screen).filter({ hasText: 'CR7' }).waitFor({ timeout: 30_000 });
    expect(FRENCH_STATUS).not.toContain(await bandWord(screen).textContent());

    const row = panel.getByRole('row').filter({ has: panel.getByRole('rowheader', { name: 'CR7 door' }) });
    await row.getByRole('button', { name: 'Change CR7 door' }).click();
    const editor = panel.getByRole('form', { name: 'Change CR7 door' });
    await editor.getByLabel('Language').selectOption({ label: 'Français' });
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });

    await screen.locator('signage-app[data-language="fr"]').waitFor({ timeout: 10_000 });
    expect(FRENCH_STATUS).toContain(await bandWord(screen).textContent());
    const cookie = await world.server.login('Ana');
    const { body } = await world.server.request('GET', '/api/displays', undefined, cookie);
    expect(body.find((d: { name: string }) => d.name === 'CR7 door').language).toBe('fr');

    // Staff cannot set a language the screens do not have: the field is named.
    const id = body.find((d: { name: string }) => d.name === 'CR7 door').id;
    const refused = await world.server.request('PATCH', `/api/displays/${id}`, { language: 'xx' }, cookie);
    expect(refused.status).toBe(400);
    expect(refused.body.field).toBe('language');
  });
});
