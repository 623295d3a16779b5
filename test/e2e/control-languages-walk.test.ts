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
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ar } from '../../control/i18n/ar.ts';
import { de } from '../../control/i18n/de.ts';
import { en } from '../../control/i18n/en.ts';
import { es } from '../../control/i18n/es.ts';
import { fr } from '../../control/i18n/fr.ts';
import { ru } from '../../control/i18n/ru.ts';
import { zh } from '../../control/i18n/zh.ts';
import type { PanelMessages } from '../../control/i18n/messages.ts';
import type { Language } from '../../shared/languages.ts';
import type { Programme, Schedule, Session } from '../../shared/model.ts';
import type { DisplayStatus } from '../../shared/protocol.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestServer } from '../support/server.ts';
import { FIXTURE, FIXTURE_CLOCK } from '../integration/fixture.ts';
import { englishWordsShown } from './chrome-text.ts';
import { openBareScreen } from './fleet-helpers.ts';
import { sessionButton, type PanelWorld } from './control-fixture.ts';

const LANGUAGES = [
  ['en', en, 'en-GB'],
  ['fr', fr, 'fr-FR'],
  ['es', es, 'es-ES'],
  ['de', de, 'de-AT'],
  ['ru', ru, 'ru-RU'],
  ['ar', ar, 'ar'],
  ['zh', zh, 'zh-CN'],
] as const satisfies ReadonlyArray<readonly [Language, PanelMessages, string]>;

const at = (time: string) => `2024-10-14T${time}:00+02:00`;
function extra(id: string, venueId: string, start: string, end: string, title: string): Session {
  const planned = { start: at(start), end: at(end), venueId };
  return { ...FIXTURE.sessions[0]!, id, title, ...planned, planned };
}

/** The small fixture, with a plenary and its agenda, and two sessions the journal can tell about. */
const PROGRAMME: Programme = {
  ...FIXTURE,
  venues: [...FIXTURE.venues, { id: 'PH', name: 'Plenary Hall', kind: 'room' }],
  sessions: [
    ...FIXTURE.sessions,
    {
      ...extra('plenary', 'PH', '10:00', '18:00', 'Commission plenary'),
      kind: 'plenary',
      agendaItems: [
        { code: '1', title: 'Opening of the session' },
        { code: '2', title: 'Adoption of the agenda' },
      ],
    },
    extra('roving', 'CR3', '16:00', '16:50', 'Roving forum'),
    extra('late', 'M7', '15:00', '15:50', 'Late forum'),
  ],
};

const world = {} as PanelWorld;
/** The screens' own contexts, kept for the whole file. */
const screens = new Set<BrowserContext>();
let adminCookie = '';

beforeAll(async () => {
  [world.browser, world.server] = await Promise.all([
    launchChromium(),
    startTestServer({ programme: PROGRAMME, clock: FIXTURE_CLOCK, speed: 0 }),
  ]);
  adminCookie = await world.server.loginAs('Lea', 'admin');
  await Promise.all(LANGUAGES.map(([language]) => world.server.loginAs(`walk-${language}`, 'admin')));
  await pairScreens();
  // The journal then holds a move (whose undo is refused: the session changed again since) and a delay.
  const patch = (body: object) => world.server.request('PATCH', '/api/sessions/roving', body, adminCookie);
  expect((await patch({ venueId: 'M7', force: true })).status).toBe(200);
  expect((await patch({ title: 'Roving forum (moved)' })).status).toBe(200);
  const delay = await world.server.request('POST', '/api/sessions/late/delay', { minutes: 10 }, adminCookie);
  expect(delay.status).toBe(200);
}, 120_000);
afterAll(async () => {
  await world.browser?.close();
  await world.server?.close();
});

/** Two paired screens: the door of CR3 stays live, the lobby has gone offline (so a change lags). */
async function pairScreens(): Promise<void> {
  const pair = async (body: object) => {
    const { screen, code } = await openBareScreen(world.browser, world.server.url);
    const paired = await world.server.request('POST', '/api/displays/pair', { code, ...body }, adminCookie);
    expect(paired.status).toBe(201);
    screens.add(screen.context());
    return screen;
  };
  const gone = await pair({ view: 'lobby', name: 'LB1' });
  const door = await pair({ view: 'room', venueId: 'CR3', name: 'CR3' });
  await door.locator('door-display header').waitFor({ timeout: 30_000 });
  await gone.context().close();
  await vi.waitFor(
    async () => {
      const displays = (await world.server.request<DisplayStatus[]>('GET', '/api/displays', undefined, adminCookie))
        .body;
      if (displays.find((d) => d.name === 'LB1')?.connected !== false) throw new Error('LB1 is still connected');
    },
    { timeout: 30_000, interval: 100 },
  );
}

/**
 * Every piece of data the panel may name in an attribute (titles, rooms, screens, people, feeds,
 * announcements): taken out of aria-labels and titles before their words are checked.
 */
async function dataNames(extraNames: string[]): Promise<string[]> {
  const { body } = await world.server.request<Schedule>('GET', '/api/schedule');
  const displays = (await world.server.request<DisplayStatus[]>('GET', '/api/displays', undefined, adminCookie)).body;
  return [
    ...body.sessions.flatMap((s) => [s.title, ...(s.agendaItems ?? []).map((item) => item.title)]),
    ...body.venues.flatMap((v) => [v.id, v.name]),
    ...body.announcements.map((a) => a.text),
    ...displays.map((d) => d.name),
    ...extraNames,
  ];
}

describe.each(LANGUAGES)('the panel in %s', (language, t, locale) => {
  const user = `walk-${language}`;
  let page: Page;
  let data: string[] = [];

  /** No English-only word in the chrome of `where` (the page by default), and the root's lang and dir. */
  async function expectSpoken(view: string, where: Page | Locator = page): Promise<void> {
    expect(await englishWordsShown(where, en, t, data), view).toEqual([]);
    const root = page.locator('control-app');
    expect(await root.getAttribute('lang'), view).toBe(language);
    expect(await root.getAttribute('dir'), view).toBe(language === 'ar' ? 'rtl' : 'ltr');
  }

  function section(name: string): Locator {
    return page.getByRole('navigation', { name: t.navLabel }).getByRole('button', { name });
  }

  it('speaks it from the login to the emergency takeover', { timeout: 180_000 }, async () => {
    data = await dataNames([user, 'Lea', `${world.server.url}/feed-${language}.csv`]);
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
    if (language === 'ar') {
      const title = await page.getByRole('heading', { name: t.headerTitle }).boundingBox();
      const logout = await page.getByRole('button', { name: t.headerLogOut }).boundingBox();
      expect(title!.x).toBeGreaterThan(logout!.x);
    }
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
      adminCookie,
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
