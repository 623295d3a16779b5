/**
 * The second half of the panel's seven-language walk (the first, login to emergency, is
 * control-languages-walk): Import (a file's preview with the arrow the reading way, applied, a
 * refused file's problem list), feeds, Screens (the delivery badge and report, the editor, the
 * forget question, a refused pairing code, the preview), Venues (a refused field, a saved one, the
 * title style, the lagging notice put away), the Journal (an undo refused, worded from the
 * server's code, and the moved session it opens) and Accounts. In each, no word only the English catalogue has shows outside the data (text,
 * and the aria-labels, titles and placeholders assistive technology reads), and the root carries
 * the language's `lang` and `dir`. One server and one browser for the file, a fresh context per
 * language, signed in over the API as a staff member who chose that language (the browser stays
 * English); in Arabic the header opens on the right.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/languages.ts';
import type { Schedule } from '../../shared/model.ts';
import { titleStyleOf } from '../../shared/title-case.ts';
import { escape } from './control-fixture.ts';
import {
  WALK_LANGUAGES,
  expectHeaderMirrored,
  expectSpoken as expectSpokenIn,
  sectionButton,
  walkDataNames,
  walkWorld,
} from './panel-walk.ts';

const pad = (hour: number) => String(hour).padStart(2, '0');
/** A file that retimes the workshop (to an hour of its own per language) and adds one talk. */
const csv = (hour: number, added: string) =>
  'id,title,start,end,venue_id\n' +
  `workshop,Workshop,2024-10-14T${pad(hour)}:00,2024-10-14T${pad(hour)}:50,CR3\n` +
  `${added},Talk ${added},2024-10-14T18:00,2024-10-14T18:50,M7\n`;
/** A file the server refuses, with a problem on each of two rows. */
const BAD_CSV = 'id,title,start,end,venue_id\na,A,not a time,2024-10-14T10:00,CR3\nb,B,2024-10-14T11:00,,CR3\n';

const walk = walkWorld();
const { world } = walk;

/**
 * A context signed in as `user`, whose account speaks `language`: the browser is left in American
 * English, so it is the staff member's own choice that sets the panel's language.
 */
async function signedIn(user: string, language: Language): Promise<Page> {
  const cookie = await world.server.loginAs(user, 'admin');
  expect((await world.server.request('PATCH', '/api/me', { language }, cookie)).status).toBeLessThan(300);
  const separator = cookie.indexOf('=');
  const context = await world.browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 1000 } });
  await context.addCookies([
    { name: cookie.slice(0, separator), value: cookie.slice(separator + 1), url: world.server.url },
  ]);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  return page;
}

