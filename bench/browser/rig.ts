/**
 * What the browser benchmarks share: our server in its own process (the bench server, on a
 * temporary data directory), Chromium from test/support/browser.ts, and staff requests.
 */
import type { Browser } from 'playwright-core';
import type { Schedule } from '../../shared/model.ts';
import { launchChromium } from '../../test/support/browser.ts';
import { spawnBenchChild, type BenchChild } from '../lib/ipc.ts';
import { BENCH_PASSWORD, SERVER_ENV, tempDataDir } from '../lib/fixtures.ts';

export interface BrowserRig {
  url: string;
  browser: Browser;
  schedule(): Promise<Schedule>;
  /** A staff request that must succeed; answers the parsed JSON. */
  staff<T = any>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

export interface RigOptions {
  programme?: string;
  /** Venue-local ISO time; the clock is then frozen there. */
  clock?: string;
}

export async function startBrowserRig(options: RigOptions = {}): Promise<BrowserRig> {
  const data = tempDataDir();
  const args = ['--data-dir', data.path];
  if (options.programme) args.push('--programme', options.programme);
  if (options.clock) args.push('--clock', options.clock, '--speed', '0');
  const server: BenchChild<{ port: number }> = spawnBenchChild(SERVER_PATH, args, { env: SERVER_ENV });
  let browser: Browser | undefined;
  try {
    const { port } = await server.ready;
    // The full browser, as on a screen (the tests take the lighter headless shell).
    browser = await launchChromium({ headlessShell: false });
    const url = `http://127.0.0.1:${port}`;
    const login = await fetch(`${url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: BENCH_PASSWORD, name: 'bench' }),
    });
    if (login.status !== 204) throw new Error(`bench login failed: ${login.status}`);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const liveBrowser = browser;
    return {
      url,
      browser: liveBrowser,
      async schedule() {
        return (await fetch(`${url}/api/schedule`)).json() as Promise<Schedule>;
      },
      async staff(method, path, body) {
        const response = await fetch(url + path, {
          method,
          headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
        return response.json();
      },
      async close() {
        await liveBrowser.close();
        await server.stop();
        data.remove();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.stop();
    data.remove();
    throw error;
  }
}

const SERVER_PATH = 'bench/servers/signage-server.ts';
