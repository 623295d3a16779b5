/**
 * Shared set-up for the control panel's browser tests: a real server on the bundled programme at
 * the simulated 2024-10-14 12:55 (Vienna), a real Chromium, and a logged-in panel page.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Schedule, Session } from '../../shared/model.ts';
import { closeFileContexts, sharedChromium } from '../support/shared-browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

export const START = '2024-10-14T12:55';

export interface PanelWorld {
  browser: Browser;
  server: TestServer;
}

async function startPanelServer(dataDir?: string): Promise<TestServer> {
  const server = await startTestServer({ clock: START, dataDir });
  // The staff the panel tests sign in as (admins, with the test password).
  for (const name of ['Ana', 'Ben']) await server.loginAs(name, 'admin');
  return server;
}

export async function startWorld(): Promise<PanelWorld> {
  const [browser, server] = await Promise.all([sharedChromium(), startPanelServer()]);
  return { browser, server };
}

export async function stopWorld(world: PanelWorld | undefined): Promise<void> {
  await closeFileContexts(world?.browser);
  await world?.server.close();
}

/**
 * For a file whose tests change the schedule: the worker's Chromium (test/support/shared-browser.ts)
 * and a fresh server per test, so no test sees another's edits. The first server's data
 * directory (programme seeded, Ana and Ben created: scrypt hashes, the slow part) is copied for
 * each test instead of being made again; the copy keeps the session secret, so it is the same
 * server to the browser. Every browser context a test opened is closed after it. Call it at the
 * top of the file; `world.browser` and `world.server` are set once the hooks have run.
 */
export function panelWorldPerTest(): PanelWorld {
  const world = {} as PanelWorld;
  const template = mkdtempSync(join(tmpdir(), 'signage-panel-template-'));
  beforeAll(async () => {
    const [browser, first] = await Promise.all([sharedChromium(), startPanelServer(join(template, 'data'))]);
    world.browser = browser;
    await first.stop();
  });
  beforeEach(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'signage-test-'));
    cpSync(join(template, 'data'), dataDir, { recursive: true });
    world.server = await startTestServer({ clock: START, dataDir });
  });
  afterEach(async () => {
    await closeFileContexts(world.browser);
    await world.server.close();
  });
  afterAll(async () => {
    rmSync(template, { recursive: true, force: true });
  });
  return world;
}

/** A fresh browser context (its own cookies: another staff member) on the login page. */
export async function openLoginPage(
  world: PanelWorld,
  viewport = { width: 1400, height: 1000 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`${world.server.url}/control`);
  return { context, page };
}

export async function logIn(page: Page, password: string, name?: string): Promise<void> {
  await page.getByLabel('Password').fill(password);
  if (name) await page.getByLabel('Username').fill(name);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/**
 * A fresh context signed in as `name`, on `path` of the server. The login is made over the API and
 * handed to the context as what the login form leaves behind (the session cookie, the remembered
 * name): the form itself is tested in control-login, and typing it cost a second per panel.
 *
 * The remembered name is written by an init script, before the panel's own scripts, when the
 * origin has none yet (the panel only ever overwrites it, at a login): as `storageState` would
 * leave it, without the extra page Playwright opens and loads in the new context to write an
 * origin's storage.
 */
export async function openSignedIn(
  browser: Browser,
  server: TestServer,
  name: string,
  path: string,
  viewport = { width: 1400, height: 1000 },
): Promise<Page> {
  const cookie = await server.login(name);
  const separator = cookie.indexOf('=');
  const context = await browser.newContext({
    viewport,
    storageState: {
      cookies: [
        {
          name: cookie.slice(0, separator),
          value: cookie.slice(separator + 1),
          domain: new URL(server.url).hostname,
          path: '/',
          expires: -1,
          httpOnly: true,
          secure: false,
          sameSite: 'Strict',
        },
      ],
      origins: [],
    },
  });
  await context.addInitScript(
    ({ origin, key, value }) => {
      if (location.origin === origin && localStorage.getItem(key) === null) localStorage.setItem(key, value);
    },
    { origin: server.url, key: REMEMBERED_NAME_KEY, value: name },
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(server.url + path);
  return page;
}

/** Where the panel remembers the last staff name used on the device (control/data/auth.ts). */
const REMEMBERED_NAME_KEY = 'signage.staffName';

/** A logged-in panel showing the schedule grid. */
export async function openPanel(
  world: PanelWorld,
  name = 'Ana',
  viewport?: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page }> {
  const page = await openSignedIn(world.browser, world.server, name, '/control', viewport);
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  return { context: page.context(), page };
}

/**
 * Ana's and Ben's panels side by side (two contexts, two logins), opened at once, and the session
 * of the bundled programme both of them are about to edit (by the start of its title).
 */
export async function openAnaAndBen(
  world: PanelWorld,
  sessionTitle: string,
): Promise<{ ana: Page; ben: Page; session: Session }> {
  const [ana, ben, session] = await Promise.all([
    openPanel(world, 'Ana'),
    openPanel(world, 'Ben'),
    sessionTitled(world.server, sessionTitle),
  ]);
  return { ana: ana.page, ben: ben.page, session };
}

/** Ana moves the session to M7 over REST, from the version Ben's open dialog was based on. */
export async function anaMovesToM7(server: TestServer, session: Session): Promise<void> {
  const cookie = await server.login('Ana');
  const moved = await server.request(
    'PATCH',
    `/api/sessions/${session.id}`,
    { venueId: 'M7', expectedVersion: session.version },
    cookie,
  );
  expect(moved.status).toBe(200);
}

export async function schedule(server: TestServer): Promise<Schedule> {
  const { status, body } = await server.request<Schedule>('GET', '/api/schedule');
  if (status !== 200) throw new Error(`GET /api/schedule: ${status}`);
  return body;
}

/** The session whose title starts with the given words (the bundled programme's titles are long). */
export async function sessionTitled(server: TestServer, prefix: string): Promise<Session> {
  const found = (await schedule(server)).sessions.find((s) => s.title.startsWith(prefix));
  if (!found) throw new Error(`no session titled ${prefix}…`);
  return found;
}

/** The grid button of a session (not the search results'), by the start of its title. */
export function sessionButton(page: Page, prefix: string): Locator {
  return page.locator('schedule-grid').getByRole('button', { name: new RegExp(escape(prefix)) });
}

/** Opens a session's dialog from the grid and returns the dialog. */
export async function openSession(page: Page, prefix: string): Promise<Locator> {
  await sessionButton(page, prefix).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
