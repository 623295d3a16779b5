/** deploy/: the systemd units pass `systemd-analyze verify` (and a broken unit does not, so the check is real). */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/platform/vite-build.ts';

const SYSTEMD_ANALYZE = '/usr/bin/systemd-analyze';
const DEPLOY = join(ROOT, 'deploy');
const scratch = mkdtempSync(join(tmpdir(), 'signage-deploy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function verify(file: string): Promise<{ ok: boolean; output: string }> {
  if (!existsSync(SYSTEMD_ANALYZE)) {
    throw new Error(
      `${SYSTEMD_ANALYZE} is missing: install the "systemd" package (apt-get install systemd) to check deploy/`,
    );
  }
  try {
    const { stdout, stderr } = await promisify(execFile)(SYSTEMD_ANALYZE, ['verify', '--man=no', file]);
    return { ok: stderr.trim() === '', output: stdout + stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

const units = readdirSync(DEPLOY).filter((name) => name.endsWith('.service') || name.endsWith('.timer'));

describe('deploy/ units', () => {
  it('has the server unit, the kiosk unit and its nightly reload', () => {
    expect(units).toEqual(
      expect.arrayContaining(['venue-signage.service', 'signage-kiosk.service', 'signage-kiosk-reload.timer']),
    );
  });

  it.each(units)('%s passes systemd-analyze verify', async (unit) => {
    expect(await verify(join(DEPLOY, unit))).toEqual({ ok: true, output: '' });
  });

  it('a unit with a typo fails the same check', async () => {
    const broken = join(scratch, 'broken.service');
    writeFileSync(broken, '[Service]\nExecStart=/usr/bin/true\nRestartt=always\n');
    const result = await verify(broken);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Restartt/);
  });
});
