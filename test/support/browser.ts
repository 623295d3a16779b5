/**
 * The one place that decides which Chromium the browser tests and benchmarks launch:
 * CHROMIUM_PATH if set, else Debian's /usr/bin/chromium when present, else Playwright's own
 * downloaded browser (for developers who ran `npx playwright install`).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return SYSTEM_CHROMIUM.find((path) => existsSync(path));
}

/** `options.args` are added to the standard flags (e.g. host-resolver rules), not put in their place. */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const { args = [], ...rest } = options;
  return chromium.launch({
    executablePath: chromiumExecutable(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...args,
    ],
    ...rest,
  });
}
