/**
 * The panel's Screens, Venues and Import sections, the delivery badge and the conflict notice in
 * French and in Arabic: with real screens paired (one live, one gone offline), a change delivered,
 * a venue field refused, a file previewed and applied, no English word of the panel catalogue shows
 * outside the data, and Arabic runs right to left. One browser and one server for the file, a fresh
 * browser context per test.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ar } from '../../control/i18n/ar.ts';
import { en } from '../../control/i18n/en.ts';
import { fr } from '../../control/i18n/fr.ts';
import type { PanelMessages } from '../../control/i18n/messages.ts';
import type { DisplayStatus } from '../../shared/protocol.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestServer } from '../support/server.ts';
import { FIXTURE, FIXTURE_CLOCK } from '../integration/fixture.ts';
import { englishWordsShown } from './chrome-text.ts';
import { openBareScreen } from './fleet-helpers.ts';
import { sessionButton, type PanelWorld } from './control-fixture.ts';

const LANGUAGES = [
  ['fr', fr],
  ['ar', ar],
] as const satisfies ReadonlyArray<readonly [string, PanelMessages]>;

/** A file that retimes the workshop (to a different hour per language) and adds one talk. */
const csv = (hour: number, added: string) =>
  `id,title,start,end,venue_id\nworkshop,Workshop,2024-10-14T${hour}:00,2024-10-14T${hour}:50,CR3\n${added},Talk ${added},2024-10-14T18:00,2024-10-14T18:50,M7\n`;

const world = {} as PanelWorld;
/** The screens' own contexts, kept for the whole file (a test's contexts are closed after it). */
const screens = new Set<BrowserContext>();
beforeAll(async () => {
  [world.browser, world.server] = await Promise.all([
    launchChromium(),
    startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 }),
  ]);
  await pairScreens();
});
afterEach(async () => {
  await Promise.all(
    world.browser
      .contexts()
      .filter((context) => !screens.has(context))
      .map((context) => context.close()),
  );
});
afterAll(async () => {
  await world.browser?.close();
  await world.server?.close();
});

async function staffCookie(): Promise<string> {
  await world.server.loginAs('Lea', 'admin');
  return world.server.login('Lea');
}

/** Two paired screens for the whole file: the door of CR3 stays live, the lobby has gone offline. */
async function pairScreens(): Promise<void> {
  const cookie = await staffCookie();
  const pair = async (body: object) => {
    const { screen, code } = await openBareScreen(world.browser, world.server.url);
    const paired = await world.server.request('POST', '/api/displays/pair', { code, ...body }, cookie);
    expect(paired.status).toBe(201);
    screens.add(screen.context());
    return screen;
  };
  const gone = await pair({ view: 'lobby', name: 'LB1' });
  const door = await pair({ view: 'room', venueId: 'CR3', name: 'CR3' });
  await door.locator('door-display header').waitFor({ timeout: 30_000 });
  await gone.context().close();
  // In a hook, where expect.poll is not allowed: vi.waitFor retries until the server has seen it go.
  await vi.waitFor(
    async () => {
      const displays = (await world.server.request<DisplayStatus[]>('GET', '/api/displays', undefined, cookie)).body;
      if (displays.find((d) => d.name === 'LB1')?.connected !== false)
        throw new Error('the lobby screen is still connected');
    },
    { timeout: 30_000, interval: 100 },
  );
}

/** A staff member whose account is set to `language`, on the panel's `section`. */
async function openIn(language: string, section: string): Promise<Page> {
  const cookie = await staffCookie();
  expect((await world.server.request('PATCH', '/api/me', { language }, cookie)).status).toBeLessThan(300);
  const [name, value] = cookie.split('=') as [string, string];
  const context = await world.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addCookies([{ name, value, url: world.server.url }]);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`${world.server.url}/control#${section}`);
  await page.locator(`control-app[lang="${language}"]`).waitFor();
  return page;
}

