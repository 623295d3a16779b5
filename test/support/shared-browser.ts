/**
 * One Chromium per test worker instead of one per file. Vitest runs a worker's files one after the
 * other and, with `isolate: false`, keeps this module loaded between them, so the browser launched
 * for the first file serves the next ones; each file opens its own contexts (a context is a fresh
 * device: its own cookies, storage and cache) and closes them when it ends with
 * `closeFileContexts`, never the browser itself.
 *
 * The launched browser is this module's one piece of state kept between files, and it is
 * deliberate: it holds no application state, only the engine. A file that crashes it does not
 * take the files after it down: a disconnected browser is forgotten and the next call launches a
 * new one. Vitest ends a worker with SIGTERM (and SIGKILL half a second later); the browser is
 * closed then and waited for, so that it neither outlives the worker nor leaves its CPU time
 * uncounted (a Chromium that a slow close leaves behind quits when its DevTools pipe closes).
 *
 * Files that need their own launch flags (host-resolver rules, certificate pins) still call
 * `launchChromium` and close what they launched.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';

let launched: Promise<Browser> | undefined;

/** The worker's Chromium, launched on first use or after the last one disconnected. */
export async function sharedChromium(): Promise<Browser> {
  const current = launched;
  if (current) {
    const browser = await current.catch(() => undefined);
    if (browser?.isConnected()) return browser;
    if (launched === current) launched = undefined;
  }
  if (!launched) {
    closeAtWorkerEnd();
    const pending = launchChromium({ handleSIGTERM: false }).then((browser) => {
      browser.once('disconnected', () => {
        if (launched === pending) launched = undefined;
      });
      return browser;
    });
    // A launch that failed is not kept: the next file tries again.
    pending.catch(() => {
      if (launched === pending) launched = undefined;
    });
    launched = pending;
  }
  return launched;
}

/**
 * Closes every context of the shared browser: at the end of a file they are all that file's (a
 * worker runs one file at a time), including any a failing test left open.
 */
export async function closeFileContexts(browser: Browser | undefined): Promise<void> {
  if (!browser?.isConnected()) return;
  await Promise.all(browser.contexts().map((context) => context.close()));
}

/** Within vitest's half second between SIGTERM and SIGKILL. */
const CLOSE_BUDGET_MS = 300;

function closeAtWorkerEnd(): void {
  if (process.listeners('SIGTERM').includes(closeAndExit)) return;
  process.once('SIGTERM', closeAndExit);
}

function closeAndExit(): void {
  const closing = launched?.then((browser) => browser.close()).catch(() => undefined);
  const budget = new Promise((resolve) => setTimeout(resolve, CLOSE_BUDGET_MS).unref());
  // Vitest replaces process.exit in its workers; with this listener gone (`once`), the signal again
  // ends the process the default way.
  void Promise.race([closing, budget]).finally(() => process.kill(process.pid, 'SIGTERM'));
}
