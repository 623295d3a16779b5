/**
 * Shared steps of the display browser tests: finding sessions of the bundled programme, setting
 * the server clock, opening a display and measuring its layout. Playwright's CSS and text locators
 * pierce open shadow roots, so the tests read the Lit components like a person reads the screen.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { LOBBY_CYCLE_MS } from '../../display/logic/paging.ts';
import type { Schedule, Session } from '../../shared/model.ts';
import type { TestServer } from '../support/server.ts';

/** A session of the bundled programme by room and venue-local start ("2024-10-14T13:00"). */
export async function sessionAt(server: TestServer, venueId: string, start: string): Promise<Session> {
  const { body } = await server.request<Schedule>('GET', '/api/schedule');
  const found = body.sessions.find((s) => s.venueId === venueId && s.start.startsWith(start));
  if (!found) throw new Error(`no session in ${venueId} starting ${start}`);
  return found;
}

/**
 * The admin's cookie of each server, signed in once: a file makes dozens of staff requests, and
 * each login would be a round trip and a password hash more. Kept by server, so it goes when the
 * server goes.
 */
const adminCookies = new WeakMap<TestServer, Promise<string>>();

function adminCookie(server: TestServer): Promise<string> {
  let cookie = adminCookies.get(server);
  if (!cookie) {
    cookie = server.login();
    adminCookies.set(server, cookie);
    // A failed login is not kept: the next request signs in again.
    cookie.catch(() => adminCookies.delete(server));
  }
  return cookie;
}

/** Staff request that must succeed; returns the parsed body. */
export async function staff<T = any>(server: TestServer, method: string, path: string, body?: unknown): Promise<T> {
  let response = await server.request<T>(method, path, body, await adminCookie(server));
  if (response.status === 401) {
    // The session ended (a restarted server, a short lifetime): sign in afresh, once.
    adminCookies.delete(server);
    response = await server.request<T>(method, path, body, await adminCookie(server));
  }
  if (response.status >= 300) {
    throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** Moves the simulated server clock (venue-local time) and freezes it there unless a speed is given. */
export function setClock(server: TestServer, time: string, speed = 0): Promise<unknown> {
  return staff(server, 'PUT', '/api/clock', { time, speed });
}

/**
 * A fresh context for a screen (another device: its own storage). Its service worker is blocked
 * unless the test asks for it with `serviceWorkers: 'allow'`: in every fresh context the worker
 * fetches and stores the whole display shell, a cost only the offline tests need.
 */
export function newScreenContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ serviceWorkers: 'block', ...options });
}

/**
 * A device time on a whole minute. The lobby turns its pages by the device's clock: held here
 * (`deviceTimeHeldAt`), it shows its first page whatever its page count (periods are 10 s, or 30 s
 * shared by 4 pages or more), instead of whichever page the real second falls on, which a test
 * would otherwise wait up to a whole period for.
 */
export const LOBBY_FIRST_PAGE_AT = Date.UTC(2024, 9, 14, 10, 40);

export interface OpenOptions extends BrowserContextOptions {
  width?: number;
  height?: number;
  /** Give the page Playwright's controllable clock from the start (it flows until paused). */
  fakeClock?: boolean;
  /** Hold the device's Date.now at this instant from the start; timers still run. */
  deviceTimeHeldAt?: number;
}

/** Opens a display in its own browser context and waits until it shows the schedule. */
export async function openDisplay(browser: Browser, url: string, options: OpenOptions = {}): Promise<Page> {
  const { width = 1920, height = 1080, fakeClock = false, deviceTimeHeldAt, ...context } = options;
  const page = await (await newScreenContext(browser, { viewport: { width, height }, ...context })).newPage();
  if (fakeClock) await page.clock.install();
  if (deviceTimeHeldAt !== undefined) await page.clock.setFixedTime(deviceTimeHeldAt);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  // Generous: the suite shares two cores with other suites and benchmarks.
  await page.locator('door-display header, lobby-board header').first().waitFor({ timeout: 30_000 });
  if (errors.length) throw new Error(`page errors: ${errors.join('\n')}`);
  return page;
}

/**
 * The service worker controls the page and holds the page and every asset of the display build
 * (display-shell.json, lazy chunks included): what an offline reboot needs. Poll it before
 * stopping the server.
 */
export async function wholeShellCached(page: Page): Promise<boolean> {
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) return false;
  const paths = new Set(await cachedPaths(page));
  const { pathname, assets } = await page.evaluate(async () => ({
    pathname: location.pathname,
    assets: ((await (await fetch('/display-shell.json')).json()) as { assets: string[] }).assets,
  }));
  return paths.has(pathname) && assets.every((asset) => paths.has(asset));
}

/** Paths the service worker holds, in every cache. */
export function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      paths.push(...(await cache.keys()).map((request) => new URL(request.url).pathname));
    }
    return paths;
  });
}

/**
 * Turns a lobby (opened with `fakeClock`) a second at a time on its own clock until `row` is on
 * the page it shows, for at most one whole cycle: the row's page at once, instead of a real wait of
 * up to a whole cycle for it to come round. Then `row` is visible, or the caller's wait says what
 * never showed. The lobby's clock stays paused after it.
 */
export async function turnLobbyTo(lobby: Page, row: Locator): Promise<void> {
  // Held, so the board turns only when this moves it: found on its page, the row stays there for
  // the caller's checks, however late in its period it was found. A little ahead of the page's
  // time, which flows on until the pause (pausing in its past is refused); the turns below go
  // round a whole cycle from wherever that is.
  await lobby.clock.pauseAt((await lobby.evaluate(() => Date.now())) + 5_000);
  for (let waited = 0; waited <= LOBBY_CYCLE_MS && !(await row.first().isVisible()); waited += 1_000) {
    await lobby.clock.runFor(1_000);
  }
}

export async function closeAll(pages: Page[]): Promise<void> {
  await Promise.all(pages.map((page) => page.context().close()));
}

/** The status band's word: "Free", "Starting soon" or "In session". */
export function bandWord(page: Page) {
  return page.locator('door-display .band .word');
}

export interface LayoutReport {
  overflowX: number;
  overflowY: number;
  viewportHeight: number;
  /** Smallest computed font size (px) of any rendered element holding text, with that text. */
  smallestText: { size: number; text: string };
}

/**
 * Measures what a person would notice: scroll overflow of the page, and the smallest text on
 * screen, walking every shadow root.
 */
export function measureLayout(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    let smallest = { size: Infinity, text: '' };
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
        const text = Array.from(element.childNodes)
          .filter((node) => node.nodeType === Node.TEXT_NODE)
          .map((node) => node.textContent ?? '')
          .join('')
          .trim();
        if (!text || element.getClientRects().length === 0) continue;
        const style = getComputedStyle(element);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        const size = parseFloat(style.fontSize);
        if (size < smallest.size) smallest = { size, text: text.slice(0, 40) };
      }
    };
    visit(document);
    return {
      overflowX: doc.scrollWidth - doc.clientWidth,
      overflowY: doc.scrollHeight - doc.clientHeight,
      viewportHeight: window.innerHeight,
      smallestText: smallest,
    };
  });
}
