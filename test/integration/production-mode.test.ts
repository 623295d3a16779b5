/**
 * `npm start` on a production install: with Vite unresolvable (as after `npm ci --omit=dev`) the
 * server starts and serves the built pages; without a build it says "run npm run build first" and
 * exits 2. A real `npm ci --omit=dev` copy would take minutes, so a resolution hook hides Vite
 * (test/support/without-vite.mjs) and a copy of the server's sources without dist/ stands for a
 * clone nobody built.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, ROOT } from '../../server/platform/vite-build.ts';
import { runScript, startServerProcess, stopProcess } from '../support/server-process.ts';

const WITHOUT_VITE = `--import ${join(ROOT, 'test/support/without-vite.mjs')}`;
const scratch = mkdtempSync(join(tmpdir(), 'signage-production-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Real processes side by side: each start is slow on a busy machine. */
const SPAWN_TIMEOUT_MS = 120_000;

// Every test runs its own process in its own folder: they run at once.
describe.concurrent('a production install', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('the hook really hides Vite', async () => {
    const probe = join(ROOT, 'test/support/without-vite.mjs');
    const { code, stdout } = await runScript(
      '-e',
      ["import('vite').then(() => console.log('loaded'), (e) => console.log(e.code))"],
      { env: { NODE_OPTIONS: `--import ${probe}` }, withoutTsx: true },
    );
    expect([code, stdout.trim()]).toEqual([0, 'ERR_MODULE_NOT_FOUND']);
  });

  it('serves the built pages with Vite unresolvable', async () => {
    const { child, output } = await startServerProcess(
      ['--port', '0', '--host', '127.0.0.1', '--data-dir', join(scratch, 'data')],
      { env: { NODE_ENV: 'production', NODE_OPTIONS: WITHOUT_VITE, SIGNAGE_STAFF_PASSWORD: 'from-the-environment' } },
    );
    try {
      const base = /(http:\/\/127\.0\.0\.1:\d+)\/control/.exec(output)![1]!;
      const page = await fetch(`${base}/display/room/CR3`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toBe(readFileSync(join(DIST, 'display/index.html'), 'utf8'));
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      expect((await fetch(base + script!)).status).toBe(200);
      expect((await fetch(`${base}/api/schedule`)).status).toBe(200);
    } finally {
      expect(await stopProcess(child)).toBe(0);
    }
  });

  describe('a clone nobody built', () => {
    // The server's sources and the bundled programme, the installed packages, and no dist/.
    const clone = join(scratch, 'clone');
    beforeAll(() => {
      for (const part of ['server', 'shared', 'programme', 'package.json', 'tsconfig.json']) {
        cpSync(join(ROOT, part), join(clone, part), { recursive: true });
      }
      symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
    });

    it.each([
      ['NODE_ENV=production', { NODE_ENV: 'production' }],
      ['no Vite installed', { NODE_ENV: 'development', NODE_OPTIONS: WITHOUT_VITE }],
    ])('%s → "run npm run build first", exit 2, nothing created', async (_name, env) => {
      const dataDir = join(clone, 'data');
      const { code, stdout, stderr } = await runScript('server/main.ts', ['--port', '0', '--data-dir', dataDir], {
        cwd: clone,
        env,
      });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe('signage: the pages are not built: run npm run build first\n');
      expect(() => readFileSync(join(dataDir, 'signage.db'))).toThrow(/ENOENT/);
    });
  });
});
