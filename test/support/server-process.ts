/**
 * server/main.ts (and the other operator commands) as real processes, for tests of what a venue's
 * IT team runs: spawn through tsx like `npm start`, read what it prints, stop it with SIGTERM.
 * Node itself runs the program with tsx's loader (`node --import tsx`): the `tsx` binary would
 * put a second process in between, whose own signal handling can turn a clean stop into 143.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { vi } from 'vitest';
import { ROOT } from '../../server/platform/vite-build.ts';
import { parseConfig } from '../../server/platform/config.ts';
import { prepareDataDir } from '../../server/platform/data-dir.ts';
import { silentLogger } from '../../server/platform/logger.ts';
import { startServer, type RunningServer } from '../../server/start-server.ts';

export interface ProcessOptions {
  env?: Record<string, string>;
  /** Project folder to run in (default: this one). */
  cwd?: string;
  /** Plain node, for JavaScript that needs no TypeScript loader (tsx costs a third of a second). */
  withoutTsx?: boolean;
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env };
  delete merged.PORT;
  delete merged.SIGNAGE_STAFF_PASSWORD;
  delete merged.SIGNAGE_ADMIN_PASSWORD;
  return { ...merged, ...env };
}

export function spawnScript(script: string, args: string[], options: ProcessOptions = {}): ChildProcess {
  const loader = options.withoutTsx ? [] : ['--import', 'tsx'];
  return spawn(process.execPath, [...loader, script, ...args], {
    cwd: options.cwd ?? ROOT,
    env: childEnv(options.env ?? {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs to the end: exit code and everything printed. */
export function runScript(
  script: string,
  args: string[],
  options: ProcessOptions = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnScript(script, args, options);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Starts the server and resolves once it printed everything up to `until` (default: its password line). */
export function startServerProcess(
  args: string[],
  options: ProcessOptions & { until?: RegExp } = {},
): Promise<{ child: ChildProcess; output: string }> {
  const until = options.until ?? /Staff password.*\n/;
  const child = spawnScript('server/main.ts', args, options);
  let output = '';
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += chunk));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (until.test(output)) resolve({ child, output });
    });
    child.once('close', (code) => reject(new Error(`server exited with ${code}: ${errors}`)));
  });
}

export function stopProcess(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('close', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

/**
 * What main.ts does after its own checks, in this process: parseConfig, then startServer, with the
 * banner captured. For the outcomes a function decides (seeding, refusals of the data, the
 * password line); the tests above keep the real program for exit codes, signals and one start.
 * The data directory is not locked (the lock belongs to a process, and this one runs many tests).
 */
export async function startServerInProcess(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ server: RunningServer; output: string }> {
  const config = parseConfig(args, env);
  prepareDataDir(config.dataDir);
  let output = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
  try {
    return { server: await startServer(config, silentLogger), output };
  } finally {
    write.mockRestore();
  }
}
