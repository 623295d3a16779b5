/**
 * What the two halves of the panel's seven-language walk share (control-languages-walk and
 * control-languages-walk-rest): the languages, the paired screens, the data the panel may name,
 * and the check that a view speaks the language.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { ar } from '../../control/i18n/ar.ts';
import { de } from '../../control/i18n/de.ts';
import { en } from '../../control/i18n/en.ts';
import { es } from '../../control/i18n/es.ts';
import { fr } from '../../control/i18n/fr.ts';
import { ru } from '../../control/i18n/ru.ts';
import { zh } from '../../control/i18n/zh.ts';
import type { PanelMessages } from '../../control/i18n/messages.ts';
import type { Language } from '../../shared/languages.ts';
import type { Schedule, Session, Venue } from '../../shared/model.ts';
import type { DisplayStatus } from '../../shared/protocol.ts';
import { closeFileContexts, sharedChromium } from '../support/shared-browser.ts';
import { startTestServer } from '../support/server.ts';
import { FIXTURE, FIXTURE_CLOCK } from '../integration/fixture.ts';
import { englishWordsAndRoot } from './chrome-text.ts';
import { openBareScreen } from './fleet-helpers.ts';
import type { PanelWorld } from './control-fixture.ts';

/** Each language, its catalogue, and a browser locale that asks for it. */
export const WALK_LANGUAGES = [
  ['en', en, 'en-GB'],
  ['fr', fr, 'fr-FR'],
  ['es', es, 'es-ES'],
  ['de', de, 'de-AT'],
  ['ru', ru, 'ru-RU'],
  ['ar', ar, 'ar'],
  ['zh', zh, 'zh-CN'],
] as const satisfies ReadonlyArray<readonly [Language, PanelMessages, string]>;

/** A session of the small fixture's day (14 October 2024, Vienna), as first planned. */
export function fixtureSession(id: string, venueId: string, start: string, end: string, title: string): Session {
  const at = (time: string) => `2024-10-14T${time}:00+02:00`;
  const planned = { start: at(start), end: at(end), venueId };
  return { ...FIXTURE.sessions[0]!, id, title, ...planned, planned };
}

/** A walk's server and browser, and the cookie of Lea, the admin who set the scene. */
export interface Walk {
  world: PanelWorld;
  adminCookie: string;
}

/**
 * One browser and one server for a walk file (the languages do not interfere): the small fixture
 * with `extra` venues and sessions, the two screens paired, and a move of "Roving forum" whose undo
 * is refused (the session changed again since) in the journal. Registers the file's hooks.
 */
export function walkWorld(extra: { venues?: Venue[]; sessions?: Session[] } = {}): Walk {
  const walk: Walk = { world: {} as PanelWorld, adminCookie: '' };
  beforeAll(async () => {
    const programme = {
      ...FIXTURE,
      venues: [...FIXTURE.venues, ...(extra.venues ?? [])],
      sessions: [
        ...FIXTURE.sessions,
        fixtureSession('roving', 'CR3', '16:00', '16:50', 'Roving forum'),
        ...(extra.sessions ?? []),
      ],
    };
    const { world } = walk;
    [world.browser, world.server] = await Promise.all([
      sharedChromium(),
      startTestServer({ programme, clock: FIXTURE_CLOCK, speed: 0 }),
    ]);
    walk.adminCookie = await world.server.loginAs('Lea', 'admin');
    await pairWalkScreens(world, walk.adminCookie);
    const patch = (body: object) => world.server.request('PATCH', '/api/sessions/roving', body, walk.adminCookie);
    expect((await patch({ venueId: 'M7', force: true })).status).toBe(200);
    expect((await patch({ title: 'Roving forum (moved)' })).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await closeFileContexts(walk.world.browser);
    await walk.world.server?.close();
  });
  return walk;
}

/** Two paired screens: the door of CR3 stays live, the lobby LB1 has gone offline (so a change lags). */
async function pairWalkScreens(world: PanelWorld, adminCookie: string): Promise<void> {
  const pair = async (body: object) => {
    const { screen, code } = await openBareScreen(world.browser, world.server.url);
    const paired = await world.server.request('POST', '/api/displays/pair', { code, ...body }, adminCookie);
    expect(paired.status).toBe(201);
    return screen;
  };
  const gone = await pair({ view: 'lobby', name: 'LB1' });
  const door = await pair({ view: 'room', venueId: 'CR3', name: 'CR3' });
  await door.locator('door-display header').waitFor({ timeout: 30_000 });
  await gone.context().close();
  // In a hook, where expect.poll is not allowed: vi.waitFor retries until the server has seen it go.
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
export async function walkDataNames(world: PanelWorld, adminCookie: string, extraNames: string[]): Promise<string[]> {
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

/**
 * No English-only word in the chrome of `where` (the whole page by default), and the root's `lang`
 * and `dir` are the language's; `view` names the step in a failure.
 */
export async function expectSpoken(
  page: Page,
  [language, t]: readonly [Language, PanelMessages],
  data: readonly string[],
  view: string,
  where: Page | Locator = page,
): Promise<void> {
  // The words and both attributes in one round trip: a walk checks them a hundred times.
  const { words, lang, dir } = await englishWordsAndRoot(where, en, t, data, 'control-app');
  expect(words, view).toEqual([]);
  expect(lang, view).toBe(language);
  expect(dir, view).toBe(language === 'ar' ? 'rtl' : 'ltr');
}

/**
 * A context signed in as `user` (an admin), whose account speaks `language`: the browser is left in
 * American English, so it is the staff member's own choice that sets the panel's language.
 */
export async function signedIn(world: PanelWorld, user: string, language: Language): Promise<Page> {
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

/**
 * Switches the panel's language in place, as staff do from the header's picker, and waits until
 * the panel speaks it. The panel re-renders what it shows from its state, so a view reached once
 * is then checked in each language (and the switch is shown to re-translate it).
 */
export async function switchLanguage(page: Page, language: Language): Promise<void> {
  await page.locator('panel-header #panel-language').selectOption(language);
  await page.locator(`control-app[lang="${language}"]`).waitFor();
}

/** The catalogue of the language the panel speaks after `inEachLanguage`: the last one switched to. */
export const SPOKEN_AFTER_A_ROUND: PanelMessages = WALK_LANGUAGES.at(-1)![1];

/** `check` in each of the seven languages, switched to in place in turn. */
export async function inEachLanguage(
  page: Page,
  check: (language: Language, t: PanelMessages) => Promise<void>,
): Promise<void> {
  for (const [language, t] of WALK_LANGUAGES) {
    await switchLanguage(page, language);
    await check(language, t);
  }
}

/** A button of the panel's section navigation. */
export function sectionButton(page: Page, t: PanelMessages, name: string): Locator {
  return page.getByRole('navigation', { name: t.navLabel }).getByRole('button', { name });
}

/** In Arabic the layout mirrors: the header's title opens it on the right, before the log-out button. */
export async function expectHeaderMirrored(page: Page, t: PanelMessages): Promise<void> {
  const title = await page.getByRole('heading', { name: t.headerTitle }).boundingBox();
  const logout = await page.getByRole('button', { name: t.headerLogOut }).boundingBox();
  expect(title!.x).toBeGreaterThan(logout!.x);
}
