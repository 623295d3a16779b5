/**
 * The plain-JavaScript helpers of `npm test` and of measuring it (scripts/): their exit codes and
 * what they print, through real processes.
 */
import { describe, expect, it } from 'vitest';
import { spawnProgram } from '../support/cli.ts';

/** `node ARGS`: the scripts are plain JavaScript, run as npm runs them. */
const run = (args: string[]) => spawnProgram(process.execPath, args);

const SUMMARY =
  /^cpu-time: (\d+\.\d) s wall, (\d+\.\d) CPU-seconds on the machine \(\d+\.\d\d cores busy on average\)$/m;

describe.concurrent('scripts/cpu-time.mjs', () => {
  it("counts at least the command's own CPU, and exits with the command's code", async () => {
    // The command spins for a third of a second and reports the CPU it spent itself.
    const spin = `const end = Date.now() + 300; while (Date.now() < end); const u = process.cpuUsage(); console.log((u.user + u.system) / 1e6); process.exit(3)`;
    const { code, stdout, stderr } = await run(['scripts/cpu-time.mjs', process.execPath, '-e', spin]);
    expect(code).toBe(3);
    const [, wall, cpu] = SUMMARY.exec(stderr) ?? [];
    expect(wall, stderr).toBeDefined();
    // The machine's count includes the command's, to the 10 ms of a clock tick.
    expect(Number(cpu)).toBeGreaterThanOrEqual(Number(stdout.trim()) - 0.02);
    expect(Number(wall)).toBeGreaterThanOrEqual(0.3);
  });

  it('says how to use it without a command, and why when the command cannot start', async () => {
    expect(await run(['scripts/cpu-time.mjs'])).toMatchObject({
      code: 2,
      stderr: 'usage: node scripts/cpu-time.mjs COMMAND [ARGS...]\n',
    });
    const missing = await run(['scripts/cpu-time.mjs', 'no-such-command-here']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^cpu-time: cannot run no-such-command-here: .*ENOENT/);
  });
});

describe.concurrent('scripts/parallel.mjs', () => {
  it('refuses a script package.json does not have, naming it', async () => {
    expect(await run(['scripts/parallel.mjs', 'lint', 'no-such-script'])).toMatchObject({
      code: 2,
      stderr: 'parallel: no script named no-such-script in package.json\n',
    });
    expect(await run(['scripts/parallel.mjs'])).toMatchObject({
      code: 2,
      stderr: 'usage: node scripts/parallel.mjs SCRIPT...\n',
    });
  });
});
