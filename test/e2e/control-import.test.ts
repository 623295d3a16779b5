// The control panel's Import section in a real Chromium against the real server: pick a file,
// read the preview, Apply.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { closeFileContexts, sharedChromium } from '../support/shared-browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { FIXTURE, FIXTURE_CLOCK } from '../integration/fixture.ts';
import { sessionOf } from '../support/session-of.ts';
import { openSignedIn } from './control-fixture.ts';

let browser: Browser;
let server: TestServer;
let page: Page;

beforeAll(async () => {
  browser = await sharedChromium();
}, 120_000);
afterAll(async () => {
  await closeFileContexts(browser);
});

beforeEach(async () => {
  server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
  page = await openSignedIn(browser, server, 'Ann', '/control#import');
});
afterEach(async () => {
  await page.context().close();
  await server.close();
});

const CSV =
  'id,title,start,end,venue_id\nopening,Opening talk,2024-10-14T13:00,2024-10-14T13:50,CR3\nworkshop,Workshop,2024-10-14T15:00,2024-10-14T15:50,CR3\npanel,Panel,2024-10-14T13:00,2024-10-14T13:50,M7\nwebinar,Webinar,2024-10-14T13:00,2024-10-14T13:50,Online\n';

describe('<import-panel>', { timeout: 60_000 }, () => {
  it('previews the file and applies it as one revision', async () => {
    const applied = page.evaluate(
      () =>
        new Promise((resolve) =>
          document.addEventListener('import-applied', (e) => resolve((e as CustomEvent).detail)),
        ),
    );
    await page
      .getByLabel('Schedule file')
      .setInputFiles({ name: 'schedule.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    const row = page.getByRole('row', { name: /New time Workshop/ });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('14:00–14:50 → Monday 14 October 15:00–15:50');
    expect(await page.getByRole('table').locator('caption').textContent()).toMatch(
      /schedule\.csv \(csv\):\s+1 change,\s+3\s+unchanged/,
    );
    await page.getByRole('button', { name: 'Apply' }).click();
    expect(await applied).toMatchObject({ revision: 1, summary: 'Imported schedule: 1 retimed' });
    expect(await page.locator('import-panel').getByRole('status').textContent()).toContain('Applied as revision 1');
    expect(sessionOf(server.service, 'workshop')!.start).toBe('2024-10-14T15:00:00+02:00');
  });

  it('shows the conference the file names, and applying sets it with the sessions', async () => {
    const exported = (await server.request('GET', '/api/export/schedule.json')).body as {
      schedule: { conference: { title: string; acronym: string } };
    };
    exported.schedule.conference.title = 'CrimeCOP 12 side events';
    await page.getByLabel('Schedule file').setInputFiles({
      name: 'schedule.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(exported)),
    });
    const line = page.locator('import-panel .conference');
    await line.waitFor();
    expect(await line.textContent()).toMatch(/Conference: .* → “CrimeCOP 12 side events”/);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.locator('import-panel').getByRole('status').filter({ hasText: 'Applied as revision 1' }).waitFor();
    expect(server.service.schedule().conference?.title).toBe('CrimeCOP 12 side events');
  });

  it('lists the errors of a bad file by row and offers no Apply', async () => {
    await page.getByLabel('Schedule file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('id,title,start,end,venue_id\nx,,nope,2024-10-14T13:00,CR3\n'),
    });
    const alert = page.locator('import-panel').getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.locator('li').allTextContents()).toEqual([
      'Row 2: title: must not be empty',
      'Row 2: start: "nope" is not a date-time such as 2024-10-14T13:00:00+02:00',
    ]);
    expect(await page.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await alert.count()).toBe(0);
    expect(server.service.revision()).toBe(0);
  });

  it('reads the file with the options typed in, and shows a bad one beside its field', async () => {
    const zone = page.getByLabel('Time zone');
    await zone.fill('Mars/Olympus');
    await zone.press('Tab');
    const sheet = 'Session,From,Until,Day,Where\nKeynote,09:00,10:00,2024-10-15,CR3\n';
    await page
      .getByLabel('Schedule file')
      .setInputFiles({ name: 'sheet.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
    const alert = page.locator('import-panel .field-error');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toMatch(/^timezone: unknown time zone "Mars\/Olympus"/);
    expect(await zone.getAttribute('aria-invalid')).toBe('true');

    await zone.fill('UTC');
    await zone.press('Tab');
    const columns = page.getByLabel('Spreadsheet columns');
    await columns.fill('title=Session,start=From,end=Until,date=Day,room=Where');
    await columns.press('Tab');
    const row = page.getByRole('row', { name: /Keynote/ });
    await expect.poll(() => row.count()).toBe(1);
    expect(await alert.count()).toBe(0);
    // 09:00 UTC is 11:00 in Vienna.
    expect(await row.textContent()).toContain('11:00');
  });
});
