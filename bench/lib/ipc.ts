/**
 * The bench runs every server and every load generator in its own node process and talks to them
 * over node's IPC channel (never the network, so it cannot disturb what is measured). A child
 * announces itself with { type: 'ready', ... } and then answers requests { id, type, ... } with
 * { id, result } or { id, error }. A child whose parent goes away exits at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../server/platform/vite-build.ts';

type Handler = (message: any) => unknown;

/** Child side: answer the parent's requests with these handlers. */
export function serveParent(handlers: Record<string, Handler>): void {
  if (!process.send) throw new Error('this bench process must be started by the bench (it needs an IPC channel)');
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (message: any) => {
    const handler = handlers[message?.type];
    try {
      if (!handler) throw new Error(`unknown request ${message?.type}`);
      const result = await handler(message);
      reply({ id: message.id, result });
    } catch (error) {
      reply({ id: message.id, error: (error as Error).stack ?? String(error) });
    }
  });
}

/** A parent that has gone away gets no answer (and the 'disconnect' handler ends this process). */
function reply(message: Record<string, unknown>): void {
  if (process.connected) process.send!(message);
}

/** Child side: tell the parent the process is up (with e.g. the port it listens on). */
export function announceReady(details: Record<string, unknown> = {}): void {
  reply({ type: 'ready', ...details });
}

export interface BenchChild<Ready = Record<string, unknown>> {
  process: ChildProcess;
  /** What the child said when it came up. */
  ready: Promise<Ready>;
  call<T = any>(type: string, payload?: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string | null>;
  /**
   * Ends the child and waits for it: without a signal by closing the IPC channel (the child then
   * exits normally, so --cpu-prof and the like get written), otherwise with the signal; SIGKILL
   * after `graceMs` either way.
   */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  env?: Record<string, string>;
  /** Extra node flags, e.g. --max-old-space-size=4096. */
  nodeFlags?: string[];
  readyTimeoutMs?: number;
}

/** Parent side: starts `node --expose-gc --import tsx <script> <args>` with an IPC channel. */
export function spawnBenchChild<Ready = Record<string, unknown>>(
  script: string,
  args: string[] = [],
  options: SpawnOptions = {},
): BenchChild<Ready> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', ...(options.nodeFlags ?? []), '--import', 'tsx', join(ROOT, script), ...args],
    { cwd: ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  const exited = new Promise<number | string | null>((resolve) => {
    child.once('exit', (code, signal) => {
      for (const { reject } of pending.values()) reject(new Error(`${script} exited (${code ?? signal})`));
      pending.clear();
      resolve(code ?? signal);
    });
  });
  const ready = new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} did not start within ${options.readyTimeoutMs ?? 60_000} ms`)),
      options.readyTimeoutMs ?? 60_000,
    );
    child.on('message', (message: any) => {
      if (message?.type === 'ready') {
        clearTimeout(timer);
        resolve(message as Ready);
        return;
      }
      const waiter = pending.get(message?.id);
      if (!waiter) return;
      pending.delete(message.id);
      if ('error' in message) waiter.reject(new Error(`${script}: ${message.error}`));
      else waiter.resolve(message.result);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before it was ready`));
    });
  });
  ready.catch(() => {}); // reported to whoever awaits it

  return {
    process: child,
    ready,
    exited,
    call(type, payload = {}, timeoutMs = 300_000) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${script}: no answer to "${type}" within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (value) => (clearTimeout(timer), resolve(value)),
          reject: (error) => (clearTimeout(timer), reject(error)),
        });
        child.send({ ...payload, id, type });
      });
    },
    async stop(signal, graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (signal) child.kill(signal);
      else if (child.connected) child.disconnect();
      else child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Wall-clock epoch ms with sub-millisecond resolution, comparable between bench processes. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
