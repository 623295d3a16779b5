/**
 * The one place that decides which Chromium the browser tests and benchmarks launch:
 * CHROMIUM_PATH if set, else Debian's /usr/bin/chromium-headless-shell when present (tests only),
 * else Debian's /usr/bin/chromium, else Playwright's own downloaded browser (for developers who
 * ran `npx playwright install`).
 *
 * The headless shell is the same engine and draws the same pixels (the README's screenshots do not
 * change) without the full browser around it; the browser tests spend about 40% less CPU in it.
 * The benchmarks keep the full browser, which is what a screen runs.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export interface ChromiumChoice {
  /** Take the lighter headless shell when it is installed (default true; false for the benchmarks). */
  headlessShell?: boolean;
}

export function chromiumExecutable({ headlessShell = true }: ChromiumChoice = {}): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const candidates = headlessShell ? [HEADLESS_SHELL, ...SYSTEM_CHROMIUM] : SYSTEM_CHROMIUM;
  return candidates.find((path) => existsSync(path));
}

/** `options.args` are added to the standard flags (e.g. host-resolver rules), not put in their place. */
export function launchChromium(options: LaunchOptions & ChromiumChoice = {}): Promise<Browser> {
  const { args = [], headlessShell, ...rest } = options;
  return chromium.launch({
    executablePath: chromiumExecutable({ headlessShell }),
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
