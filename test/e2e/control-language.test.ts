/**
 * The panel in the staff member's language: chosen in the header, applied at once, kept on the
 * account (a reload, or another browser of the same person, comes back in it), Arabic mirrored.
 */
import { describe, expect, it } from 'vitest';
import { openLoginPage, openPanel, panelWorldPerTest, logIn } from './control-fixture.ts';

const world = panelWorldPerTest();

describe('the panel language of a staff member', () => {
  it('switches to French at once, and after a reload is still French', async () => {
    const { page } = await openPanel(world, 'Ana');
    expect(await page.locator('control-app').getAttribute('lang')).toBe('en');
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Contrôle de l’affichage' }).waitFor();
    await page.getByRole('button', { name: 'Journal' }).click();
    await page.getByRole('heading', { name: 'Journal' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Se déconnecter' }).count()).toBe(1);
    expect(await page.getByRole('navigation').getByRole('button').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Programme'), expect.stringContaining('Écrans')]),
    );
    // Saved on the account before the reload is asked for.
    await expect
      .poll(async () => (await world.server.request('GET', '/api/me', undefined, await cookieOf(page))).body.language)
      .toBe('fr');

    await page.reload();
    await page.getByRole('heading', { name: 'Contrôle de l’affichage' }).waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    expect(await page.locator('control-app').getAttribute('lang')).toBe('fr');
    expect(await page.getByLabel('Langue').inputValue()).toBe('fr');
  });

  it('follows the person to another browser, while a colleague keeps English', async () => {
    const ana = await openPanel(world, 'Ana');
    await ana.page.getByLabel('Language').selectOption('de');
    await ana.page.getByRole('heading', { name: 'Beschilderung steuern' }).waitFor();
    await expect
      .poll(
        async () => (await world.server.request('GET', '/api/me', undefined, await cookieOf(ana.page))).body.language,
      )
      .toBe('de');

    const elsewhere = await openLoginPage(world);
    await logIn(elsewhere.page, world.server.password, 'Ana');
    await elsewhere.page.getByRole('button', { name: 'Abmelden' }).waitFor();

    const ben = await openPanel(world, 'Ben');
    await ben.page.getByRole('heading', { name: 'Signage control' }).waitFor();
    expect(await ben.page.getByRole('button', { name: 'Log out' }).count()).toBe(1);
  });

  it("starts in the browser's language when the account has none, English for one we do not speak", async () => {
    const spanish = await world.browser.newContext({ locale: 'es-ES', viewport: { width: 1400, height: 1000 } });
    const page = await spanish.newPage();
    await page.goto(`${world.server.url}/control`);
    await page.getByRole('button', { name: 'Iniciar sesión' }).waitFor();
    await page.getByLabel('Contraseña').fill(world.server.password);
    await page.getByLabel('Usuario').fill('Ben');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('heading', { name: 'Control de señalización' }).waitFor();
    // Following the browser is not a choice: nothing is stored until the person picks a language.
    const me = await world.server.request('GET', '/api/me', undefined, await cookieOf(page));
    expect(me.body.language).toBeUndefined();

    const portuguese = await world.browser.newContext({ locale: 'pt-BR' });
    const other = await portuguese.newPage();
    await other.goto(`${world.server.url}/control`);
    await other.getByRole('button', { name: 'Log in' }).waitFor();
    expect(await other.locator('control-app').getAttribute('lang')).toBe('en');
  });

  it('mirrors the panel in Arabic: dir="rtl" on the root, the header title at the right', async () => {
    const { page } = await openPanel(world, 'Ana');
    await page.getByLabel('Language').selectOption('ar');
    await page.getByRole('heading', { name: 'التحكم في اللافتات' }).waitFor();
    expect(await page.locator('control-app').getAttribute('dir')).toBe('rtl');
    const title = await page.getByRole('heading', { name: 'التحكم في اللافتات' }).boundingBox();
    const logout = await page.getByRole('button', { name: 'تسجيل الخروج' }).boundingBox();
    // Right-to-left, the title that opens the header sits to the right of the log-out button.
    expect(title!.x).toBeGreaterThan(logout!.x);
    await page.getByLabel('اللغة').selectOption('en');
    await page.getByRole('heading', { name: 'Signage control' }).waitFor();
    expect(await page.locator('control-app').getAttribute('dir')).toBe('ltr');
  });
});

async function cookieOf(page: import('playwright-core').Page): Promise<string> {
  const cookies = await page.context().cookies();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}
