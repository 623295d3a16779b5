/**
 * The second half of the panel's seven-language walk (the first, login to emergency, is
 * control-languages-walk). Each language's own entry: a fresh context signed in over the API as a
 * staff member who chose that language (the browser stays English) opens the panel in it, and in
 * Arabic the header opens on the right from the first paint. Then one staff member reaches each
 * view once and switches the panel's language in place from the header, checking it in all seven:
 * Import (a file's preview with the arrow the reading way, applied, a refused file's problem list),
 * feeds, Screens (the delivery badge and report, the editor, the forget question, a refused pairing
 * code, the preview), Venues (a refused field, a saved one, the title style, the lagging notice put
 * away), the Journal (an undo refused, worded from the server's code, and the moved session it
 * opens, a modal dialog: closed before each switch and opened again) and Accounts. A refusal the
 * panel keeps as worded when it came (pairing, venue fields, the journal's undo, accounts) is asked
 * again after each switch. In each, no word only the English catalogue has shows outside the data
 * (text, and the aria-labels, titles and placeholders assistive technology reads), and the root
 * carries the language's `lang` and `dir`. One server and one browser for the file.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../control/i18n/en.ts';
import type { PanelMessages } from '../../control/i18n/messages.ts';
import type { Language } from '../../shared/languages.ts';
import type { Schedule } from '../../shared/model.ts';
import { titleStyleOf } from '../../shared/title-case.ts';
import { escape } from './control-fixture.ts';
import {
  SPOKEN_AFTER_A_ROUND,
  WALK_LANGUAGES,
  expectHeaderMirrored,
  expectSpoken as expectSpokenIn,
  inEachLanguage,
  sectionButton,
  signedIn,
  walkDataNames,
  walkWorld,
} from './panel-walk.ts';

const pad = (hour: number) => String(hour).padStart(2, '0');
/** A file that retimes the workshop and adds one talk. */
const csv = (hour: number, added: string) =>
  'id,title,start,end,venue_id\n' +
  `workshop,Workshop,2024-10-14T${pad(hour)}:00,2024-10-14T${pad(hour)}:50,CR3\n` +
  `${added},Talk ${added},2024-10-14T18:00,2024-10-14T18:50,M7\n`;
/** A file the server refuses, with a problem on each of two rows. */
const BAD_CSV = 'id,title,start,end,venue_id\na,A,not a time,2024-10-14T10:00,CR3\nb,B,2024-10-14T11:00,,CR3\n';

const walk = walkWorld();
const { world } = walk;

describe.each(WALK_LANGUAGES)('the panel opened by an account that speaks %s', (language, t) => {
  it('opens in it, the browser left in English', async () => {
    const page = await signedIn(world, `rest-${language}`, language);
    try {
      await page.goto(`${world.server.url}/control`);
      await page.locator(`control-app[lang="${language}"]`).waitFor();
      await page.getByRole('status').filter({ hasText: t.headerLive }).waitFor();
      // Mirrored from the first paint when the account speaks Arabic.
      if (language === 'ar') await expectHeaderMirrored(page, t);
    } finally {
      await page.context().close();
    }
  });
});

