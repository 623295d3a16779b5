/**
 * Every screen view in every language, landscape 1920×1080 and portrait 1080×1920, on the
 * bundled programme: a room in session, a room with only what comes next, the plenary door with
 * its agenda, a door whose session moved away, the online venue, the emergency takeover (the
 * prepared evacuation message, in the screen's language), and the
 * lobby's first page. For each: nothing of the chrome overflows or is cut, every glyph comes from
 * the language's Noto faces, no English word of the catalogue outside the data, Arabic right to
 * left with the status band's words on the right and every piece of Latin data (rooms, codes,
 * times inside a sentence) isolated from the Arabic around it, and axe finds nothing serious.
 *
 * Fast by design: one server and one browser; one page per screen, switched between languages
 * the way staff do it (the screen's language in the fleet, pushed live) and turned with
 * setViewportSize, never reloaded; the views seen at one time on different screens are checked
 * at once. The Arabic door and the Chinese lobby are the README's screenshots (docs/screenshots/).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../shared/i18n/en.ts';
import { loadMessages } from '../../shared/i18n/load.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import type { Schedule } from '../../shared/model.ts';
import { isRightToLeft, type Language } from '../../shared/languages.ts';
import { fontStack } from '../../display/i18n/fonts.ts';
import { ROOT } from '../../server/platform/vite-build.ts';
import { BUILT_IN_TEMPLATES } from '../../server/schedule/emergency-wording.ts';
import { closeFileContexts, sharedChromium } from '../support/shared-browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { catalogueLatin, englishWordsShown } from './chrome-text.ts';
import { bandWord, LOBBY_FIRST_PAGE_AT, openDisplay, sessionAt, setClock, staff } from './display-helpers.ts';
import { describeViolations, seriousViolations } from './axe.ts';
import { layoutProblems, missingGlyphs, rendered, unisolatedData } from './screen-checks.ts';

const LANGUAGES: Language[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es', 'de'];
const ORIENTATIONS = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;
const SCREENSHOTS = join(ROOT, 'docs/screenshots');
/** The prepared evacuation message, as the panel puts it up: each screen shows its own language's text. */
const EVACUATION = (() => {
  const { en: english, ...others } = BUILT_IN_TEMPLATES.find((template) => template.id === 'evacuation')!.wording;
  return {
    text: english.text,
    translations: Object.fromEntries(Object.entries(others).map(([language, { text }]) => [language, { text }])),
  };
})();

let server: TestServer;
let browser: Browser;
const catalogues = new Map<Language, Messages>();
/** One page per screen, opened once. */
const screens = new Map<string, { page: Page; displayId: string }>();
/** Every word of the venues' data (names, directions), lower-cased. */
let venueWords = new Set<string>();

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock: '2024-10-14T12:40', speed: 0 }), sharedChromium()]);
  for (const language of LANGUAGES) catalogues.set(language, await loadMessages(language));
  const { body: schedule } = await server.request<Schedule>('GET', '/api/schedule');
  venueWords = new Set(
    JSON.stringify(schedule.venues)
      .toLowerCase()
      .split(/[^\p{L}]+/u),
  );
  const moved = await sessionAt(server, 'CR3', '2024-10-14T13:00');
  await staff(server, 'PATCH', `/api/sessions/${moved.id}`, { venueId: 'M7', expectedVersion: moved.version });
  const paths = ['/display/room/Plenary', '/display/room/CR3', '/display/room/CR7', '/display/room/Online'];
  const opened = await Promise.all([
    ...paths.map((path) => openDisplay(browser, server.url + path, { bypassCSP: true })),
    openDisplay(browser, `${server.url}/display/lobby`, { bypassCSP: true, deviceTimeHeldAt: LOBBY_FIRST_PAGE_AT }),
  ]);
  const displays = await staff<Array<{ id: string; view: string; venueId?: string; connected: boolean }>>(
    server,
    'GET',
    '/api/displays',
  );
  for (const [index, path] of [...paths, '/display/lobby'].entries()) {
    const venueId = path.split('/')[3];
    const record = displays.find((d) => d.connected && (venueId ? d.venueId === venueId : d.view === 'lobby'));
    if (!record) throw new Error(`no display record for ${path}: ${JSON.stringify(displays)}`);
    screens.set(path, { page: opened[index]!, displayId: record.id });
  }
});

