/**
 * `node scripts/parallel.mjs lint typecheck`: runs those package.json scripts at the same time and
 * fails when any of them fails. `npm test` checks before it tests; ESLint with Prettier and tsc are
 * each mostly one thread, so on a 2-core machine together they take about as long as the longer
 * one instead of the sum (the README's Development section has the numbers).
 *
 * Each script's output is held back and printed whole when it ends, so two logs never interleave.
 * Plain JavaScript: Node runs it without tsx's start-up.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const names = process.argv.slice(2);
const unknown = names.filter((name) => typeof scripts[name] !== 'string');
if (names.length === 0 || unknown.length > 0) {
  process.stderr.write(
    names.length === 0
      ? 'usage: node scripts/parallel.mjs SCRIPT...\n'
      : `parallel: no script named ${unknown.join(', ')} in package.json\n`,
  );
  process.exit(2);
}

// What `npm run` gives a script: the project's binaries first on the PATH.
const env = { ...process.env, PATH: [join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter) };

function run(name) {
  const started = performance.now();
  const child = spawn(scripts[name], { cwd: root, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code, signal) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const outcome = code === 0 ? 'passed' : `failed (${signal ?? `exit ${code}`})`;
      process.stdout.write(`\n> ${name}: ${scripts[name]}\n`);
      process.stdout.write(Buffer.concat(output));
      process.stdout.write(`> ${name} ${outcome} in ${seconds} s\n`);
      resolve(code === 0);
    });
  });
}

const passed = await Promise.all(names.map(run));
process.exitCode = passed.every(Boolean) ? 0 : 1;
