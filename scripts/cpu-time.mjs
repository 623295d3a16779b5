/**
 * `node scripts/cpu-time.mjs COMMAND [ARGS...]`: runs the command and prints its wall time and the
 * CPU-seconds the whole machine spent meanwhile (Linux /proc/stat: user, nice, system, irq,
 * softirq), e.g. `node scripts/cpu-time.mjs npm test`.
 *
 * Why not `/usr/bin/time`: it counts only the processes the command waits for, and Chromium's
 * renderers are forked by its zygote and reaped where time never sees them; on this suite it
 * reported 258 CPU-seconds where the machine spent about 340. On an otherwise idle machine the
 * machine's count is the suite's.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/stat: 100 on every Linux this runs on (USER_HZ). */
const TICKS_PER_SECOND = 100;

function busyTicks() {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const [user, nice, system, , , irq, softirq] = cpu.trim().split(/\s+/).slice(1).map(Number);
  return user + nice + system + irq + softirq;
}

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: node scripts/cpu-time.mjs COMMAND [ARGS...]\n');
  process.exit(2);
}
const startedAt = performance.now();
const busyBefore = busyTicks();
const child = spawn(command, args, { stdio: 'inherit' });
child.on('error', (error) => {
  process.stderr.write(`cpu-time: cannot run ${command}: ${error.message}\n`);
  process.exit(2);
});
child.on('close', (code, signal) => {
  const wall = (performance.now() - startedAt) / 1000;
  const cpu = (busyTicks() - busyBefore) / TICKS_PER_SECOND;
  process.stderr.write(
    `cpu-time: ${wall.toFixed(1)} s wall, ${cpu.toFixed(1)} CPU-seconds on the machine (${(cpu / wall).toFixed(2)} cores busy on average)\n`,
  );
  process.exit(code ?? (signal ? 1 : 0));
});