describe('the panel switched between its languages in place', () => {
  const user = 'rest-walk';
  let page: Page;
  let data: string[] = [];

  const expectSpoken = (language: Language, t: PanelMessages, view: string, where: Page | Locator = page) =>
    expectSpokenIn(page, [language, t], data, view, where);

  it('speaks each from the import to the accounts', { timeout: 180_000 }, async () => {
    // The entries' accounts are listed too: their names are data as well.
    const names = WALK_LANGUAGES.map(([code]) => `rest-${code}`);
    data = await walkDataNames(world, walk.adminCookie, ['Lea', user, ...names, feedUrl(), 'Zq walk']);
    page = await signedIn(world, user, 'en');
    try {
      await page.goto(`${world.server.url}/control`);
      await page.getByRole('status').filter({ hasText: en.headerLive }).waitFor();
      await importAndFeeds();
      await screensSection();
      await venues();
      await journal();
      await accounts();
    } finally {
      await page.context().close();
    }
  });

  /** One feed: the view is reached once, then switched through the languages. */
  const feedUrl = () => `${world.server.url}/feed.csv`;
  /** A section's button, named in the language the panel speaks after a round of switches. */
  const section = (name: (t: PanelMessages) => string) =>
    sectionButton(page, SPOKEN_AFTER_A_ROUND, name(SPOKEN_AFTER_A_ROUND));

  /** A file previewed (the arrow the reading way), applied, a refused file's problems, and a feed. */
  async function importAndFeeds(): Promise<void> {
    await sectionButton(page, en, en.navImport).click();
    await page.getByRole('heading', { name: en.feedHeading }).waitFor();
    await page.getByLabel(en.impKeep).check();
    await page.getByLabel(en.impFile).setInputFiles({
      name: 'schedule.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv(8, 'talk-walk')),
    });
    // A row is named by its cells: the change's word, then the session's title (data, in a <bdi>).
    const preview = page.locator('import-panel').getByRole('table');
    const row = (change: string, title: string) =>
      preview
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: change, exact: true }) })
        .filter({ has: page.getByRole('cell', { name: title, exact: true }) });
    await inEachLanguage(page, async (language, t) => {
      const retimed = row(t.impNewTime, 'Workshop');
      await retimed.waitFor();
      await row(t.impAdded, 'Talk talk-walk').waitFor();
      await row(t.impKept, 'Opening talk').waitFor();
      await expectSpoken(language, t, 'import preview');
      // Old, then new, in the reading order: the arrow points from the first to the second.
      const detail = (await retimed.getByRole('cell').last().textContent()) ?? '';
      expect(detail).toContain(language === 'ar' ? '←' : '→');
      expect(detail).not.toContain(language === 'ar' ? '→' : '←');
    });

    const { revision } = (await world.server.request<Schedule>('GET', '/api/schedule')).body;
    await page.getByRole('button', { name: SPOKEN_AFTER_A_ROUND.impApply }).click();
    await inEachLanguage(page, async (language, t) => {
      await page
        .locator('import-panel')
        .getByRole('status')
        .filter({ hasText: t.impApplied(revision + 1) })
        .waitFor();
      await expectSpoken(language, t, 'import applied');
    });

    await page.getByLabel(SPOKEN_AFTER_A_ROUND.impFile).setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(BAD_CSV),
    });
    const problems = page.locator('import-panel').getByRole('alert');
    await inEachLanguage(page, async (language, t) => {
      await problems.getByRole('listitem').nth(1).waitFor();
      await problems.filter({ hasText: t.impRowAt(2).trim() }).waitFor();
      await expectSpoken(language, t, 'refused file');
    });

    await page.getByLabel(SPOKEN_AFTER_A_ROUND.feedUrl).fill(feedUrl());
    await page.getByRole('button', { name: SPOKEN_AFTER_A_ROUND.feedAdd }).click();
    await inEachLanguage(page, async (language, t) => {
      await page
        .getByRole('list', { name: t.feedList })
        .getByRole('listitem')
        .filter({ hasText: 'feed.csv' })
        .waitFor();
      await expectSpoken(language, t, 'feeds');
    });
  }

  /** The fleet: delivery of a change (the badge and the report), the editor, pairing and the preview. */
  async function screensSection(): Promise<void> {
    await section((t) => t.navScreens).click();
    await page.getByRole('heading', { name: SPOKEN_AFTER_A_ROUND.pairHeading }).waitFor();
    const changed = await world.server.request(
      'PATCH',
      '/api/venues/M7',
      { directions: `walk ${Date.now()}` },
      walk.adminCookie,
    );
    expect(changed.status).toBe(200);
    const badge = page.locator('delivery-badge');
    const report = (t: PanelMessages) => page.getByRole('list', { name: t.dlvListLabel });
    await inEachLanguage(page, async (language, t) => {
      await badge.getByText(t.dlvWithLagging(t.dlvDelivered(1, 2), t.dlvNotYetOn(t.dlvOffline('LB1')))).waitFor();
      await report(t)
        .getByRole('listitem')
        .first()
        .filter({ hasText: t.dlvDelivered(1, 2) })
        .waitFor();
      await page.getByRole('row', { name: /CR3/ }).filter({ hasText: t.scrConnected }).waitFor();
      expect(await page.getByRole('row', { name: /LB1/ }).textContent()).toContain(t.scrOfflineFor('').trim());
      await expectSpoken(language, t, 'screens and delivery');
    });

    await page
      .getByRole('button', {
        name: SPOKEN_AFTER_A_ROUND.scrActionLabel(SPOKEN_AFTER_A_ROUND.scrChange.replace('…', ''), 'LB1'),
      })
      .click();
    await page
      .getByRole('form', { name: SPOKEN_AFTER_A_ROUND.scrEdLabel('LB1') })
      .getByText(SPOKEN_AFTER_A_ROUND.scrEdDirections)
      .click();
    await inEachLanguage(page, async (language, t) => {
      await page
        .getByRole('form', { name: t.scrEdLabel('LB1') })
        .getByLabel(t.scrEdWayTo('M7'))
        .waitFor();
      await expectSpoken(language, t, 'screen editor');
    });
    const editor = page.getByRole('form', { name: SPOKEN_AFTER_A_ROUND.scrEdLabel('LB1') });
    await editor.getByRole('button', { name: SPOKEN_AFTER_A_ROUND.scrEdCancel }).click();
    await editor.waitFor({ state: 'hidden' });

    // The entries' and this walk's preview frames are offline screens too: the count is not ours to fix.
    const forget = (t: PanelMessages) => new RegExp(`^${escape(t.scrForgetOffline(0).split('0')[0]!)}\\d+`);
    await page.getByRole('button', { name: forget(SPOKEN_AFTER_A_ROUND) }).click();
    await inEachLanguage(page, async (language, t) => {
      await page.getByRole('button', { name: t.scrKeepThem }).waitFor();
      await expectSpoken(language, t, 'forget question');
    });
    await page.getByRole('button', { name: SPOKEN_AFTER_A_ROUND.scrKeepThem }).click();

    // A code no screen shows (the name filled, so the browser lets the form go to the server). The
    // refusal is kept as it was worded when it came: it is asked again in each language.
    await page.getByLabel(SPOKEN_AFTER_A_ROUND.pairCode).fill('ZZZZZZ');
    await page.getByLabel(SPOKEN_AFTER_A_ROUND.pairName).fill('Zq walk');
    const refused = (t: PanelMessages) =>
      page
        .locator('pair-screen-form')
        .getByRole('alert')
        .filter({ hasText: t.refusedPairingCode('ZZZZZZ') });
    await inEachLanguage(page, async (language, t) => {
      await page.getByRole('button', { name: t.pairSubmit }).click();
      await refused(t).waitFor();
      await expectSpoken(language, t, 'pairing refused');
      await page.getByLabel(t.prevShape).selectOption('portrait');
      await expectSpoken(language, t, 'preview');
      await page.getByLabel(t.prevShape).selectOption('landscape');
    });
  }

  /**
   * A venue: a refused field, a saved one, and the title style. The panel keeps their outcomes as
   * worded when they came, so each is asked again after each switch.
   */
  async function venues(): Promise<void> {
    await section((t) => t.navVenues).click();
    await page.getByRole('list', { name: SPOKEN_AFTER_A_ROUND.venHeading }).getByRole('button', { name: /M7/ }).click();
    await inEachLanguage(page, async (language, t) => {
      const field = page.getByLabel(t.venFieldLabels.directions);
      await field.fill('x'.repeat(201));
      await page.getByRole('button', { name: t.venSave('M7') }).click();
      await page.getByText(t.venTooLong(t.venFieldNames.directions, 200)).waitFor();
      await expectSpoken(language, t, 'venue refused');
    });
    const badge = page.locator('delivery-badge');
    await inEachLanguage(page, async (language, t) => {
      await page.getByLabel(t.venFieldLabels.directions).fill(`${language} ${Date.now()} →`);
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
      // The change still lags (the lobby is offline): its notice stays until put away.
      await badge.getByText(t.dlvNotYetOn(t.dlvOffline('LB1'))).waitFor();
      await expectSpoken(language, t, 'venues');
    });
    await badge.getByRole('button', { name: SPOKEN_AFTER_A_ROUND.dlvDismiss }).click();
    await badge.getByRole('button').waitFor({ state: 'detached' });
  }

  /** The journal's sentences, a refused undo worded from the server's code, and the session it opens. */
  async function journal(): Promise<void> {
    await section((t) => t.navJournal).click();
    await page.getByRole('heading', { name: SPOKEN_AFTER_A_ROUND.journalHeading }).waitFor();
    const move = (t: PanelMessages) => t.sumMoved(t.sumQuote('Roving forum'), 'CR3', 'M7');
    const entry = (t: PanelMessages) =>
      page.getByRole('listitem').filter({ has: page.locator('.what', { hasText: move(t) }) });
    await inEachLanguage(page, async (language, t) => {
      await entry(t).waitFor();
      expect(await entry(t).locator('.what').getAttribute('lang')).toBe(language);
      await expectSpoken(language, t, 'journal');
    });
    // The refusal is kept as worded when it came, and its session opens in a modal dialog (the
    // header's picker inert behind it): in each language the undo is asked again and the dialog
    // opened, then closed before the next switch.
    const dialog = page.getByRole('dialog');
    await inEachLanguage(page, async (language, t) => {
      await entry(t)
        .getByRole('button', { name: t.journalUndoLabel(move(t)) })
        .click();
      const refusal = entry(t)
        .getByRole('alert')
        .filter({ hasText: t.undoCant(t.undoWhyChanged('Roving forum (moved)')) });
      await refusal.waitFor();
      await expectSpoken(language, t, 'undo refused');
      await refusal.getByRole('button', { name: t.journalOpenSession('Roving forum (moved)') }).click();
      await dialog.getByRole('group', { name: t.ptLegend }).waitFor();
      await dialog.getByText(t.chipMovedFrom('Conference Room 3')).first().waitFor();
      await expectSpoken(language, t, 'session opened from the journal');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    });
  }

  /**
   * The accounts and the form for a new one, refused under a name already taken: the server's coded
   * refusal in the reader's words, kept as worded when it came, so asked again in each language.
   */
  async function accounts(): Promise<void> {
    await section((t) => t.navAccounts).click();
    await page.getByRole('heading', { name: SPOKEN_AFTER_A_ROUND.accHeading }).waitFor();
    // Its username, and its display name (the login name, never set otherwise).
    await page.getByRole('cell', { name: user, exact: true }).first().waitFor();
    await page.locator('#new-username').fill(user);
    const refusal = page.locator('accounts-panel p[role="alert"]');
    await inEachLanguage(page, async (language, t) => {
      await page.getByRole('combobox', { name: t.accRoleOf(user) }).waitFor();
      // The last sign-in is told as every time is, in venue time, not as the server's UTC stamp.
      const row = page.getByRole('row').filter({ has: page.getByRole('combobox', { name: t.accRoleOf(user) }) });
      const told = await row.textContent();
      expect(told).not.toMatch(/\d{4}-\d\d-\d\dT/);
      expect(told).toMatch(/\d\d:\d\d/);
      await page.getByRole('button', { name: t.accAdd }).click();
      await refusal.filter({ hasText: t.refusedUsernameTaken(user) }).waitFor();
      await expectSpoken(language, t, 'accounts');
    });
  }
});
