/**
 * npm run cluster: PostgreSQL, Redis, two nodes and HAProxy from this machine's own binaries, in a
 * temporary directory, as this user, on free ports (test/support/cluster.ts, the tests' harness).
 * Prints where everything is; Ctrl-C stops it all and removes the directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLUSTER_PASSWORD, clusterPrerequisites, startCluster } from '../test/support/cluster.ts';
import { startPostgres } from '../test/support/postgres-server.ts';

const missing = clusterPrerequisites();
if (missing) {
  process.stderr.write(`npm run cluster ${missing}\n`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'signage-cluster-'));
let postgres: Awaited<ReturnType<typeof startPostgres>> | undefined;
let cluster: Awaited<ReturnType<typeof startCluster>> | undefined;
const stop = async () => {
  await cluster?.stop();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
};
try {
  postgres = await startPostgres();
  cluster = await startCluster(dir, {
    database: postgres.url,
    args: process.argv.slice(2),
    env: { SIGNAGE_STAFF_PASSWORD: process.env.SIGNAGE_STAFF_PASSWORD ?? CLUSTER_PASSWORD, LOG_LEVEL: 'info' },
  });
} catch (error) {
  process.stderr.write(`npm run cluster: ${(error as Error).message.split('\n')[0]}\n`);
  await stop();
  process.exit(1);
}
const lines = [
  `A cluster of ${cluster.nodes.length} nodes is running (files in ${dir}).`,
  '',
  `Through HAProxy:  ${cluster.proxy.url}/control   ${cluster.proxy.url}/display/lobby`,
  ...cluster.nodes.map((node, index) => `Node ${index + 1}:          ${node.url}  (pid ${node.child.pid})`),
  `Screens without the proxy: ${cluster.proxy.url}/display/lobby?servers=${cluster.nodes.map((node) => node.url).join(',')}`,
  `PostgreSQL:       ${postgres.url}`,
  `Redis:            ${cluster.redis.url}`,
  `Staff password:   ${process.env.SIGNAGE_STAFF_PASSWORD ? 'from SIGNAGE_STAFF_PASSWORD' : CLUSTER_PASSWORD} (account: admin)`,
  '',
  'Try: kill -9 one node and watch its screens move to the other. Ctrl-C stops everything.',
];
process.stdout.write(`${lines.join('\n')}\n`);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping the cluster…\n');
    void stop().then(() => process.exit(0));
  });
}
