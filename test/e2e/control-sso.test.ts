/**
 * Single sign-on through a real Chromium and a real OpenID Connect provider (oidc-provider, in
 * this process): a person in the admin group signs in with one click and gets the admin sections,
 * a person in no mapped group is a viewer, logout works as for a password, and a refusal says why.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeFileContexts, sharedChromium } from '../support/shared-browser.ts';
import { startTestProvider, TEST_PROVIDER_NAME, type TestProvider } from '../support/oidc-provider.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { START } from './control-fixture.ts';

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

/** A fresh browser (its own cookies, at the provider too) that clicks "Sign in with …". */
async function signInThroughProvider(user: string | null): Promise<Page> {
  idp.nextUser = user;
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`${server.url}/control`);
  await page.getByRole('link', { name: `Sign in with ${TEST_PROVIDER_NAME}` }).click();
  return page;
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

  it('a refusal by the provider shows why, with a way back', async () => {
    const page = await signInThroughProvider(null);
    await page.getByRole('heading', { name: 'Sign-in failed' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('access_denied');
    await page.getByRole('link', { name: 'Back to the control panel' }).click();
    await page.getByLabel('Password').waitFor();
    await page.context().close();
  });
});
