/**
 * Screens in other languages (?lang= on the URL): French status words and no English word of the
 * catalogue outside the data; Arabic right to left with the status band's words on the right;
 * the Chinese lobby with its Noto Sans SC face loaded from the server. The Arabic door and the
 * Chinese lobby are also the README's screenshots (docs/screenshots/).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../shared/i18n/en.ts';
import { fr } from '../../shared/i18n/fr.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { englishWordsShown } from './chrome-text.ts';
import { bandWord, closeAll, openDisplay } from './display-helpers.ts';

const SCREENSHOTS = join(import.meta.dirname, '../../docs/screenshots');

let server: TestServer;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock: '2024-10-14T13:10', speed: 0 }), launchChromium()]);
});

afterAll(async () => {
  await closeAll(pages);
  await browser?.close();
  await server?.close();
});

/** Opens a display in a language and waits until its words and fonts have loaded. */
async function open(path: string, language: string): Promise<Page> {
  const page = await openDisplay(browser, `${server.url}${path}?lang=${language}`);
  pages.push(page);
  await page.locator(`signage-app[data-language="${language}"]`).waitFor({ timeout: 30_000 });
  return page;
}

describe('display languages', () => {
  it('the door in French shows French status words and no English word of the catalogue', async () => {
    const page = await open('/display/room/CR7', 'fr');
    await bandWord(page).filter({ hasText: fr.inSession }).waitFor();
    expect(await page.locator('door-display now-panel .label').first().textContent()).toBe(fr.now);
    expect(await englishWordsShown(page, en, fr)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
  });

  it('the door in Arabic is right to left, with the status band’s words on the right', async () => {
    const page = await open('/display/room/CR7', 'ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.locator('signage-app').getAttribute('dir')).toBe('rtl');
    const word = bandWord(page);
    await word.filter({ hasText: 'الجلسة منعقدة' }).waitFor();
    const band = (await page.locator('door-display .band').boundingBox())!;
    const box = (await word.boundingBox())!;
    // Mirrored: the word starts at the band's right edge (inline start in Arabic), not its left.
    expect(box.x).toBeGreaterThan(band.x + band.width / 2);
    expect(band.x + band.width - (box.x + box.width)).toBeLessThan(band.width / 10);
    // The clock reads left to right inside the Arabic chrome.
    expect(await page.locator('door-display .clock .time').evaluate((e) => getComputedStyle(e).direction)).toBe('ltr');
    await page.screenshot({ path: join(SCREENSHOTS, 'door-arabic.png') });
  });

  it('the lobby in Chinese has the Noto Sans SC face loaded', async () => {
    const page = await open('/display/lobby', 'zh');
    await page.locator('lobby-board th', { hasText: '会议室' }).waitFor();
    await page.waitForFunction(
      () => [...document.fonts].some((face) => face.family.includes('Noto Sans SC') && face.status === 'loaded'),
      undefined,
      { timeout: 30_000 },
    );
    expect(await page.evaluate(() => document.fonts.check('700 20px "Noto Sans SC"', '会议'))).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'lobby-chinese.png') });
  });
});
