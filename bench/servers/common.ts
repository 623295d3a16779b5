/**
 * What the three bench servers (ours, stock socket.io, bare ws) share: the memory report the
 * bench asks for over IPC, and listening on 127.0.0.1 only.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MemoryReport {
  heapUsed: number;
  rss: number;
  external: number;
  arrayBuffers: number;
}

/** process.memoryUsage() after full garbage collections (needs node --expose-gc). */
export async function memoryAfterGc(): Promise<MemoryReport> {
  if (!globalThis.gc) throw new Error('start the server with node --expose-gc');
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    // Let finalizers and weak callbacks run between collections.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const { heapUsed, rss, external, arrayBuffers } = process.memoryUsage();
  return { heapUsed, rss, external, arrayBuffers };
}

export function listenLocal(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // node's default backlog, as server/main.ts uses: a reconnect storm meets the real queue.
    server.listen({ port, host: '127.0.0.1' }, () => resolve((server.address() as AddressInfo).port));
  });
}

/** `--name value` pairs of a bench child's argv. */
export function readOptions(argv: string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i];
    const value = argv[i + 1];
    if (!name?.startsWith('--') || value === undefined) throw new Error(`bad bench option near "${name}"`);
    options[name.slice(2)] = value;
  }
  return options;
}
