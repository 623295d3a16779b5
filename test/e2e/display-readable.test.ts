/**
 * Screens a delegate reads in three seconds, in real Chromium on the bundled programme: the
 * lobby's departures board (rows per page, text size, whole cycle within 30 s on page.clock,
 * no ellipsis for titles that fit, Tomorrow), a door whose session moved away, the portrait door
 * with the programme's longest title in full, the online screen's QR code and "Now discussing".
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Schedule } from '../../shared/model.ts';
import { ROOT } from '../../server/platform/vite-build.ts';
import { closeFileContexts, sharedChromium } from '../support/shared-browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { rendered } from './screen-checks.ts';
import {
  closeAll,
  LOBBY_FIRST_PAGE_AT,
  newScreenContext,
  openDisplay,
  sessionAt,
  setClock,
  staff,
  type OpenOptions,
} from './display-helpers.ts';

let server: TestServer;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock: '2024-10-14T12:55', speed: 0 }), sharedChromium()]);
});

// Each test's screens close with it: left open, every door and lobby keeps rendering and
// reconnecting in the background and slows the tests after it.
afterEach(() => closeAll(pages.splice(0)));

afterAll(async () => {
  await closeFileContexts(browser);
  await server?.close();
});

async function open(path: string, options: OpenOptions = {}): Promise<Page> {
  const page = await openDisplay(browser, `${server.url}${path}`, options);
  pages.push(page);
  return page;
}

/** Text of the lobby's rows on the page shown, and the sizes a person would notice. */
function lobbyReport(page: Page) {
  return page.evaluate(() => {
    const board = document.querySelector('signage-app')!.shadowRoot!.querySelector('lobby-board')!.shadowRoot!;
    const rows = [...board.querySelectorAll('tbody tr')] as HTMLElement[];
    const texts = [...board.querySelectorAll('td span, th')].filter((el) => (el as HTMLElement).offsetParent);
    const sizes = texts.map((el) => parseFloat(getComputedStyle(el).fontSize));
    const titles = [...board.querySelectorAll('.title')] as HTMLElement[];
    return {
      rows: rows.length,
      fullyVisible: rows.every((row) => row.getBoundingClientRect().bottom <= window.innerHeight),
      smallest: Math.min(...sizes),
      height: window.innerHeight,
      // A title cut with an ellipsis while a legible size would still fit it: none allowed. Lines
      // are counted without the clamp (scrollHeight also counts the glyph box below the last line).
      cutTitles: titles.filter((t) => {
        const style = getComputedStyle(t);
        const clamp = Number(style.getPropertyValue('-webkit-line-clamp')) || Infinity;
        t.style.setProperty('display', 'block');
        const lines = Math.round(t.getBoundingClientRect().height / parseFloat(style.lineHeight));
        t.style.removeProperty('display');
        return (
          lines > clamp && parseFloat(style.fontSize) > parseFloat(getComputedStyle(t.parentElement!).fontSize) * 0.97
        );
      }).length,
      page: board.querySelector('footer .page')?.textContent ?? '',
      statuses: [...board.querySelectorAll('.status')].map((s) => s.textContent),
      tomorrow: board.querySelector('.tomorrow')?.textContent ?? '',
    };
  });
}

