/**
 * Bilingual screens (issue 19 §2): a door on `?lang=en,fr` alternates every interval, a lobby
 * with each page turn (a lobby of one page on the interval), an Arabic half flips `dir`, the emergency shows both languages at once;
 * the rotation set in the panel's screen editor reaches a paired screen live, and bad input is
 * refused naming the field (REST) or with a message next to it (the form). The screens' time
 * runs on page.clock, paused on a turn boundary so each step is exactly one interval.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../../shared/i18n/en.ts';
import { fr } from '../../shared/i18n/fr.ts';
import { ar } from '../../shared/i18n/ar.ts';
import { zh } from '../../shared/i18n/zh.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { cyclePeriod } from '../../display/logic/paging.ts';
import { START, openPanel, startWorld, stopWorld, type PanelWorld } from './control-fixture.ts';
import { bandWord, newScreenContext, openDisplay, setClock, staff } from './display-helpers.ts';
import { doorHeading, openBareScreen, openScreensSection, pairFromPanel, pairingCode } from './fleet-helpers.ts';

let world: PanelWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterEach(async () => {
  await Promise.all(world.browser.contexts().map((context) => context.close()));
});
afterAll(() => stopWorld(world));

const statusWords = (m: Messages) => [m.free, m.startingSoon, m.inSession, m.moved, m.online];

/** Which catalogue the door's status band speaks right now. */
async function bandLanguage(page: Page): Promise<string | undefined> {
  const word = (await bandWord(page).textContent())?.trim() ?? '';
  return [en, fr, ar].find((m) => statusWords(m).includes(word))?.language;
}

/** Opens a screen on page.clock and pauses it on the next boundary of `period` that starts a cycle of `cycle`. */
async function openAtTurn(path: string, period: number, cycle = 2 * period): Promise<Page> {
  const page = await openDisplay(world.browser, `${world.server.url}${path}`, { fakeClock: true });
  await page.locator('signage-app[data-language]').waitFor({ timeout: 30_000 });
  await pauseAtTurn(page, cycle);
  return page;
}

/** Pauses a screen's page.clock on the next boundary of `cycle` but one (the clock flows until then). */
async function pauseAtTurn(page: Page, cycle: number): Promise<void> {
  const deviceNow = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(Math.ceil(deviceNow / cycle) * cycle + cycle);
}

/**
 * A screen re-renders on the ticks of its (server-synced) clock's seconds, so a turn shows within
 * a second of its boundary: each step starts this far past one, with a tick always in between.
 */
const PAST_THE_TICK = 1_100;

/** The render after a clock step can lag on a loaded machine: wait for it rather than for a fixed time. */
const SHOWN = { timeout: 10_000 };

/**
 * The boxes of a door's title area, room heading, status band and its word, read in one go rather
 * than one boundingBox each. Each selector is one element, found through the shadow roots as
 * Playwright's locators find it ('.band .word': the word inside the band).
 */
function doorBoxes(page: Page) {
  return page.evaluate(() => {
    const find = (root: Element | Document | ShadowRoot, selector: string): Element | null => {
      const scopes: (Element | Document | ShadowRoot)[] = [root];
      if (root instanceof Element && root.shadowRoot) scopes.push(root.shadowRoot);
      for (const scope of scopes) {
        const direct = scope.querySelector(selector);
        if (direct) return direct;
        for (const element of scope.querySelectorAll('*')) {
          const inner = element.shadowRoot && find(element.shadowRoot, selector);
          if (inner) return inner;
        }
      }
      return null;
    };
    const box = (element: Element | null) => {
      const { x, y, width, height } = element!.getBoundingClientRect();
      return { x, y, width, height };
    };
    const door = find(document, 'door-display')!;
    const band = find(door, '.band');
    return {
      title: box(find(door, '.main')),
      heading: box(find(door, 'header h1')),
      band: box(band),
      word: box(find(band!, '.word')),
    };
  });
}

const htmlLanguage = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