describe.each(WALK_LANGUAGES)('the panel in %s', (language, t) => {
  const user = `rest-${language}`;
  let page: Page;
  let data: string[] = [];

  const expectSpoken = (view: string, where: Page | Locator = page) =>
    expectSpokenIn(page, [language, t], data, view, where);
  const section = (name: string) => sectionButton(page, t, name);

  it('speaks it from the import to the accounts', { timeout: 180_000 }, async () => {
    // The other languages' accounts and feeds are listed too: their names are data as well.
    const names = WALK_LANGUAGES.flatMap(([code]) => [
      `rest-${code}`,
      `${world.server.url}/feed-${code}.csv`,
      `Zq ${code}`,
    ]);
    data = await walkDataNames(world, walk.adminCookie, ['Lea', ...names]);
    page = await signedIn(user, language);
    try {
      await page.goto(`${world.server.url}/control`);
      await page.locator(`control-app[lang="${language}"]`).waitFor();
      await page.getByRole('status').filter({ hasText: t.headerLive }).waitFor();
      // Mirrored from the first paint when the account speaks Arabic.
      if (language === 'ar') await expectHeaderMirrored(page, t);
      await importAndFeeds();
      await screensSection();
      await venues();
      await journal();
      await accounts();
    } finally {
      await page.context().close();
    }
  });

  /** A file previewed (the arrow the reading way), applied, a refused file's problems, and a feed. */
  async function importAndFeeds(): Promise<void> {
    await section(t.navImport).click();
    await page.getByRole('heading', { name: t.feedHeading }).waitFor();
    await page.getByLabel(t.impKeep).check();
    const hour = 8 + WALK_LANGUAGES.findIndex(([code]) => code === language);
    await page.getByLabel(t.impFile).setInputFiles({
      name: 'schedule.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv(hour, `talk-${language}`)),
    });
    // A row is named by its cells: the change's word, then the session's title (data, in a <bdi>).
    const preview = page.locator('import-panel').getByRole('table');
    const row = (change: string, title: string) =>
      preview
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: change, exact: true }) })
        .filter({ has: page.getByRole('cell', { name: title, exact: true }) });
    const retimed = row(t.impNewTime, 'Workshop');
    await retimed.waitFor();
    await row(t.impAdded, `Talk talk-${language}`).waitFor();
    await row(t.impKept, 'Opening talk').waitFor();
    await expectSpoken('import preview');
    // Old, then new, in the reading order: the arrow points from the first to the second.
    const detail = (await retimed.getByRole('cell').last().textContent()) ?? '';
    expect(detail).toContain(language === 'ar' ? '←' : '→');
    expect(detail).not.toContain(language === 'ar' ? '→' : '←');

    const { revision } = (await world.server.request<Schedule>('GET', '/api/schedule')).body;
    await page.getByRole('button', { name: t.impApply }).click();
    await page
      .locator('import-panel')
      .getByRole('status')
      .filter({ hasText: t.impApplied(revision + 1) })
      .waitFor();
    await expectSpoken('import applied');

    await page.getByLabel(t.impFile).setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(BAD_CSV),
    });
    const problems = page.locator('import-panel').getByRole('alert');
    await problems.getByRole('listitem').nth(1).waitFor();
    expect(await problems.textContent()).toContain(t.impRowAt(2).trim());
    await expectSpoken('refused file');

    await page.getByLabel(t.feedUrl).fill(`${world.server.url}/feed-${language}.csv`);
    await page.getByRole('button', { name: t.feedAdd }).click();
    await page
      .getByRole('list', { name: t.feedList })
      .getByRole('listitem')
      .filter({ hasText: `feed-${language}.csv` })
      .waitFor();
    await expectSpoken('feeds');
  }

  /** The fleet: delivery of a change (the badge and the report), the editor, pairing and the preview. */
  async function screensSection(): Promise<void> {
    await section(t.navScreens).click();
    await page.getByRole('heading', { name: t.pairHeading }).waitFor();
    const directions = `${language} ${Date.now()}`;
    const changed = await world.server.request('PATCH', '/api/venues/M7', { directions }, walk.adminCookie);
    expect(changed.status).toBe(200);
    const badge = page.locator('delivery-badge');
    await badge.getByText(t.dlvWithLagging(t.dlvDelivered(1, 2), t.dlvNotYetOn(t.dlvOffline('LB1')))).waitFor();
    const report = page.getByRole('list', { name: t.dlvListLabel });
    await report
      .getByRole('listitem')
      .first()
      .filter({ hasText: t.dlvDelivered(1, 2) })
      .waitFor();
    await page.getByRole('row', { name: /CR3/ }).filter({ hasText: t.scrConnected }).waitFor();
    expect(await page.getByRole('row', { name: /LB1/ }).textContent()).toContain(t.scrOfflineFor('').trim());
    await expectSpoken('screens and delivery');

    await page.getByRole('button', { name: t.scrActionLabel(t.scrChange.replace('…', ''), 'LB1') }).click();
    const editor = page.getByRole('form', { name: t.scrEdLabel('LB1') });
    await editor.getByText(t.scrEdDirections).click();
    await editor.getByLabel(t.scrEdWayTo('M7')).waitFor();
    await expectSpoken('screen editor');
    await editor.getByRole('button', { name: t.scrEdCancel }).click();
    await editor.waitFor({ state: 'hidden' });

    // Earlier languages' preview frames are offline screens too: the count is not ours to fix.
    const forget = new RegExp(`^${escape(t.scrForgetOffline(0).split('0')[0]!)}\\d+`);
    await page.getByRole('button', { name: forget }).click();
    await page.getByRole('button', { name: t.scrKeepThem }).waitFor();
    await expectSpoken('forget question');
    await page.getByRole('button', { name: t.scrKeepThem }).click();

    // A code no screen shows (the name filled, so the browser lets the form go to the server).
    await page.getByLabel(t.pairCode).fill('ZZZZZZ');
    await page.getByLabel(t.pairName).fill(`Zq ${language}`);
    await page.getByRole('button', { name: t.pairSubmit }).click();
    await page.locator('pair-screen-form').getByRole('alert').waitFor();
    await expectSpoken('pairing refused');
    await page.getByLabel(t.prevShape).selectOption('portrait');
    await expectSpoken('preview');
  }

  /** A venue: a refused field, a saved one, and the title style. */
  async function venues(): Promise<void> {
    await section(t.navVenues).click();
    await page.getByRole('list', { name: t.venHeading }).getByRole('button', { name: /M7/ }).click();
    const field = page.getByLabel(t.venFieldLabels.directions);
    await field.fill('x'.repeat(201));
    await page.getByRole('button', { name: t.venSave('M7') }).click();
    await page.getByText(t.venTooLong(t.venFieldNames.directions, 200)).waitFor();
    await expectSpoken('venue refused');
    await field.fill(`${language} ${Date.now()} →`);
    await page.getByLabel(t.venFieldLabels.floor).fill(language);
    await page.getByRole('button', { name: t.venSave('M7') }).click();
    const names = t.listAnd([t.venFieldNames.floor, t.venFieldNames.directions]);
    await page
      .getByRole('status')
      .filter({ hasText: t.venSaved(names) })
      .waitFor();
    // The other style each time, from whichever the language before left.
    const current = titleStyleOf((await world.server.request<Schedule>('GET', '/api/schedule')).body);
    const [style, done] =
      current === 'title-case' ? [t.venAsWritten, t.venStyleAsWritten] : [t.venTitleCase, t.venStyleTitleCase];
    await page.getByRole('radio', { name: new RegExp(escape(style)) }).check();
    await page.getByRole('status').filter({ hasText: done }).waitFor();
    // The change still lags (the lobby is offline): its notice stays until put away, as staff do here.
    const badge = page.locator('delivery-badge');
    await badge.getByText(t.dlvNotYetOn(t.dlvOffline('LB1'))).waitFor();
    await expectSpoken('venues');
    await badge.getByRole('button', { name: t.dlvDismiss }).click();
    await badge.getByRole('button').waitFor({ state: 'detached' });
  }

  /** The journal's sentences, an undo's question and a refused undo worded from the server's code. */
  async function journal(): Promise<void> {
    await section(t.navJournal).click();
    await page.getByRole('heading', { name: t.journalHeading }).waitFor();
    const move = t.sumMoved(t.sumQuote('Roving forum'), 'CR3', 'M7');
    const entry = page.getByRole('listitem').filter({ has: page.locator('.what', { hasText: move }) });
    await entry.waitFor();
    expect(await entry.locator('.what').getAttribute('lang')).toBe(language);
    await expectSpoken('journal');
    await entry.getByRole('button', { name: t.journalUndoLabel(move) }).click();
    const refusal = entry.getByRole('alert').filter({ hasText: t.undoCant(t.undoWhyChanged('Roving forum (moved)')) });
    await refusal.waitFor();
    await expectSpoken('undo refused');
    // The refusal opens the session in the way: its dialog says where it was moved from.
    await refusal.getByRole('button', { name: t.journalOpenSession('Roving forum (moved)') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('group', { name: t.ptLegend }).waitFor();
    await dialog.getByText(t.chipMovedFrom('Conference Room 3')).first().waitFor();
    await expectSpoken('session opened from the journal');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  }

  /**
   * The accounts and the form for a new one. A refused one ("the username is taken") is not walked
   * yet: the server names that refusal in English only, until it carries a code the panel words.
   */
  async function accounts(): Promise<void> {
    await section(t.navAccounts).click();
    await page.getByRole('heading', { name: t.accHeading }).waitFor();
    // Its username, and its display name (the login name, never set otherwise).
    await page.getByRole('cell', { name: user, exact: true }).first().waitFor();
    await page.getByRole('combobox', { name: t.accRoleOf(user) }).waitFor();
    // The last sign-in is told as every time is, in venue time, not as the server's UTC stamp.
    const row = page.getByRole('row').filter({ has: page.getByRole('combobox', { name: t.accRoleOf(user) }) });
    expect(await row.textContent()).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(await row.textContent()).toMatch(/\d\d:\d\d/);
    // A new account under a name already taken: the server's coded refusal, in the reader's words.
    await page.locator('#new-username').fill(user);
    await page.getByRole('button', { name: t.accAdd }).click();
    const refusal = page.locator('accounts-panel p[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(t.refusedUsernameTaken(user));
    await expectSpoken('accounts');
  }
});
