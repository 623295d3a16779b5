/**
 * A server crash seen from two screens at once, a door display and the lobby board: the server
 * process is killed with SIGKILL (no goodbye to anyone) just before a session starts. Both
 * screens say they are offline, keep their clocks and turn over at 13:00 on their own. When the
 * server is started again, staff make several changes in quick succession; both screens catch up
 * without a reload, and the fleet view confirms each rendered the current revision.
 * (display-offline.test.ts covers one door through a graceful stop and an offline reboot.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Schedule } from '../../shared/model.ts';
import type { DisplayStatus } from '../../shared/protocol.ts';
import { closeFileContexts, sharedChromium } from '../support/shared-browser.ts';
import { login, request, startServerProcess, type ServerProcess } from '../integration/fault-server.ts';
import { bandWord, openDisplay } from './display-helpers.ts';

const PROGRAMME = [
  'United Nations',
  'Vienna, 14–18 October 2024',
  'PROGRAMME',
  'SIDE EVENTS',
  'MONDAY, 14 OCTOBER',
  '1–1.50 p.m.\tOUTAGE TALK Organized by Austria\tCR3',
  '1–1.50 p.m.\tOUTAGE PANEL Organized by Italy\tM7',
  '2–2.50 p.m.\tAFTERNOON WORKSHOP Organized by Peru\tCR3',
].join('\n\n');

const dataDir = mkdtempSync(join(tmpdir(), 'signage-fault-outage-'));
const programme = join(dataDir, 'programme.txt');
let server: ServerProcess | undefined;
let browser: Browser;
let pages: Page[] = [];

beforeAll(async () => {
  writeFileSync(programme, `${PROGRAMME}\n`);
  [server, browser] = await Promise.all([
    startServerProcess({ dataDir, args: ['--programme', programme, '--clock', '2024-10-14T12:50', '--speed', '0'] }),
    sharedChromium(),
  ]);
});

afterAll(async () => {
  await closeFileContexts(browser);
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

function lobbyStatus(page: Page, sessionId: string) {
  return page.locator(`lobby-board tr[data-session="${sessionId}"] td:last-child`);
}

it('door and lobby ride out a server crash and converge on the changes made after it, without reload', async () => {
  const { url, port } = server!;
  const schedule = (await request<Schedule>(url, 'GET', '/api/schedule')).body;
  const talk = schedule.sessions.find((s) => s.title === 'OUTAGE TALK')!;
  const panel = schedule.sessions.find((s) => s.title === 'OUTAGE PANEL')!;
  // Playwright's clock on both screens: once the server is dead, the test moves their clocks on
  // to 13:00 instead of waiting for it in real time.
  const door = await openDisplay(browser, `${url}/display/room/CR3`, { fakeClock: true });
  const lobby = await openDisplay(browser, `${url}/display/lobby`, { fakeClock: true });
  pages = [door, lobby];
  const errors: string[] = [];
  for (const page of pages) page.on('pageerror', (error) => errors.push(String(error)));

  // 12:59 at real speed: both screens take the new clock, then the server dies before the session
  // starts (a real minute away, however loaded the machine is).
  const cookie = await login(url);
  await request(url, 'PUT', '/api/clock', { time: '2024-10-14T12:59', speed: 1 }, cookie);
  await door.locator('door-display .clock time', { hasText: '12:59' }).waitFor();
  await lobby.locator('lobby-board .clock', { hasText: '12:59' }).waitFor();
  await server!.kill();
  expect(await bandWord(door).textContent()).toBe('Starting soon');
  expect(await lobbyStatus(lobby, talk.id).textContent()).toMatch(/In \d+ min|Starting soon/);
  for (const page of pages)
    await page.locator('offline-indicator p', { hasText: 'Offline since 12:59' }).waitFor({ timeout: 5_000 });
  for (const page of pages) await page.evaluate(() => ((window as any).sameDocument = true));

  // Alone, each screen turns over at 13:00 on its own clock, a minute on.
  for (const page of pages) await page.clock.fastForward('01:00');
  await door.locator('door-display .band .word', { hasText: 'In session' }).waitFor({ timeout: 20_000 });
  await lobbyStatus(lobby, talk.id).filter({ hasText: 'Now' }).waitFor({ timeout: 20_000 });
  await door.locator('door-display .clock time', { hasText: '13:00' }).waitFor();

  // The server comes back (same data, same port) and staff make three changes at once.
  server = await startServerProcess({ dataDir, port, args: ['--clock', '2024-10-14T13:05', '--speed', '0'] });
  const staff = await login(server.url);
  const writes = await Promise.all([
    request(server.url, 'PATCH', `/api/sessions/${talk.id}`, { title: 'Talk after the crash' }, staff),
    request(server.url, 'POST', '/api/announcements', { text: 'Welcome back, screens' }, staff),
    request(server.url, 'PATCH', `/api/sessions/${panel.id}`, { title: 'Panel after the crash' }, staff),
  ]);
  expect(writes.map((w) => w.status)).toEqual([200, 201, 200]);
  const current = Math.max(...writes.map((w) => w.body.revision));

  await door.locator('now-panel h2', { hasText: 'Talk after the crash' }).waitFor({ timeout: 20_000 });
  await lobby.getByText('Talk after the crash').waitFor({ timeout: 20_000 });
  await lobby.getByText('Panel after the crash').waitFor({ timeout: 20_000 });
  for (const page of pages) {
    await page.locator('announcement-banner', { hasText: 'Welcome back, screens' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('offline-indicator p').count()).toBe(0);
    await page.locator('door-display .clock time, lobby-board .clock', { hasText: '13:05' }).waitFor();
    expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
  }

  // Staff can see that both got it: each confirmed the current revision.
  await expect
    .poll(
      async () => {
        const { body } = await request<DisplayStatus[]>(server!.url, 'GET', '/api/displays', undefined, staff);
        return body
          .filter((d) => d.connected && d.revision === current)
          .map((d) => d.view)
          .sort();
      },
      { timeout: 10_000 },
    )
    .toEqual(['lobby', 'room']);
  expect(errors).toEqual([]);
});
