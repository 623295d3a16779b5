/**
 * Steps of the fleet browser tests: a screen in its own browser context (its own localStorage,
 * as a separate device), reading its pairing code, and pairing it from the panel's Screens section.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { newScreenContext } from './display-helpers.ts';

/** A bare /display page in a fresh context; resolves once it shows its pairing code. */
export async function openBareScreen(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
): Promise<{ screen: Page; code: string }> {
  const context = await newScreenContext(browser, { viewport: { width: 1280, height: 720 }, ...options });
  const screen = await context.newPage();
  screen.on('pageerror', (error) => console.error('screen error:', error.message));
  await screen.goto(`${url}/display`);
  return { screen, code: await pairingCode(screen) };
}

/** The code a screen shows, as staff would type it (the display puts a thin space in the middle). */
export async function pairingCode(screen: Page): Promise<string> {
  const code = screen.locator('pairing-code .code');
  await code.waitFor({ timeout: 30_000 });
  return ((await code.textContent()) ?? '').replace(/\s+/g, '');
}

export async function openScreensSection(panel: Page): Promise<void> {
  await panel.getByRole('button', { name: /^Screens/ }).click();
  await panel.getByRole('heading', { name: 'Pair a screen' }).waitFor();
}

/** Fills in and sends the "Pair a screen" form; resolves once the panel confirms. */
export async function pairFromPanel(panel: Page, code: string, shows: string, name: string): Promise<void> {
  const form = panel.locator('pair-screen-form');
  await form.getByLabel('Code shown on the screen').fill(code);
  await form.getByLabel('Shows').selectOption({ label: shows });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Pair' }).click();
  await form
    .getByRole('status')
    .filter({ hasText: `Paired: “${name}”` })
    .waitFor();
}

/** The room name a door display shows in its header. */
export function doorHeading(screen: Page) {
  return screen.locator('door-display header h1');
}
