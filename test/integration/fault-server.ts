/**
 * The real server program (server/main.ts) as a child process, for the fault and operations
 * tests: started on 127.0.0.1 with a data directory and a known staff password, killed like a
 * crash (SIGKILL) or stopped, and started again on the same directory and port. Plus the JSON
 * requests the tests send to it. Its stdout (banner, then JSON log lines) is always drained, so
 * a chatty log never blocks the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT } from '../../server/platform/vite-build.ts';

export const FAULT_PASSWORD = 'fault-test-password';
// A start is a second or two of CPU; on a busy machine, beside other starts, it can take far longer.
const START_TIMEOUT_MS = 120_000;

export interface ServerProcess {
  url: string;
  port: number;
  dataDir: string;
  /** SIGKILL: no shutdown code runs, as in a crash or a power cut of the process. */
  kill(): Promise<void>;
  /** SIGTERM (the normal stop) or another signal; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Everything printed on stdout so far (the start banner, then the log's JSON lines). */
  output(): string;
  /** The metrics URL from the banner, when started with --metrics-port. */
  metricsUrl: string | undefined;
}

export interface ServerProcessOptions {
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** More command-line options, e.g. ['--clock', '2024-10-14T12:59', '--speed', '10']. */
  args?: string[];
  /** Options for node itself, before the program (e.g. ['--import', 'a-preload.mjs']). */
  nodeArgs?: string[];
  /** More environment variables. */
  env?: Record<string, string>;
}

function ended(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, SIGNAGE_STAFF_PASSWORD: FAULT_PASSWORD };
  delete env.PORT;
  delete env.SIGNAGE_DATA_DIR;
  const args = [
    '--port',
    String(options.port ?? 0),
    '--host',
    '127.0.0.1',
    '--data-dir',
    options.dataDir,
    ...(options.args ?? []),
  ];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'server/main.ts', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${START_TIMEOUT_MS} ms: ${errors}`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before it was ready: ${errors}`));
    });
    let started = false;
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      // Log lines keep coming once it runs: only the banner's end starts the test, once.
      if (started) return;
      // The password line is the last of what main.ts prints once it listens.
      const port = /Control panel:\s+http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1];
      if (!port || !/Staff password/.test(output)) return;
      started = true;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        url: `http://127.0.0.1:${port}`,
        port: Number(port),
        dataDir: options.dataDir,
        metricsUrl: /Metrics[^\n]*?(http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(output)?.[1],
        output: () => output,
        async kill() {
          child.kill('SIGKILL');
          await ended(child);
        },
        stop(signal: NodeJS.Signals = 'SIGTERM') {
          child.kill(signal);
          return ended(child);
        },
      });
    });
  });
}

export interface JsonResponse<T = any> {
  status: number;
  body: T;
}

export async function request<T = any>(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  cookie?: string,
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T,
  };
}

/** Logs in as staff; the Cookie header for staff requests. */
export async function login(url: string): Promise<string> {
  const response = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ password: FAULT_PASSWORD, name: 'Fault tester' }),
  });
  if (response.status !== 204) throw new Error(`login failed: ${response.status}`);
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}