describe('a bilingual door', () => {
  it('shows French words after one interval and English after two, the data where it was', async () => {
    const page = await openAtTurn('/display/room/CR7?lang=en,fr', 10_000);
    await page.clock.runFor(PAST_THE_TICK);
    await expect.poll(() => bandLanguage(page), SHOWN).toBe('en');
    expect(await htmlLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });
    const before = await doorBoxes(page);
    // Both languages' faces are in before the first switch (Noto Sans for French).
    expect(
      await page.evaluate(() =>
        [...document.fonts].some((f) => f.family.includes('Noto Sans') && f.status === 'loaded'),
      ),
    ).toBe(true);

    await page.clock.runFor(10_000);
    await expect.poll(() => bandLanguage(page), SHOWN).toBe('fr');
    expect(await htmlLanguage(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    await page.locator('signage-app[data-language="fr"]').waitFor();
    // Only the chrome words changed: the room name and the sessions' area did not move.
    const after = await doorBoxes(page);
    expect([after.heading.y, after.heading.height]).toEqual([before.heading.y, before.heading.height]);
    expect(after.title).toEqual(before.title);

    await page.clock.runFor(10_000);
    await expect.poll(() => bandLanguage(page), SHOWN).toBe('en');
    expect((await htmlLanguage(page)).lang).toBe('en');
  });

  it('takes its interval from &every= on the URL', async () => {
    const page = await openAtTurn('/display/room/CR7?lang=en,fr&every=15', 15_000);
    await page.clock.runFor(PAST_THE_TICK);
    await expect.poll(() => bandLanguage(page), SHOWN).toBe('en');
    await page.clock.runFor(10_000);
    expect(await bandLanguage(page)).toBe('en');
    await page.clock.runFor(5_000);
    await expect.poll(() => bandLanguage(page), SHOWN).toBe('fr');
  });

  it('flips dir with an Arabic half: right to left in Arabic, left to right in English', async () => {
    const page = await openAtTurn('/display/room/CR7?lang=ar,en', 10_000);
    await page.clock.runFor(PAST_THE_TICK);
    await expect.poll(() => bandLanguage(page), SHOWN).toBe('ar');
    expect(await htmlLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await page.locator('signage-app').getAttribute('dir')).toBe('rtl');
    const { band, word } = await doorBoxes(page);
    // Mirrored: the status word sits at the band's right end in Arabic…
    expect(word.x).toBeGreaterThan(band.x + band.width / 2);

    await page.clock.runFor(10_000);
    await expect.poll(() => bandLanguage(page), SHOWN).toBe('en');
    expect(await htmlLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });
    // …and at its left end in English.
    expect((await doorBoxes(page)).word.x).toBeLessThan(band.x + band.width / 2);
  });

  it('shows an emergency in both languages at once, not one after the other', async () => {
    const page = await openAtTurn('/display/room/CR7?lang=en,fr', 10_000);
    await staff(world.server, 'PUT', '/api/emergency', { text: 'Evacuate / Évacuez' });
    try {
      const headings = page.locator('emergency-overlay h1');
      await expect.poll(() => headings.count(), SHOWN).toBe(2);
      expect(await headings.allTextContents().then((texts) => texts.map((t) => t.trim()))).toEqual([
        en.emergency,
        fr.emergency,
      ]);
      expect(await headings.evaluateAll((all) => all.map((h) => h.getAttribute('lang')))).toEqual(['en', 'fr']);
      await page.clock.runFor(10_000);
      expect(await headings.count()).toBe(2);
    } finally {
      await staff(world.server, 'DELETE', '/api/emergency');
    }
  });
});

