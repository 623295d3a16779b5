/**
 * Rendering one change on a lobby board of 80 sessions (20 rooms × 4 slots on one day, clock
 * frozen before the first): from the delta's arrival at the page to the updated DOM, script
 * alone and with style and layout. The change retitles a session on the page the board shows at
 * that moment, and each measurement checks the new title is on screen.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarize, type Summary } from '../lib/stats.ts';
import { syntheticUnProgramme } from '../lib/synthetic-programme.ts';
import { tempDataDir } from '../lib/fixtures.ts';
import { updateProbe } from './probe.ts';
import { startBrowserRig } from './rig.ts';

export interface LobbyUpdateResults {
  sessions: number;
  updates: number;
  scriptMs: Summary;
  withLayoutMs: Summary;
}

const UPDATES = 40;

export async function lobbyUpdateBenchmark(log: (line: string) => void): Promise<LobbyUpdateResults> {
  const folder = tempDataDir();
  const programme = join(folder.path, 'lobby-80.txt');
  writeFileSync(
    programme,
    syntheticUnProgramme({ firstDay: '2024-10-14', days: 1, rooms: 20, slotsPerDay: 4, slotStep: 60, length: 50 }),
  );
  const rig = await startBrowserRig({ programme, clock: '2024-10-14T08:30' });
  try {
    const sessions = (await rig.schedule()).sessions;
    if (sessions.length !== 80) throw new Error(`the lobby programme has ${sessions.length} sessions, expected 80`);
    const context = await rig.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.addInitScript(updateProbe());
    await page.goto(`${rig.url}/display/lobby`);
    // __deepText comes with the probe.
    await page.waitForFunction(() => (window as any).__deepText(document.body).includes('SESSION'), undefined, {
      timeout: 30_000,
    });
    await page.waitForFunction(() => (window as any).__benchUpgraded === true, undefined, { timeout: 30_000 });

    const script: number[] = [];
    const withLayout: number[] = [];
    for (let k = 1; k <= UPDATES; k++) {
      // A session whose row is on the page shown right now (the board turns pages every few seconds).
      const onScreen: string = await page.evaluate(() => (window as any).__deepText(document.body));
      const target = sessions.find((s) => onScreen.includes(s.title.slice(0, 24)));
      if (!target) throw new Error('no session of the programme is on the lobby board');
      const title = `${target.title.slice(0, 24)} lobby update ${String(k).padStart(3, '0')}`;
      target.title = title;
      await page.evaluate((text) => (window as any).__benchWatch(text), title);
      await rig.staff('PATCH', `/api/sessions/${encodeURIComponent(target.id)}`, { title });
      const result: { script: number; layout: number; shown: boolean } = await page.evaluate(() =>
        (window as any).__benchResult(),
      );
      if (!result.shown) throw new Error(`update ${k}: "${title}" arrived but is not on the board`);
      script.push(result.script);
      withLayout.push(result.layout);
    }
    await context.close();
    const results = {
      sessions: sessions.length,
      updates: UPDATES,
      scriptMs: summarize(script),
      withLayoutMs: summarize(withLayout),
    };
    log(
      `  lobby of 80 sessions: update p50 ${results.withLayoutMs.p50} ms, max ${results.withLayoutMs.max} ms (script + layout)`,
    );
    return results;
  } finally {
    await rig.close();
    folder.remove();
  }
}
