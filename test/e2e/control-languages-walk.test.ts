/**
 * The panel in each of its seven languages, reached by clicks from the login page: the login and
 * its refusals, the header and language picker, the schedule grid, search and narrow-window list,
 * a session's dialog (each form, a refused time, the status actions' confirmations, a room clash,
 * a colleague's change, closing over unsaved edits), the plenary's agenda picker, the new-session
 * dialog, announcements and the emergency takeover with its prepared messages. In each, no word
 * only the English catalogue has shows outside the data (text, and the aria-labels, titles and
 * placeholders assistive technology reads), the root carries the language's `lang` and `dir`, and
 * in Arabic the header's title opens it on the right. The Import, Screens, Venues, Journal and
 * Accounts sections are walked in all seven by control-languages-walk-rest (a file of its own, so
 * the two halves run on both workers).
 * One server and one browser for the file, a fresh context (browser set to the language) per language.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Schedule } from '../../shared/model.ts';
import { sessionButton } from './control-fixture.ts';
import {
  WALK_LANGUAGES,
  expectHeaderMirrored,
  expectSpoken as expectSpokenIn,
  fixtureSession,
  sectionButton,
  walkDataNames,
  walkWorld,
} from './panel-walk.ts';

/** The small fixture with a plenary and its agenda, and a delayed session for the grid's badges. */
const walk = walkWorld({
  venues: [{ id: 'PH', name: 'Plenary Hall', kind: 'room' }],
  sessions: [
    {
      ...fixtureSession('plenary', 'PH', '10:00', '18:00', 'Commission plenary'),
      kind: 'plenary',
      agendaItems: [
        { code: '1', title: 'Opening of the session' },
        { code: '2', title: 'Adoption of the agenda' },
      ],
    },
    fixtureSession('late', 'M7', '15:00', '15:50', 'Late forum'),
  ],
});
const { world } = walk;

beforeAll(async () => {
  await Promise.all(WALK_LANGUAGES.map(([language]) => world.server.loginAs(`walk-${language}`, 'admin')));
  const delay = await world.server.request('POST', '/api/sessions/late/delay', { minutes: 10 }, walk.adminCookie);
  expect(delay.status).toBe(200);
});

