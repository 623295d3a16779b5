/**
 * A cluster of real node processes (server/main.ts, as `npm start` runs it) on one Redis, behind
 * HAProxy, for the cluster tests, the benchmark and `npm run cluster`. Each node gets its own data
 * directory (its lock); with `database` they share that PostgreSQL (`--database`), staff accounts
 * and the session key included.
 *
 *   const cluster = await startCluster(dir, { database: url });
 *   cluster.nodes[1].kill('SIGKILL');  …  await cluster.stop();
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { missingPrograms, startHaproxy, startRedis, stopChild, type RunningService } from './cluster-services.ts';
import { spawnScript } from './server-process.ts';

export const CLUSTER_PASSWORD = 'cluster-test-password';

export interface ClusterNode {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything the node printed on stdout. */
  output: string;
}

export interface Cluster {
  redis: RunningService & { url: string };
  nodes: ClusterNode[];
  proxy: RunningService & { url: string };
  stop(): Promise<void>;
}

export interface ClusterOptions {
  nodes?: number;
  /** postgres://… shared by every node; without it each node keeps its own SQLite schedule. */
  database?: string | undefined;
  /** More options for every node (e.g. --clock 2024-10-14T12:55). */
  args?: string[];
  env?: Record<string, string>;
  /** Node stdout/stderr also go to this process's (npm run cluster). */
  inherit?: boolean;
}

/** What the machine lacks for a cluster, as one line; undefined when all is there. */
export function clusterPrerequisites(): string | undefined {
  const missing = missingPrograms([
    { name: 'redis-server', args: ['--version'] },
    { name: 'haproxy', args: ['-v'] },
  ]);
  if (missing.length === 0) return undefined;
  return `needs ${missing.join(' and ')} (apt-get install ${missing.join(' ')}; .ci/run installs them)`;
}

/** Starts one node on a free port and resolves once it listens (its banner names the port). */
export function startNode(dataDir: string, args: string[], options: ClusterOptions = {}): Promise<ClusterNode> {
  const child = spawnScript('server/main.ts', ['--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir, ...args], {
    env: { SIGNAGE_STAFF_PASSWORD: CLUSTER_PASSWORD, LOG_LEVEL: 'warn', ...options.env },
  });
  let output = '';
  let errors = '';
  child.stderr!.on('data', (chunk) => {
    errors += chunk;
    if (options.inherit) process.stderr.write(chunk);
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (options.inherit) process.stdout.write(chunk);
      const port = /Control panel:\s+\S+:(\d+)\/control/.exec(output)?.[1];
      if (port && /Staff password.*\n/.test(output)) {
        resolve({ child, port: Number(port), url: `http://127.0.0.1:${port}`, output });
      }
    });
    child.once('exit', (code) => reject(new Error(`node exited with ${code}: ${errors}`)));
  });
}

export async function startCluster(dir: string, options: ClusterOptions = {}): Promise<Cluster> {
  const started: Array<{ stop(): Promise<void> }> = [];
  try {
    const redis = await startRedis(dir);
    started.push(redis);
    const database = options.database ? ['--database', options.database] : [];
    // All at once, as a venue's nodes come up after a power cut: one of them seeds the empty
    // database and makes the admin, the others find them (postgres-cluster-store.test.ts).
    const starting = Array.from({ length: options.nodes ?? 2 }, (_, index) => {
      const dataDir = join(dir, `node${index + 1}`);
      mkdirSync(dataDir, { recursive: true });
      const node = startNode(dataDir, [...database, '--redis', redis.url, ...(options.args ?? [])], options);
      started.push({ stop: () => node.then((running) => stopChild(running.child)) });
      return node;
    });
    const nodes = await Promise.all(starting);
    const proxy = await startHaproxy(
      dir,
      nodes.map((node) => node.port),
    );
    started.push(proxy);
    return {
      redis,
      nodes,
      proxy,
      stop: () => stopAll(started),
    };
  } catch (error) {
    await stopAll(started);
    throw error;
  }
}

/** Proxy first, then the nodes, then Redis: nothing is left running, whatever failed. */
async function stopAll(started: Array<{ stop(): Promise<void> }>): Promise<void> {
  for (const service of [...started].reverse()) await service.stop().catch(() => undefined);
}