afterAll(async () => {
  await closeFileContexts(browser);
  await server?.close();
});

/** The screen in a language, set as staff set it: the screen's language in the fleet. */
async function showIn(path: string, language: Language): Promise<Page> {
  const { page, displayId } = screens.get(path)!;
  // Checked at every frame: a locator's wait polls at growing intervals, up to half a second late.
  const shown = page.waitForFunction(
    (language) => document.querySelector('signage-app')?.getAttribute('data-language') === language,
    language,
    { polling: 'raf', timeout: 30_000 },
  );
  await staff(server, 'PATCH', `/api/displays/${displayId}`, { language });
  await shown;
  return page;
}

/** The language's own faces, first in its font stack (English keeps the system's). */
function ownFaces(language: Language): string | null {
  if (language === 'en') return null;
  const stack = fontStack([language]).split(', ');
  return stack.slice(0, stack.indexOf('system-ui')).join(', ');
}

interface View {
  name: string;
  path: string;
  /** Venue-local server time the view is seen at. */
  clock: string;
  /** The status band's word, for a door. */
  band?: (m: Messages) => string;
  emergency?: boolean;
}

const VIEWS: View[] = [
  { name: 'a room in session', path: '/display/room/CR7', clock: '2024-10-14T13:10', band: (m) => m.inSession },
  {
    name: 'a room with only what comes next',
    path: '/display/room/CR7',
    clock: '2024-10-14T12:40',
    band: (m) => m.free,
  },
  {
    name: 'the plenary door with its agenda',
    path: '/display/room/Plenary',
    clock: '2024-10-14T12:40',
    band: (m) => m.inSession,
  },
  {
    name: 'a door whose session moved away',
    path: '/display/room/CR3',
    clock: '2024-10-14T12:55',
    band: (m) => m.moved,
  },
  { name: 'the online venue', path: '/display/room/Online', clock: '2024-10-14T12:40', band: (m) => m.online },
  { name: 'the emergency takeover', path: '/display/room/CR7', clock: '2024-10-14T13:10', emergency: true },
  { name: 'the lobby, first page', path: '/display/lobby', clock: '2024-10-14T12:40' },
];

/** Every check of one view in one language and orientation; returns what failed, one line each. */
async function problemsOf(page: Page, view: View, language: Language, orientation: string): Promise<string[]> {
  const m = catalogues.get(language)!;
  const where = `${view.name}, ${language}, ${orientation}`;
  const problems = (await layoutProblems(page)).map((problem) => `${where}: ${problem}`);
  const faces = ownFaces(language);
  if (faces) {
    const missing = await missingGlyphs(page, faces);
    if (missing.length) problems.push(`${where}: drawn by a fallback font: ${missing.join(' ')}`);
  }
  if (language !== 'en') {
    // Words of the venues' names and directions are data staff typed ("1st floor, turn left").
    const english = (await englishWordsShown(page, en, m)).filter((word) => !venueWords.has(word));
    if (english.length) problems.push(`${where}: English words ${english.join(', ')}`);
  }
  const dir = isRightToLeft(language) ? 'rtl' : 'ltr';
  const html = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
  }));
  if (html.lang !== language || html.dir !== dir) problems.push(`${where}: html is ${JSON.stringify(html)}`);
  if (dir === 'rtl') {
    for (const problem of await unisolatedData(page, catalogueLatin(m))) problems.push(`${where}: ${problem}`);
  }
  if (view.band && !view.emergency) {
    const word = await bandWord(page).textContent();
    if (word !== view.band(m)) problems.push(`${where}: the band says "${word}", not "${view.band(m)}"`);
    if (dir === 'rtl') problems.push(...(await startsOnTheRight(page, 'door-display .band .word', where)));
  }
  if (!view.band && !view.emergency && dir === 'rtl') {
    problems.push(...(await startsOnTheRight(page, 'lobby-board thead th', where)));
  }
  const violations = await seriousViolations(page);
  if (violations.length) problems.push(`${where}: axe: ${describeViolations(violations)}`);
  return problems;
}