describe('lobby departures board', () => {
  it('shows at least 10 rows a page at 1920×1080, 3840×2160 and 1280×720 with text ≥ 2.8% of the height', async () => {
    await setClock(server, '2024-10-14T12:55');
    // One screen, resized: the board lays itself out again for each size, as a second page load would.
    const page = await open('/display/lobby', { deviceTimeHeldAt: LOBBY_FIRST_PAGE_AT });
    for (const [width, height] of [
      [1920, 1080],
      [3840, 2160],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      await rendered(page);
      await page.locator('lobby-board tbody tr').nth(9).waitFor();
      const report = await lobbyReport(page);
      expect(report.height, `${width}×${height}`).toBe(height);
      expect(report.rows, `${width}×${height}`).toBeGreaterThanOrEqual(10);
      expect(report.fullyVisible, `${width}×${height}`).toBe(true);
      expect(report.smallest, `${width}×${height}`).toBeGreaterThanOrEqual(report.height * 0.028 - 0.5);
      expect(report.cutTitles, `${width}×${height}`).toBe(0);
      expect(report.statuses, `${width}×${height}`).toContain('Now');
    }
  });

  it('keeps 10 rows a page at 1920×1080 with an announcement banner and the simulated-time bar', async () => {
    await setClock(server, '2024-10-14T12:55');
    const { announcement } = await staff<{ announcement: { id: string } }>(server, 'POST', '/api/announcements', {
      text: 'Coffee is served in the rotunda until 15:30, with tea and water on the first floor',
      venueIds: ['lobby'],
    });
    try {
      const page = await open('/display/lobby', { deviceTimeHeldAt: LOBBY_FIRST_PAGE_AT });
      await page.locator('announcement-banner p', { hasText: 'Coffee is served' }).waitFor();
      await page.locator('simulated-marker p', { hasText: 'SIMULATED TIME' }).waitFor();
      await page.locator('lobby-board tbody tr').nth(9).waitFor();
      const report = await lobbyReport(page);
      expect(report.rows).toBeGreaterThanOrEqual(10);
      expect(report.fullyVisible).toBe(true);
      expect(report.smallest).toBeGreaterThanOrEqual(report.height * 0.028 - 0.5);
    } finally {
      await staff(server, 'DELETE', `/api/announcements/${announcement.id}`);
    }
  });

  it('cycles through all its pages within 30 s (page.clock), with a page indicator', async () => {
    await setClock(server, '2024-10-14T09:00');
    const context = await newScreenContext(browser, { viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    pages.push(page);
    await page.clock.install();
    await page.goto(`${server.url}/display/lobby`);
    await page.locator('lobby-board footer .page').waitFor({ timeout: 30_000 });
    await page.clock.pauseAt(Math.ceil((await page.evaluate(() => Date.now())) / 60_000) * 60_000 + 60_000);
    const first = await lobbyReport(page);
    const total = Number(/\/(\d+)/.exec(first.page)![1]);
    expect(total).toBeGreaterThan(1);
    // Page turns follow the device clock: 30 s of it must show every page. The page records every
    // indicator it renders meanwhile (page.clock yields to the page after each timer), so one run
    // of the clock sees each page without a read from here per second.
    await page.evaluate(() => {
      const board = document.querySelector('signage-app')!.shadowRoot!.querySelector('lobby-board')!.shadowRoot!;
      const seen = new Set<string>();
      const record = () => seen.add(board.querySelector('footer .page')?.textContent ?? '');
      record();
      new MutationObserver(record).observe(board, { subtree: true, childList: true, characterData: true });
      (window as unknown as { pagesSeen: Set<string> }).pagesSeen = seen;
    });
    await page.clock.runFor(30_000);
    const seen = await page.evaluate(() => [...(window as unknown as { pagesSeen: Set<string> }).pagesSeen]);
    expect(seen).toContain(first.page);
    expect(new Set(seen).size).toBe(total);
  });

  it('after the last session lists tomorrow under a heading', async () => {
    await setClock(server, '2024-10-14T18:30');
    const page = await open('/display/lobby', { fakeClock: true });
    await page.locator('lobby-board .tomorrow').waitFor();
    // The screenshot shows the first page whatever the time of day (page.clock moves the board on).
    const firstPage = page.locator('lobby-board footer .page', { hasText: /^Page 1\// });
    for (let second = 0; second < 60 && (await firstPage.count()) === 0; second++) await page.clock.runFor(1000);
    await firstPage.waitFor();
    await page.screenshot({ path: join(ROOT, 'docs/screenshots/lobby-tomorrow.png') });
    const report = await lobbyReport(page);
    expect(report.tomorrow).toMatch(/Tomorrow · Tue(sday)? 15 Oct/);
    expect(report.rows).toBeGreaterThan(0);
  });

  it('in portrait drops the organiser column and keeps titles and rooms', async () => {
    await setClock(server, '2024-10-14T12:55');
    const page = await open('/display/lobby', { width: 1080, height: 1920, deviceTimeHeldAt: LOBBY_FIRST_PAGE_AT });
    await page.locator('lobby-board tbody tr').first().waitFor();
    expect(await page.locator('lobby-board th.c-org').isVisible()).toBe(false);
    expect(await page.locator('lobby-board td .room').first().isVisible()).toBe(true);
  });
});

describe('a door whose session moved away', () => {
  it('says where it went from the morning on, and never "free for the rest of the day"', async () => {
    const moved = await sessionAt(server, 'CR3', '2024-10-14T13:00');
    const body = await staff<{ session: { version: number } }>(server, 'PATCH', `/api/sessions/${moved.id}`, {
      venueId: 'M7',
      expectedVersion: moved.version,
    });
    expect(body).toBeTruthy();
    await setClock(server, '2024-10-14T12:40');
    const page = await open('/display/room/CR3');
    const notice = page.locator('door-display day-timeline[prominent] li', { hasText: 'Moved to M7' });
    await notice.waitFor();
    // Shadow roots: hasText pierces them, textContent does not.
    await notice
      .filter({ hasText: 'Moved to M7, M-Building, 1st floor' })
      .filter({ hasText: 'Guardians of the Earth' })
      .waitFor();
    expect(await notice.locator('.time').textContent()).toBe('13:00');
    await page.screenshot({ path: join(ROOT, 'docs/screenshots/door-moved.png') });
    expect(await page.locator('door-display status-band').textContent()).not.toMatch(/rest of the day/);
    await setClock(server, '2024-10-14T12:55');
    await expect.poll(() => page.locator('door-display status-band .word').textContent()).toBe('Moved');
  });
});

describe('portrait door, plenary and online', () => {
  it('shows the longest title of the programme in full at 1080×1920, with the date', async () => {
    const { body } = await server.request<Schedule>('GET', '/api/schedule');
    const longest = body.sessions
      .filter((s) => s.venueId !== 'Online')
      .sort((a, b) => b.title.length - a.title.length)[0]!;
    await setClock(server, new Date(Date.parse(longest.start) + 10 * 60_000).toISOString());
    const page = await open(`/display/room/${longest.venueId}`, { width: 1080, height: 1920 });
    const title = page.locator('door-display now-panel h2');
    await title.waitFor();
    await rendered(page);
    // In full: neither clamped nor cut by the box the layout gives it (which hides overflow).
    const { own, box } = await title.evaluate((h) => ({
      own: h.scrollHeight <= h.clientHeight + 1,
      box: h.getBoundingClientRect().bottom <= h.parentElement!.getBoundingClientRect().bottom + 1,
    }));
    expect(own).toBe(true);
    expect(box).toBe(true);
    expect(await page.locator('door-display .date').isVisible()).toBe(true);
  });

  it('shows the full agenda of the plenary at 1080×1920, with no "and N more"', async () => {
    const plenary = await sessionAt(server, 'Plenary', '2024-10-14T10:00');
    expect(plenary.agendaItems!.length).toBe(6);
    await setClock(server, '2024-10-14T10:20');
    const page = await open('/display/room/Plenary', { width: 1080, height: 1920 });
    const items = page.locator('door-display agenda-list li:not(.spacer)');
    await items.first().waitFor();
    // Whole items inside the list's box, in its first (visible) column: none clipped or wrapped away.
    const shown = await items.evaluateAll((list) => {
      const box = list[0]!.parentElement!.getBoundingClientRect();
      const left = (list[0] as HTMLElement).offsetLeft;
      return list.filter((li) => {
        const rect = li.getBoundingClientRect();
        return (li as HTMLElement).offsetLeft === left && rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1;
      }).length;
    });
    expect(shown).toBe(6);
    expect(await page.locator('door-display agenda-list .more').count()).toBe(0);
  });

  it('labels the plenary item under discussion "Now discussing"', async () => {
    const plenary = await sessionAt(server, 'Plenary', '2024-10-14T10:00');
    const code = plenary.agendaItems![1]!.code;
    await staff(server, 'PATCH', `/api/sessions/${plenary.id}`, {
      currentAgendaItem: code,
      expectedVersion: plenary.version,
    });
    await setClock(server, '2024-10-14T11:00');
    const page = await open('/display/room/Plenary', { width: 1080, height: 1920 });
    await page.locator('door-display agenda-list .discussing', { hasText: 'Now discussing' }).waitFor();
  });

  it('the online screen says Online, not free or busy, with a QR of at least 25% of the shorter side', async () => {
    const { body } = await server.request<Schedule>('GET', '/api/schedule');
    const online = body.sessions.find((s) => s.venueId === 'Online')!;
    await setClock(server, new Date(Date.parse(online.start) - 30 * 60_000).toISOString());
    // One screen, turned: a second page load would show the same.
    const page = await open('/display/room/Online');
    for (const [width, height] of [
      [1920, 1080],
      [1080, 1920],
    ] as const) {
      await page.setViewportSize({ width, height });
      await rendered(page);
      await page.locator('door-display qr-code').waitFor();
      if (width > height) await page.screenshot({ path: join(ROOT, 'docs/screenshots/door-online-venue.png') });
      expect(await page.locator('door-display status-band .word').textContent()).toBe('Online');
      const box = (await page.locator('door-display qr-code').boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(Math.min(width, height) * 0.25);
    }
  });
});
