/**
 * The reason TLS is built in: on a venue name over HTTPS (a secure context, not localhost), a door
 * display installs its service worker, and after the server stops a reload still brings up the
 * schedule from the worker's cache and the screen's storage.
 *
 * Chromium trusts the server certificate through --ignore-certificate-errors-spki-list (the hash of
 * the server's public key, as `npm run venue-cert` prints it): with it the certificate verifier
 * reports the connection as valid, so the page is a secure context exactly as with the venue CA
 * installed. --host-resolver-rules maps the venue name to this machine.
 */
import { createPublicKey } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spkiHash } from '../../server/platform/tls/tls-files.ts';
import { launchChromium } from '../support/browser.ts';
import { startServerProcess, stopProcess } from '../support/server-process.ts';
import { writeVenueCert, type VenueCertFiles } from '../support/venue-cert-files.ts';
import { closeAll, openDisplay, wholeShellCached } from './display-helpers.ts';

const HOST = 'signage.venue.test';
let certs: VenueCertFiles;
let scratch: string;
let server: ChildProcess | undefined;
let port: number;
let browser: Browser;
let page: Page | undefined;

beforeAll(async () => {
  certs = writeVenueCert([HOST]);
  scratch = mkdtempSync(join(tmpdir(), 'signage-https-e2e-'));
  const started = startServerProcess([
    ...['--port', '0', '--host', '127.0.0.1', '--data-dir', join(scratch, 'data')],
    ...['--clock', '2024-10-14T13:05', '--speed', '0'],
    ...['--tls-cert', certs.cert, '--tls-key', certs.key],
  ]);
  const trusted = spkiHash(createPublicKey(readFileSync(certs.key)));
  [{ child: server }, browser] = await Promise.all([
    started.then((s) => {
      port = Number(/https:\/\/127\.0\.0\.1:(\d+)\/control/.exec(s.output)![1]);
      return s;
    }),
    launchChromium({
      args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`, `--ignore-certificate-errors-spki-list=${trusted}`],
    }),
  ]);
});

afterAll(async () => {
  if (page) await closeAll([page]);
  await browser?.close();
  if (server) await stopProcess(server);
  rmSync(scratch, { recursive: true, force: true });
  rmSync(certs.dir, { recursive: true, force: true });
});

it('a door display on https://signage.venue.test cold-starts from its service worker while the server is down', async () => {
  page = await openDisplay(browser, `https://${HOST}:${port}/display/room/CR3`, { serviceWorkers: 'allow' });
  expect(await page.evaluate(() => [location.protocol, location.hostname, isSecureContext])).toEqual([
    'https:',
    HOST,
    true,
  ]);
  await expect.poll(() => wholeShellCached(page!), { timeout: 20_000 }).toBe(true);
  const title = (await page.locator('now-panel h2').textContent())?.trim();
  expect(title).toBeTruthy();

  expect(await stopProcess(server!)).toBe(0);
  server = undefined;
  await page.reload();
  await page.locator('door-display header').waitFor({ timeout: 20_000 });
  await page.locator('offline-indicator p', { hasText: 'Offline since' }).waitFor({ timeout: 20_000 });
  expect((await page.locator('now-panel h2').textContent())?.trim()).toBe(title);
});