describe.each(WALK_LANGUAGES)('the panel in %s', (language, t, locale) => {
  const user = `walk-${language}`;
  let page: Page;
  let data: string[] = [];

  const expectSpoken = (view: string, where: Page | Locator = page) =>
    expectSpokenIn(page, [language, t], data, view, where);
  const section = (name: string) => sectionButton(page, t, name);

  it('speaks it from the login to the emergency takeover', { timeout: 180_000 }, async () => {
    data = await walkDataNames(world, walk.adminCookie, [user, 'Lea', `${world.server.url}/feed-${language}.csv`]);
    const context = await world.browser.newContext({ locale, viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    try {
      await page.goto(`${world.server.url}/control`);
      await logIn();
      await header();
      await scheduleViews();
      await sessionDialog();
      await newSession();
      await announcementsAndEmergency();
    } finally {
      await context.close();
    }
  });

  /** The login in the browser's language: its refusals (no password, a wrong one), then the panel. */
  async function logIn(): Promise<void> {
    const submit = page.getByRole('button', { name: t.loginSubmit });
    await submit.waitFor();
    await expectSpoken('login');
    await submit.click();
    await page.getByText(t.loginPasswordMissing).waitFor();
    await page.getByLabel(t.loginUsername).fill(user);
    await page.getByLabel(t.loginPassword).fill('not the password');
    await submit.click();
    await page.getByText(t.loginWrong).waitFor();
    await expectSpoken('login refused');
    await page.getByLabel(t.loginPassword).fill(world.server.password);
    await submit.click();
    await page.getByRole('heading', { name: t.headerTitle }).waitFor();
  }

  /** The header and the language picker; in Arabic the title opens the header at the right. */
  async function header(): Promise<void> {
    const picker = page.locator('panel-header #panel-language');
    await picker.selectOption(language);
    await page.getByRole('status').filter({ hasText: t.headerLive }).waitFor();
    await expectSpoken('header');
    if (language === 'ar') await expectHeaderMirrored(page, t);
  }

  /** The grid with its badges and the plenary agenda, a search, and the list of a narrow window. */
  async function scheduleViews(): Promise<void> {
    await page
      .locator('schedule-grid .badge')
      .filter({ hasText: t.chipMovedFrom('Conference Room 3') })
      .first()
      .waitFor();
    await page.getByRole('heading', { name: t.plenHeading }).waitFor();
    await expectSpoken('schedule grid');
    await page.getByLabel(t.daySearchLabel).fill('Work');
    await page.getByText(t.dayMatches(1)).waitFor();
    await expectSpoken('search');
    await page.getByLabel(t.daySearchLabel).fill('');
    await page.setViewportSize({ width: 700, height: 1000 });
    await page.getByRole('list', { name: t.listLabel }).waitFor();
    await expectSpoken('schedule list');
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.locator('schedule-grid').waitFor();
  }

  /**
   * A session's dialog: each form, a refused time, the status actions' two confirmations, a clash
   * and a colleague's change (the conflict notice), then closing over unsaved edits.
   */
  async function sessionDialog(): Promise<void> {
    await sessionButton(page, 'Opening talk').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('group', { name: t.ptLegend }).waitFor();
    await expectSpoken('session dialog');

    await dialog.getByRole('button', { name: t.stCancelSession }).click();
    await dialog.getByRole('button', { name: t.stYesCancel }).waitFor();
    await expectSpoken('cancel question');
    await dialog.getByRole('button', { name: t.stKeepIt }).click();
    await dialog.getByRole('button', { name: t.stDeleteSession }).click();
    await dialog.getByRole('button', { name: t.stYesDelete }).waitFor();
    await expectSpoken('delete question');
    await dialog.getByRole('button', { name: t.stKeepIt }).click();

    // A refused time is named next to its field.
    await dialog.getByLabel(t.slotStart).fill('25:99');
    await dialog.getByRole('button', { name: t.ptSave }).click();
    await dialog.getByText(t.slotStartInvalid).waitFor();
    await expectSpoken('a refused time');
    await dialog.getByLabel(t.slotStart).fill('13:00');

    // The room is taken: the notice says by what and offers to move anyway.
    await dialog.getByLabel(t.ptVenue, { exact: true }).selectOption('M7');
    await dialog.getByRole('button', { name: t.ptSave }).click();
    const clash = dialog.getByRole('alert').filter({ has: page.getByRole('button', { name: t.ptMoveAnyway }) });
    await clash.waitFor();
    expect(await clash.textContent()).toContain('13:00–13:50');
    await expectSpoken('room taken', clash);
    await dialog.getByRole('button', { name: t.wrKeepAsItWas }).click();

    // Someone else changes the session first: the conflict notice explains it.
    await dialog.getByLabel(t.detTitle, { exact: true }).fill('Xyq Zorb');
    const { body } = await world.server.request<Schedule>('GET', '/api/schedule');
    const before = body.sessions.find((s) => s.id === 'opening')!;
    const edited = await world.server.request(
      'PATCH',
      '/api/sessions/opening',
      { organizers: { lead: `UNODC ${language}`, partners: [] }, expectedVersion: before.version },
      walk.adminCookie,
    );
    expect(edited.status).toBe(200);
    await dialog.getByRole('button', { name: t.detSave }).click();
    const notice = dialog.locator('conflict-notice');
    await notice.getByText(t.cflHeading).waitFor();
    await notice.getByRole('button', { name: t.cflRetry }).waitFor();
    await expectSpoken('conflict notice');
    await notice.getByRole('button', { name: t.cflDiscard }).click();

    // Closing over typed edits asks first.
    await dialog.getByLabel(t.detTitle, { exact: true }).fill('Xyq Zorb');
    await dialog.getByRole('button', { name: t.dlgClose }).click();
    await dialog.getByRole('alertdialog').getByRole('button', { name: t.dlgDiscard }).waitFor();
    await expectSpoken('unsaved edits');
    await dialog.getByRole('alertdialog').getByRole('button', { name: t.dlgDiscard }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The plenary's dialog has the agenda picker.
    await sessionButton(page, 'Commission plenary').click();
    await dialog.getByRole('list', { name: t.agAgendaOf('Commission plenary') }).waitFor();
    await expectSpoken('agenda picker');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  }

  /** The new-session dialog and its refusal of an empty title. */
  async function newSession(): Promise<void> {
    await page.getByRole('button', { name: t.dayAddSession }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: t.newHeading }).waitFor();
    await dialog.getByRole('button', { name: t.dayAddSession }).click();
    await dialog.getByText(t.newTitleMissing).waitFor();
    await expectSpoken('new session');
    await dialog.getByRole('button', { name: t.dlgClose }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Announcements (a refusal, a published one), the emergency question and the prepared messages. */
  async function announcementsAndEmergency(): Promise<void> {
    await section(t.navAnnouncements).click();
    await page.getByRole('heading', { name: t.emergencyHeading }).waitFor();
    await page.getByRole('button', { name: t.annPublish }).click();
    await page.getByText(t.annTextMissing).waitFor();
    await expectSpoken('announcement refused');
    const text = `Zq ${language}`;
    data.push(text);
    await page.getByLabel(t.annText).fill(text);
    await page.getByRole('button', { name: t.annPublish }).click();
    await page.getByRole('status').filter({ hasText: t.annPublished }).waitFor();
    await page.getByRole('button', { name: t.annWithdrawLabel(text) }).waitFor();
    await expectSpoken('announcements');

    await page.getByLabel(t.emergencyMessage).fill(`Zq ${language}`);
    await page.getByRole('button', { name: t.emergencyTakeOver }).click();
    await page.getByRole('button', { name: t.emergencyYes }).waitFor();
    await expectSpoken('emergency question');
    await page.getByRole('button', { name: t.emergencyNotNow }).click();
    await page.getByText(t.tplEditHeading).click();
    await page.getByLabel(t.tplLanguage).first().waitFor();
    await expectSpoken('prepared messages');
  }
});
