/**
 * Running the command-line programs in tests. A real child process costs about a second of tsx
 * start-up on a busy 2-core machine, so each CLI keeps a few smoke tests through `spawnCli` (the
 * real entry point: argv, exit code, pipes) and tests everything else through `runInProcess`,
 * which calls the CLI's own run function with stdout and stderr captured.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The command line that runs a TypeScript program: `node --import tsx SCRIPT ARGS`. Not the `tsx`
 * binary, which starts a second Node process to run the script (and relays signals to it).
 */
export function tsxCommand(script: string, args: string[] = []): [string, string[]] {
  return [process.execPath, ['--import', 'tsx', script, ...args]];
}

/** Runs a TypeScript program from the repository root and collects its output and exit code. */
export function spawnCli(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  return spawnProgram(...tsxCommand(script, args), env);
}

/** Runs any program from the repository root and collects its output and exit code. */
export function spawnProgram(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Calls a CLI's run function (which writes to process.stdout/stderr and returns the exit code) in this process. */
export async function runInProcess(run: () => number | Promise<number>): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await run();
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
