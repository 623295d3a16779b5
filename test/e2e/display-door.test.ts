/**
 * The door display through a day, on the bundled programme and a frozen simulated clock that the
 * tests move with the staff clock route: before, during and after sessions, the end of the day,
 * a device in another time zone, and the layout in landscape and portrait.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Session } from '../../shared/model.ts';
import { displayTitle } from '../../shared/title-case.ts';
import { closeFileContexts, sharedChromium } from '../support/shared-browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { bandWord, closeAll, measureLayout, openDisplay, sessionAt, setClock, staff } from './display-helpers.ts';
import { rendered } from './screen-checks.ts';

let server: TestServer;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock: '2024-10-14T12:30', speed: 0 }), sharedChromium()]);
});

// Each test's screens close with it: left open, every door and lobby keeps rendering and
// reconnecting in the background and slows the tests after it.
afterEach(() => closeAll(pages.splice(0)));

afterAll(async () => {
  await closeFileContexts(browser);
  await server?.close();
});

/** A title as the screens show it (title case for the programme's capitals). */
const shown = (session: Session) => displayTitle(session.title, 'title-case', session.organizers);

async function door(venueId: string, options: Parameters<typeof openDisplay>[2] = {}): Promise<Page> {
  const page = await openDisplay(browser, `${server.url}/display/room/${venueId}`, options);
  pages.push(page);
  return page;
}

describe('door display through the day (CR7, Monday)', () => {
  it('turns from free, to starting soon, to in session, to the end of the day', async () => {
    const first = await sessionAt(server, 'CR7', '2024-10-14T13:00');
    const second = await sessionAt(server, 'CR7', '2024-10-14T14:00');
    await setClock(server, '2024-10-14T12:30');
    const page = await door('CR7');
    const primary = page.locator('door-display .primary');

    // Before: free, with the next session and its start time.
    await expect.poll(() => bandWord(page).textContent()).toBe('Free');
    await expect(page.locator('door-display .band .detail').textContent()).resolves.toBe('until 13:00');
    await page.locator('door-display .clock time', { hasText: '12:30' }).waitFor();
    expect(await primary.locator('up-next h2').textContent()).toContain(shown(first).slice(0, 40));
    expect(await primary.locator('up-next .start').textContent()).toContain('13:00–13:50');

    // Ten minutes before: starting soon, "In 10 min".
    await setClock(server, '2024-10-14T12:50');
    await expect.poll(() => bandWord(page).textContent()).toBe('Starting soon');
    expect(await primary.locator('up-next .start').textContent()).toContain('In 10 min');

    // During: title, organisers, time range, time left; the next session beside it.
    await setClock(server, '2024-10-14T13:12');
    await expect.poll(() => bandWord(page).textContent()).toBe('In session');
    const now = page.locator('door-display now-panel');
    expect(await now.locator('h2').textContent()).toContain(shown(first).slice(0, 40));
    expect(await now.locator('.lead').textContent()).toContain(first.organizers.lead);
    expect(await now.locator('.when').textContent()).toMatch(/13:00–13:50/);
    expect(await now.locator('progress-bar [role=progressbar]').getAttribute('aria-valuenow')).toBe('76');
    expect(await now.locator('progress-bar .caption').textContent()).toBe('ends 13:50 · 38 min left');
    expect(await page.locator('door-display .secondary up-next h2').textContent()).toContain(
      shown(second).slice(0, 40),
    );

    // Back to back: at 13:50 the first has gone and the second is next.
    await setClock(server, '2024-10-14T13:50');
    await expect.poll(() => primary.locator('up-next h2').textContent()).toContain(shown(second).slice(0, 40));
    expect(await primary.locator('up-next .start').textContent()).toContain('In 10 min');

    // After the last one: an end-of-day message with the room's next session, not an empty screen.
    await setClock(server, '2024-10-14T15:00');
    await page.getByText('No more sessions in this room today').waitFor();
    expect(await bandWord(page).textContent()).toBe('Free');
    expect(await page.locator('door-display .tomorrow').textContent()).toMatch(/Next: Tuesday 15 October, \d\d:\d\d/);
  });

  it('shows Vienna times on a device set to New York', async () => {
    await setClock(server, '2024-10-14T13:12');
    const page = await door('CR3', { timezoneId: 'America/New_York' });
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
    await page.locator('door-display .clock time', { hasText: '13:12' }).waitFor();
    expect(await page.locator('door-display now-panel .when').textContent()).toContain('13:00–13:50');
    expect(await page.locator('door-display .date').textContent()).toBe('Monday 14 October');
  });

  it('shows a plenary agenda with the current item marked', async () => {
    const plenary = await sessionAt(server, 'Plenary', '2024-10-14T10:00');
    await staff(server, 'PATCH', `/api/sessions/${plenary.id}`, { currentAgendaItem: '1 (c)' });
    await setClock(server, '2024-10-14T10:30');
    const page = await door('Plenary');
    const current = page.locator('agenda-list li[aria-current]');
    await current.waitFor();
    expect(await current.textContent()).toContain('Adoption of the agenda');
  });
});

