/**
 * The panel in each of its seven languages. Each language's own walk, in a fresh context whose
 * browser asks for it: the login and its refusals, the header and language picker (in Arabic the
 * header's title opens it on the right), and the views inside the panel's modal dialogs (whose
 * header picker is inert): a session's dialog (each form, a refused time, the status actions'
 * confirmations, a room clash, a colleague's change, closing over unsaved edits), the plenary's
 * agenda picker and the new-session dialog. Then one staff member reaches each view outside a
 * dialog once and switches the panel's language in place from the header, checking it in all
 * seven: the schedule grid, search and narrow-window list, announcements (a refusal and a
 * published one, asked again in each language: the panel keeps them as worded when they came) and
 * the emergency takeover with its prepared messages. In each, no word only the English catalogue
 * has shows outside the data (text, and the aria-labels, titles and placeholders assistive
 * technology reads) and the root carries the language's `lang` and `dir`. The Import, Screens,
 * Venues, Journal and Accounts sections are walked in all seven by control-languages-walk-rest (a
 * file of its own, so the two halves run on both workers). One server and one browser for the file.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Schedule } from '../../shared/model.ts';
import { sessionButton } from './control-fixture.ts';
import { en } from '../../control/i18n/en.ts';
import type { PanelMessages } from '../../control/i18n/messages.ts';
import type { Language } from '../../shared/languages.ts';
import {
  SPOKEN_AFTER_A_ROUND,
  WALK_LANGUAGES,
  expectHeaderMirrored,
  expectSpoken as expectSpokenIn,
  fixtureSession,
  inEachLanguage,
  sectionButton,
  signedIn,
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

  it('speaks it from the login through the dialogs', { timeout: 180_000 }, async () => {
    data = await walkDataNames(world, walk.adminCookie, [user, 'Lea']);
    const context = await world.browser.newContext({ locale, viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    try {
      await page.goto(`${world.server.url}/control`);
      await logIn();
      await header();
      await sessionDialog();
      await newSession();
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
});

describe('the panel switched between its languages in place', () => {
  const user = 'walk-switch';
  let page: Page;
  let data: string[] = [];

  const expectSpoken = (language: Language, t: PanelMessages, view: string, where: Page | Locator = page) =>
    expectSpokenIn(page, [language, t], data, view, where);

  it('speaks each in the schedule, announcements and the emergency takeover', { timeout: 180_000 }, async () => {
    const announcements = WALK_LANGUAGES.map(([code]) => `Zq ${code}`);
    data = await walkDataNames(world, walk.adminCookie, [user, 'Lea', ...announcements, 'Zq walk']);
    page = await signedIn(world, user, 'en');
    try {
      await page.goto(`${world.server.url}/control`);
      await page.getByRole('heading', { name: en.headerTitle }).waitFor();
      await scheduleViews();
      await announcementsAndEmergency();
    } finally {
      await page.context().close();
    }
  });

  /** The grid with its badges and the plenary agenda, a search, and the list of a narrow window. */
  async function scheduleViews(): Promise<void> {
    await inEachLanguage(page, async (language, t) => {
      await page
        .locator('schedule-grid .badge')
        .filter({ hasText: t.chipMovedFrom('Conference Room 3') })
        .first()
        .waitFor();
      await page.getByRole('heading', { name: t.plenHeading }).waitFor();
      await expectSpoken(language, t, 'schedule grid');
    });
    await page.getByLabel(SPOKEN_AFTER_A_ROUND.daySearchLabel).fill('Work');
    await inEachLanguage(page, async (language, t) => {
      await page.getByText(t.dayMatches(1)).waitFor();
      await expectSpoken(language, t, 'search');
    });
    await page.getByLabel(SPOKEN_AFTER_A_ROUND.daySearchLabel).fill('');
    await page.setViewportSize({ width: 700, height: 1000 });
    await inEachLanguage(page, async (language, t) => {
      await page.getByRole('list', { name: t.listLabel }).waitFor();
      await expectSpoken(language, t, 'schedule list');
    });
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.locator('schedule-grid').waitFor();
  }

  /**
   * Announcements (a refusal, a published one: the panel keeps both as worded when they came, so
   * each language asks and publishes again), the emergency question and the prepared messages.
   */
  async function announcementsAndEmergency(): Promise<void> {
    await sectionButton(page, SPOKEN_AFTER_A_ROUND, SPOKEN_AFTER_A_ROUND.navAnnouncements).click();
    await page.getByRole('heading', { name: SPOKEN_AFTER_A_ROUND.emergencyHeading }).waitFor();
    await inEachLanguage(page, async (language, t) => {
      await page.getByRole('button', { name: t.annPublish }).click();
      await page.getByText(t.annTextMissing).waitFor();
      await expectSpoken(language, t, 'announcement refused');
      const text = `Zq ${language}`;
      await page.getByLabel(t.annText).fill(text);
      await page.getByRole('button', { name: t.annPublish }).click();
      await page.getByRole('status').filter({ hasText: t.annPublished }).waitFor();
      await page.getByRole('button', { name: t.annWithdrawLabel(text) }).waitFor();
      await expectSpoken(language, t, 'announcements');
    });

    await page.getByLabel(SPOKEN_AFTER_A_ROUND.emergencyMessage).fill('Zq walk');
    await page.getByRole('button', { name: SPOKEN_AFTER_A_ROUND.emergencyTakeOver }).click();
    await inEachLanguage(page, async (language, t) => {
      await page.getByRole('button', { name: t.emergencyYes }).waitFor();
      await expectSpoken(language, t, 'emergency question');
    });
    await page.getByRole('button', { name: SPOKEN_AFTER_A_ROUND.emergencyNotNow }).click();
    await page.getByText(SPOKEN_AFTER_A_ROUND.tplEditHeading).click();
    await inEachLanguage(page, async (language, t) => {
      await page.getByLabel(t.tplLanguage).first().waitFor();
      await expectSpoken(language, t, 'prepared messages');
    });
  }
});
