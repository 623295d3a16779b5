/**
 * Titles and announcements that contain HTML and script are shown as text — on the door display,
 * the lobby board and the control panel: the text is on screen literally, no element is injected
 * (no img, script, svg or inline on… handler from the data), nothing runs (no dialog, no global
 * set, no console error such as a CSP refusal of an inline handler).
 * The tests run one after the other in this file: the last one collects what the others saw.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeFileContexts, sharedChromium } from '../support/shared-browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { FIXTURE, FIXTURE_CLOCK } from '../integration/fixture.ts';
import { logIn } from './control-fixture.ts';
import { newScreenContext } from './display-helpers.ts';

const TITLE_IMG = `<img src=x onerror="window.__xss='title'">Opening & talk`;
const TITLE_SCRIPT = `<script>window.__xss='script'</script>Workshop`;
const ANNOUNCEMENT = `<b onmouseover="window.__xss='announcement'">Coffee</b> <svg onload="window.__xss='svg'"></svg> & cake`;

let server: TestServer;
let browser: Browser;
const pages: Page[] = [];
const incidents: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 }),
    sharedChromium(),
  ]);
  const cookie = await server.login();
  for (const [path, body] of [
    ['/api/sessions/opening', { title: TITLE_IMG }],
    ['/api/sessions/workshop', { title: TITLE_SCRIPT }],
  ] as const) {
    expect((await server.request('PATCH', path, body, cookie)).status).toBe(200);
  }
  expect((await server.request('POST', '/api/announcements', { text: ANNOUNCEMENT }, cookie)).status).toBe(201);
  // 13:10: the opening talk is on in CR3, the workshop is next; all four sessions fit the lobby.
  expect((await server.request('PUT', '/api/clock', { time: '2024-10-14T13:10', speed: 0 }, cookie)).status).toBe(200);
});

afterAll(async () => {
  for (const page of pages) await page.context().close();
  await closeFileContexts(browser);
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await (await newScreenContext(browser, { viewport: { width: 1600, height: 1000 } })).newPage();
  pages.push(page);
  page.on('dialog', (dialog) => {
    incidents.push(`${path}: dialog "${dialog.message()}"`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    // A refused request (the panel's 401 session probe before login) is not script running.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      incidents.push(`${path}: console error ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => incidents.push(`${path}: page error ${error.message}`));
  await page.goto(server.url + path);
  return page;
}

/** Elements the data could have injected, anywhere in the page and its shadow roots. */
function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
        const handlers = element.getAttributeNames().filter((name) => name.toLowerCase().startsWith('on'));
        if (handlers.length) found.push(`<${element.localName} ${handlers.join(' ')}>`);
        if (element.localName === 'script' && !element.hasAttribute('src'))
          found.push(`<script>${element.textContent}`);
        if (element.localName === 'img' && element.getAttribute('src') === 'x') found.push('<img src=x>');
      }
    };
    visit(document);
    return found;
  });
}

async function expectInert(page: Page): Promise<void> {
  expect(await injected(page)).toEqual([]);
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
}

describe('HTML and script in the data are shown as text', () => {
  it('on the door display', async () => {
    const page = await open('/display/room/CR3');
    await page.locator('now-panel h2').getByText(TITLE_IMG).waitFor();
    await page.locator('up-next').getByText(TITLE_SCRIPT).first().waitFor();
    await page.locator('announcement-banner').getByText(ANNOUNCEMENT).waitFor();
    await expectInert(page);
  });

  it('on the lobby board', async () => {
    const page = await open('/display/lobby');
    await page.locator('lobby-board').getByText(TITLE_IMG).waitFor();
    await page.locator('lobby-board').getByText(TITLE_SCRIPT).waitFor();
    await page.locator('announcement-banner').getByText(ANNOUNCEMENT).waitFor();
    await expectInert(page);
  });

  it('on the control panel: schedule, announcements and journal', async () => {
    const page = await open('/control');
    await logIn(page, server.password);
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await page.getByText(TITLE_IMG).first().waitFor();
    await page.getByText(TITLE_SCRIPT).first().waitFor();
    await expectInert(page);

    await page.getByRole('button', { name: 'Announcements & emergency' }).click();
    await page.locator('announcements-panel').getByText(ANNOUNCEMENT).waitFor();
    await expectInert(page);

    await page.getByRole('button', { name: 'Journal' }).click();
    await page.locator('journal-panel').getByText(TITLE_SCRIPT).first().waitFor();
    await expectInert(page);
  });

  it('and nothing ran anywhere: no dialog, no console error', () => {
    expect(incidents).toEqual([]);
  });
});