describe('door layout', () => {
  beforeAll(async () => {
    // The busiest door: a delayed session with joining details and a QR code, two announcements.
    const m2 = await sessionAt(server, 'M2', '2024-10-14T14:00');
    await staff(server, 'PATCH', `/api/sessions/${m2.id}`, {
      online: { meetingId: '123 456 7890', passcode: 'not-for-walls', url: 'https://example.org/j/1234567890' },
    });
    await staff(server, 'POST', `/api/sessions/${m2.id}/delay`, { minutes: 15 });
    await staff(server, 'POST', '/api/announcements', {
      text: 'The M-Building lifts are out of service: please use the stairs.',
      severity: 'urgent',
    });
    await staff(server, 'POST', '/api/announcements', { text: 'Coffee is served in the foyer until 15:30.' });
  });

  // One page per door, turned and resized between the sizes as a screen's own display would be
  // (a fresh page for each size cost a page load apiece).
  const doors = new Map<string, Page>();
  beforeAll(async () => {
    await setClock(server, '2024-10-14T13:58');
    for (const venueId of ['M2', 'Plenary']) {
      const page = await openDisplay(browser, `${server.url}/display/room/${venueId}`);
      await page.locator('announcement-banner p').first().waitFor();
      doors.set(venueId, page);
    }
  });
  afterAll(() => closeAll([...doors.values()]));

  for (const [width, height] of [
    [1920, 1080],
    [1080, 1920],
    [1280, 720],
    [3840, 2160],
  ] as const) {
    it(`fits ${width}×${height} without scrolling, with no text under 3% of the height`, async () => {
      for (const [venueId, page] of doors) {
        await page.setViewportSize({ width, height });
        await rendered(page);
        const layout = await measureLayout(page);
        expect(layout.viewportHeight).toBe(height);
        expect(layout.overflowX, `${venueId} horizontal overflow`).toBeLessThanOrEqual(0);
        expect(layout.overflowY, `${venueId} vertical overflow`).toBeLessThanOrEqual(0);
        expect(layout.smallestText.size, `${venueId}: "${layout.smallestText.text}"`).toBeGreaterThanOrEqual(
          0.03 * layout.viewportHeight,
        );
      }
    });
  }

  it('shows the meeting ID and a QR code, but not the passcode unless staff allow it', async () => {
    await setClock(server, '2024-10-14T14:20');
    const page = await door('M2');
    const join = page.locator('online-join');
    await join.locator('qr-code svg[role=img]').waitFor();
    const details = join.locator('dl');
    expect(await details.textContent()).toContain('123 456 7890');
    expect(await details.textContent()).not.toContain('not-for-walls');

    const m2 = await sessionAt(server, 'M2', '2024-10-14T14:15');
    await staff(server, 'PATCH', `/api/sessions/${m2.id}`, {
      // The public schedule this helper reads leaves the hidden passcode out: send it again.
      online: { ...m2.online, passcode: 'not-for-walls', showPasscode: true },
    });
    await expect.poll(() => details.textContent()).toContain('not-for-walls');
  });
});