/** Mirrored: the element starts at the right edge (inline start in Arabic), not the left. */
async function startsOnTheRight(page: Page, selector: string, where: string): Promise<string[]> {
  const box = (await page.locator(selector).first().boundingBox())!;
  const width = page.viewportSize()!.width;
  return box.x + box.width > width * 0.9 && box.x > width / 2 ? [] : [`${where}: ${selector} is not on the right`];
}

/**
 * The views by the server time they are seen at. The views of one time on different screens are
 * checked at once (each screen is its own page and renderer); views of one screen, and the
 * emergency, which takes over every screen, are checked one after the other.
 */
const VIEWS_BY_CLOCK = new Map<string, View[]>();
for (const view of VIEWS) VIEWS_BY_CLOCK.set(view.clock, [...(VIEWS_BY_CLOCK.get(view.clock) ?? []), view]);

describe('every screen view in every language, landscape and portrait', () => {
  for (const [clock, views] of VIEWS_BY_CLOCK) {
    const apart = new Set(views.map((view) => view.path)).size === views.length && !views.some((v) => v.emergency);
    describe(`at ${clock.slice(11)}`, () => {
      beforeAll(() => setClock(server, clock));
      for (const view of views) (apart ? it.concurrent : it)(view.name, ({ expect }) => checkView(view, expect));
    });
  }
});

async function checkView(view: View, expect: ExpectStatic): Promise<void> {
  if (view.emergency) await staff(server, 'PUT', '/api/emergency', EVACUATION);
  try {
    const problems: string[] = [];
    for (const language of LANGUAGES) {
      const page = await showIn(view.path, language);
      await page
        .locator('door-display .clock .time, lobby-board header time')
        .filter({ hasText: view.clock.slice(11) })
        .first()
        .waitFor();
      if (view.emergency) {
        await page.locator('emergency-overlay [role=alert]').waitFor();
        const text = language === 'en' ? EVACUATION.text : EVACUATION.translations[language]!.text;
        await page
          .locator(`emergency-overlay p[lang="${language}"], emergency-overlay p:not([lang])`, { hasText: text })
          .waitFor();
      }
      for (const orientation of ORIENTATIONS) {
        await page.setViewportSize(orientation);
        await rendered(page);
        problems.push(...(await problemsOf(page, view, language, orientation.name)));
        if (orientation.name === 'landscape') await screenshotFor(view, language, page, expect);
      }
    }
    expect(problems).toEqual([]);
  } finally {
    if (view.emergency) await staff(server, 'DELETE', '/api/emergency');
  }
}

/** What only some views show, and the README's Arabic door and Chinese lobby. */
async function screenshotFor(view: View, language: Language, page: Page, expect: ExpectStatic): Promise<void> {
  if (view.name === 'a room in session' && language === 'ar') {
    // The clock reads left to right inside the Arabic chrome.
    expect(await page.locator('door-display .clock .time').evaluate((e) => getComputedStyle(e).direction)).toBe('ltr');
    await page.screenshot({ path: join(SCREENSHOTS, 'door-arabic.png') });
  }
  if (view.name === 'a room in session') {
    expect(await page.locator('door-display now-panel .label').first().textContent()).toBe(
      catalogues.get(language)!.now,
    );
    expect(await page.locator('signage-app').getAttribute('dir')).toBe(isRightToLeft(language) ? 'rtl' : 'ltr');
  }
  if (view.path === '/display/lobby' && language === 'zh') {
    const loaded = await page.evaluate(() =>
      [...document.fonts].some((face) => face.family.includes('Noto Sans SC') && face.status === 'loaded'),
    );
    expect(loaded).toBe(true);
    expect(await page.evaluate(() => document.fonts.check('700 20px "Noto Sans SC"', '会议'))).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'lobby-chinese.png') });
  }
}