describe("a bilingual door's fonts", () => {
  it('holds the faces of every Chinese word of its catalogue before the first switch', async () => {
    // The clock stays paused on a turn: the screen shows English and has not switched yet.
    const page = await openAtTurn('/display/room/CR7?lang=en,zh', 10_000);
    const words = Object.values(zh)
      .map((word: unknown) => (typeof word === 'function' ? String(word(2, 2)) : String(word)))
      .join('');
    const chinese = [...new Set(words)].filter((character) => character.codePointAt(0)! >= 0x2e80).join('');
    const fontsNow = () =>
      page.evaluate((text) => {
        const sc = [...document.fonts].filter((face) => face.family.replace(/["']/g, '') === 'Noto Sans SC');
        return {
          // fonts.check is true only when every face the text needs at that weight has arrived.
          held: [400, 700].map((weight) => document.fonts.check(`${weight} 1em 'Noto Sans SC'`, text)),
          loaded: sc.filter((face) => face.status === 'loaded').length,
        };
      }, chinese);
    expect(chinese.length).toBeGreaterThan(20);
    await expect.poll(async () => (await fontsNow()).held, SHOWN).toEqual([true, true]);
    expect(await bandLanguage(page)).toBe('en');
    const fonts = await fontsNow();
    expect(fonts.loaded).toBeGreaterThan(0);
  });
});

describe('a bilingual lobby', () => {
  it('shows page 1 in English and page 2 in French', async () => {
    // The page count decides where a cycle begins, so the screen is read before its clock is paused.
    const page = await openDisplay(world.browser, `${world.server.url}/display/lobby?lang=en,fr`, { fakeClock: true });
    await page.locator('signage-app[data-language]').waitFor({ timeout: 30_000 });
    const indicator = page.locator('lobby-board footer .page');
    await expect.poll(() => indicator.textContent(), { timeout: 10_000 }).toMatch(/\d\/\d/);
    const pages = Number(/\/(\d+)/.exec((await indicator.textContent())!)![1]);
    expect(pages).toBeGreaterThan(1);

    // Paused where a whole cycle of pages and languages begins: page 1, first language.
    const period = cyclePeriod(pages);
    await pauseAtTurn(page, period * pages * 2);
    await page.clock.runFor(PAST_THE_TICK);
    const label = page.locator('lobby-board footer .page');
    await label.filter({ hasText: `1/${pages}` }).waitFor();
    await page.locator('lobby-board th', { hasText: en.columnRoom }).waitFor();
    expect((await htmlLanguage(page)).lang).toBe('en');
    const rowsOnPage1 = await page.locator('lobby-board tbody tr').count();

    await page.clock.runFor(period);
    await label.filter({ hasText: `2/${pages}` }).waitFor();
    await page.locator('lobby-board th', { hasText: fr.columnRoom }).waitFor();
    expect((await htmlLanguage(page)).lang).toBe('fr');
    // The French headings took no row from the page.
    if (pages > 2) expect(await page.locator('lobby-board tbody tr').count()).toBe(rowsOnPage1);
  });
});

describe('a bilingual lobby of one page', () => {
  it('never turns a page, yet switches language on the interval', async () => {
    // At 17:00 on Monday only the afternoon plenary is left: one row, one page.
    await setClock(world.server, '2024-10-14T17:00');
    try {
      const page = await openAtTurn('/display/lobby?lang=en,fr', 10_000);
      await page.clock.runFor(PAST_THE_TICK);
      const heading = (m: Messages) => page.locator('lobby-board th', { hasText: m.columnRoom });
      await heading(en).waitFor(SHOWN);
      expect(await page.locator('lobby-board tbody tr').count()).toBe(1);
      expect(await page.locator('lobby-board footer .page').count()).toBe(0);

      await page.clock.runFor(10_000);
      await heading(fr).waitFor(SHOWN);
      expect(await htmlLanguage(page)).toEqual({ lang: 'fr', dir: 'ltr' });
      expect(await page.locator('lobby-board tbody tr').count()).toBe(1);

      await page.clock.runFor(10_000);
      await heading(en).waitFor(SHOWN);
      expect((await htmlLanguage(page)).lang).toBe('en');
    } finally {
      await setClock(world.server, START, 1);
    }
  });
});

describe('a rotation from the panel', () => {
  it('set in the screen editor, reaches the paired screen live', async () => {
    const { page: panel } = await openPanel(world);
    await openScreensSection(panel);
    // The screen's own time on page.clock, so its turn is one step of it rather than a real wait.
    const screen = await (await newScreenContext(world.browser, { viewport: { width: 1280, height: 720 } })).newPage();
    await screen.clock.install();
    await screen.goto(`${world.server.url}/display`);
    await pairFromPanel(panel, await pairingCode(screen), 'Door of CR7', 'CR7 bilingual');
    await doorHeading(screen).filter({ hasText: 'CR7' }).waitFor({ timeout: 30_000 });

    const row = panel.getByRole('row').filter({ has: panel.getByRole('rowheader', { name: 'CR7 bilingual' }) });
    await row.getByRole('button', { name: 'Change CR7 bilingual' }).click();
    const editor = panel.getByRole('form', { name: 'Change CR7 bilingual' });
    await editor.getByLabel('Language', { exact: true }).selectOption({ label: 'English' });
    await editor.getByLabel('Alternates with').selectOption({ label: 'Français' });
    await editor.getByLabel('Switch every (seconds)').fill('12');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });

    // Both languages are loaded on the screen, kept for an offline restart, and it shows one of them.
    await expect
      .poll(() => screen.evaluate(() => localStorage.getItem('signage-language')), { timeout: 10_000 })
      .toBe('lang=en,fr&every=12');
    const cookie = await world.server.login('Ana');
    const { body } = await world.server.request('GET', '/api/displays', undefined, cookie);
    expect(body.find((d: { name: string }) => d.name === 'CR7 bilingual')).toMatchObject({
      language: 'en',
      languages: ['en', 'fr'],
      rotationSeconds: 12,
    });
    const shown = await screen.locator('signage-app').getAttribute('data-language');
    expect(['en', 'fr']).toContain(shown);
    // One interval later the other language shows.
    await screen.clock.runFor(12_000);
    await screen.locator(`signage-app[data-language="${shown === 'en' ? 'fr' : 'en'}"]`).waitFor();
  });

  it('refuses three languages, an unknown code or 1 s naming the field, and says so next to the field', async () => {
    const { page: panel } = await openPanel(world);
    await openScreensSection(panel);
    const { code } = await openBareScreen(world.browser, world.server.url);
    await pairFromPanel(panel, code, 'Door of CR7', 'CR7 refusals');
    const cookie = await world.server.login('Ana');
    const list = await world.server.request('GET', '/api/displays', undefined, cookie);
    const id = list.body.find((d: { name: string }) => d.name === 'CR7 refusals').id;
    const patch = (body: unknown) => world.server.request('PATCH', `/api/displays/${id}`, body, cookie);

    const three = await patch({ languages: ['en', 'fr', 'de'] });
    expect(three.status).toBe(400);
    expect(three.body.field).toBe('languages');
    const unknown = await patch({ languages: ['en', 'xx'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.field).toBe('languages.1');
    const tooFast = await patch({ languages: ['en', 'fr'], rotationSeconds: 1 });
    expect(tooFast.status).toBe(400);
    expect(tooFast.body).toEqual({
      error: 'rotationSeconds: must be at least 5 seconds',
      field: 'rotationSeconds',
      code: 'field.too-small',
      params: { field: 'rotationSeconds', minimum: 5 },
    });
    const both = await patch({ language: 'fr', languages: ['en'] });
    expect(both.body.field).toBe('languages');
    // Nothing of it was kept.
    const after = await world.server.request('GET', '/api/displays', undefined, cookie);
    expect(after.body.find((d: { id: string }) => d.id === id).languages).toBeUndefined();

    const row = panel.getByRole('row').filter({ has: panel.getByRole('rowheader', { name: 'CR7 refusals' }) });
    await row.getByRole('button', { name: 'Change CR7 refusals' }).click();
    const editor = panel.getByRole('form', { name: 'Change CR7 refusals' });
    await editor.getByLabel('Alternates with').selectOption({ label: 'Français' });
    const every = editor.getByLabel('Switch every (seconds)');
    await every.fill('1');
    await editor.getByRole('button', { name: 'Save' }).click();
    const message = editor.locator('.field-error');
    await message.filter({ hasText: 'Give a whole number of seconds from 5 to 60.' }).waitFor();
    expect(await every.getAttribute('aria-invalid')).toBe('true');
    expect(await every.getAttribute('aria-describedby')).toBe(await message.getAttribute('id'));
    // The form stays open and nothing was sent.
    expect(await editor.isVisible()).toBe(true);
    const unchanged = await world.server.request('GET', '/api/displays', undefined, cookie);
    expect(unchanged.body.find((d: { id: string }) => d.id === id).languages).toBeUndefined();
  });
});
