/**
 * Single sign-on through a real Chromium and a real OpenID Connect provider (oidc-provider, in
 * this process): a person in the admin group signs in with one click and gets the admin sections,
 * a person in no mapped group is a viewer, logout works as for a password, and a refusal says why
 * on the login page, in the reader's language, once.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeFileContexts, sharedChromium } from '../support/shared-browser.ts';
import { startTestProvider, TEST_PROVIDER_NAME, type TestProvider } from '../support/oidc-provider.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { START } from './control-fixture.ts';
import { SSO_REFUSAL_COOKIE } from '../../shared/sso-refusal.ts';

let browser: Browser;
let idp: TestProvider;
let server: TestServer;

beforeAll(async () => {
  idp = await startTestProvider({
    ann: { name: 'Ann Admin', email: 'ann@example.org', groups: ['staff', 'signage-admins'] },
    vic: { name: 'Vic Viewer', groups: ['staff'] },
  });
  [browser, server] = await Promise.all([
    sharedChromium(),
    startTestServer({ clock: START, sso: (url) => idp.settingsFor(url) }),
  ]);
});
afterAll(async () => {
  await closeFileContexts(browser);
  await server?.close();
  await idp?.close();
});

/** A fresh browser (its own cookies, at the provider too, its own language). */
async function freshPage(locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  return page;
}

/** Opens the panel and clicks "Sign in with …" (`linkName`, in the browser's language). */
async function signInThroughProvider(
  user: string | null,
  { locale = 'en-GB', linkName = `Sign in with ${TEST_PROVIDER_NAME}` } = {},
): Promise<Page> {
  idp.nextUser = user;
  const page = await freshPage(locale);
  await page.goto(`${server.url}/control`);
  await page.getByRole('link', { name: linkName }).click();
  return page;
}

/** The refusal's alert next to the sign-in button, and the address once the panel has read it. */
async function refusalOnLogin(page: Page) {
  const alert = page.getByRole('alert');
  await alert.waitFor();
  return {
    text: await alert.textContent(),
    isolated: await alert.locator('bdi').allTextContents(),
    address: await page.evaluate(() => location.pathname + location.search),
  };
}

async function status(page: Page, method: string, path: string, body?: unknown): Promise<number> {
  return page.evaluate(
    ([method, path, body]) =>
      fetch(path as string, {
        method: method as string,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then((r) => r.status),
    [method, path, body],
  );
}

describe('single sign-on in the control panel', () => {
  it('an admin-group person lands in the panel with the admin sections, and logs out', async () => {
    const page = await signInThroughProvider('ann');
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/control');
    await page.getByRole('button', { name: 'Accounts' }).click();
    await page.getByRole('cell', { name: 'Ann Admin' }).waitFor();
    expect(await page.evaluate(() => fetch('/api/me').then((r) => r.json()))).toMatchObject({
      username: 'ann',
      role: 'admin',
    });

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('link', { name: `Sign in with ${TEST_PROVIDER_NAME}` }).waitFor();
    expect(await status(page, 'GET', '/api/displays')).toBe(401);
    await page.context().close();
  });

  it('a person in no mapped group is a viewer: the panel, read-only', async () => {
    const page = await signInThroughProvider('vic');
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await page.getByRole('button', { name: 'Accounts' }).click();
    await page.getByText('Only an admin manages accounts.').waitFor();
    expect(await status(page, 'GET', '/api/changes')).toBe(200);
    expect(await status(page, 'POST', '/api/announcements', { text: 'Coffee in the lobby' })).toBe(403);
    await page.context().close();
  });

  it("a refusal by the provider is worded on the login page, with the provider's words set apart, once", async () => {
    const page = await signInThroughProvider(null);
    const refusal = await refusalOnLogin(page);
    expect(refusal.text).toMatch(/^The sign-in provider refused the sign-in: access_denied \(the person cancelled/);
    expect(refusal.isolated).toEqual([expect.stringMatching(/^access_denied \(the person cancelled/)]);
    // The address bar is clean and the refusal's cookie gone, so a reload or a bookmark does not bring it back.
    expect(refusal.address).toBe('/control');
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain(SSO_REFUSAL_COOKIE);
    await page.getByLabel('Password').waitFor();
    await page.getByRole('link', { name: `Sign in with ${TEST_PROVIDER_NAME}` }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: `Sign in with ${TEST_PROVIDER_NAME}` }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.context().close();
  });

  it('words the refusal in the browser language: French and Arabic', async () => {
    const french = await signInThroughProvider(null, {
      locale: 'fr-FR',
      linkName: `Se connecter avec ${TEST_PROVIDER_NAME}`,
    });
    expect((await refusalOnLogin(french)).text).toMatch(
      /^Le fournisseur d’identité a refusé la connexion : access_denied \(the person cancelled/,
    );
    await french.context().close();

    // A sign-in this browser never started (the answer of another one, an old bookmark).
    const arabic = await freshPage('ar-EG');
    await arabic.goto(`${server.url}/api/sso/callback?code=x&state=y`);
    const refusal = await refusalOnLogin(arabic);
    expect(refusal.text).toBe('لم يبدأ تسجيل الدخول هذا في هذا المتصفح، أو استغرق أكثر من 10 دقائق. ابدؤوا من جديد.');
    expect(await arabic.locator('control-app').getAttribute('dir')).toBe('rtl');
    expect(refusal.address).toBe('/control');
    await arabic.context().close();
  });

  it('a link that names a refusal and its words shows only that single sign-on failed', async () => {
    const page = await freshPage();
    const generic = 'Single sign-on failed. Try again, or sign in with your username and password.';
    const forged = [
      'signin=refused&code=sso.provider-unreachable&issuer=https://evil.example/help',
      'signin=refused&code=sso.provider-refused&reason=Call+%2B43+555+0100+to+restore+your+account',
      'signin=refused&code=sso.not-started&minutes=x',
      'signin=refused&code=%3Cb%3Eclick+evil.example%3C%2Fb%3E&reason=evil',
    ];
    for (const search of forged) {
      await page.goto(`${server.url}/control?${search}`);
      const shown = await refusalOnLogin(page);
      expect(shown.text, search).toBe(generic);
      expect(await page.locator('login-form').textContent(), search).not.toMatch(/evil|555|NaN/);
      expect(shown.address).toBe('/control');
    }
    await page.context().close();
  });
});