async function expectSpoken(page: Page, language: string, messages: PanelMessages): Promise<void> {
  expect(await englishWordsShown(page, en, messages)).toEqual([]);
  expect(await page.locator('control-app').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
}

describe.each(LANGUAGES)('the panel in %s', { timeout: 90_000 }, (language, t) => {
  it('Screens: the fleet, its devices, the pairing form, delivery of a change and the preview', async () => {
    const page = await openIn(language, 'screens');
    await page.getByRole('heading', { name: t.pairHeading }).waitFor();
    // A change made now is watched by the badge and reported per screen: the lobby lags, offline.
    const cookie = await staffCookie();
    const directions = `${language} ${Date.now()}`;
    expect((await world.server.request('PATCH', '/api/venues/M7', { directions }, cookie)).status).toBe(200);
    const badge = page.locator('delivery-badge');
    await badge.getByText(t.dlvDelivered(1, 2)).waitFor();
    await badge.getByText(t.dlvNotYetOn(t.dlvOffline('LB1'))).waitFor();
    const report = page.getByRole('list', { name: t.dlvListLabel });
    await report
      .getByRole('listitem')
      .first()
      .filter({ hasText: t.dlvDelivered(1, 2) })
      .waitFor();
    await page.getByRole('row', { name: /CR3/ }).filter({ hasText: t.scrConnected }).waitFor();
    expect(await page.getByRole('row', { name: /LB1/ }).textContent()).toContain(t.scrOfflineFor('').trim());
    // Earlier tests' preview frames are offline screens too: the count is not ours to fix.
    await page.getByRole('button', { name: t.scrForgetOffline(0).split('(')[0]!.trim() }).click();
    await page.getByRole('button', { name: t.scrKeepThem }).waitFor();
    await page.getByLabel(t.prevShape).selectOption('portrait');
    await expectSpoken(page, language, t);
  });

  it('Venues: title style, the venue form, a refused field and a saved one', async () => {
    const page = await openIn(language, 'venues');
    await page.getByRole('list', { name: t.venHeading }).getByRole('button', { name: /M7/ }).click();
    const field = page.getByLabel(t.venFieldLabels.directions);
    await field.fill('x'.repeat(201));
    await page.getByRole('button', { name: t.venSave('M7') }).click();
    await page.getByText(t.venTooLong(t.venFieldNames.directions, 200)).waitFor();
    await expectSpoken(page, language, t);

    await field.fill(`${language} ${Date.now()} →`);
    await page.getByLabel(t.venFieldLabels.floor).fill(language);
    await page.getByRole('button', { name: t.venSave('M7') }).click();
    const names = t.listAnd([t.venFieldNames.floor, t.venFieldNames.directions]);
    await page
      .getByRole('status')
      .filter({ hasText: t.venSaved(names) })
      .waitFor();
    // The other style each time: the French test leaves titles as written, the Arabic one turns them back.
    const [style, done] =
      language === 'fr' ? [t.venAsWritten, t.venStyleAsWritten] : [t.venTitleCase, t.venStyleTitleCase];
    await page.getByRole('radio', { name: new RegExp(style) }).check();
    await page.getByRole('status').filter({ hasText: done }).waitFor();
    await expectSpoken(page, language, t);
  });

  it('Import: the preview of a file, its changes, and the answer once applied', async () => {
    const page = await openIn(language, 'import');
    await page.getByRole('heading', { name: t.feedHeading }).waitFor();
    await page.getByLabel(t.impKeep).check();
    const file = csv(language === 'fr' ? 15 : 16, `talk-${language}`);
    await page
      .getByLabel(t.impFile)
      .setInputFiles({ name: 'schedule.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByRole('row', { name: new RegExp(`${t.impNewTime}\\s+Workshop`) }).waitFor();
    await page.getByRole('row', { name: new RegExp(`${t.impAdded}\\s+Talk talk-${language}`) }).waitFor();
    await page.getByRole('row', { name: new RegExp(`${t.impKept}\\s+Opening talk`) }).waitFor();
    await expectSpoken(page, language, t);

    const { revision } = (await world.server.request('GET', '/api/schedule')).body as { revision: number };
    await page.getByRole('button', { name: t.impApply }).click();
    const status = page.locator('import-panel').getByRole('status');
    await status.filter({ hasText: t.impApplied(revision + 1) }).waitFor();
    await expectSpoken(page, language, t);
  });

  it('a conflict: someone else changed the session first, the notice explains it', async () => {
    const page = await openIn(language, 'schedule');
    await sessionButton(page, 'Panel').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(t.detTitle, { exact: true }).fill('Xyq Zorb');
    const cookie = await staffCookie();
    const before = (await world.server.request('GET', '/api/schedule')).body.sessions.find(
      (s: { id: string }) => s.id === 'panel',
    );
    const edited = await world.server.request(
      'PATCH',
      '/api/sessions/panel',
      { title: `Panel ${language}`, expectedVersion: before.version },
      cookie,
    );
    expect(edited.status).toBe(200);
    await dialog.getByRole('button', { name: t.detSave }).click();
    const notice = dialog.locator('conflict-notice');
    await notice.getByText(t.cflHeading).waitFor();
    await notice.getByRole('button', { name: t.cflRetry }).waitFor();
    expect(await englishWordsShown(notice, en, t)).toEqual([]);
    expect(await page.locator('control-app').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
  });

  it('a clash: the room is taken, the notice says by what and offers to move anyway', async () => {
    const page = await openIn(language, 'schedule');
    await sessionButton(page, 'Opening talk').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(t.ptVenue, { exact: true }).selectOption('M7');
    await dialog.getByRole('button', { name: t.ptSave }).click();
    const notice = dialog.getByRole('alert').filter({ has: page.getByRole('button', { name: t.ptMoveAnyway }) });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('13:00–13:50');
    expect(await englishWordsShown(notice, en, t)).toEqual([]);
  });
});
