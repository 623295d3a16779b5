/**
 * The services a cluster needs, started from the machine's own binaries (Debian's `redis-server`
 * and `haproxy`) as the current user, on free ports, with their files in a directory the caller
 * owns and removes. Used by the cluster tests and by `npm run cluster` (scripts/cluster.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../../server/platform/vite-build.ts';

export interface RunningService {
  child: ChildProcess;
  stop(): Promise<void>;
}

const START_MS = 10_000;

/** A port nobody listens on right now (the OS picks it; the caller binds it soon after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Debian installs haproxy in /usr/sbin, which an ordinary user's PATH often lacks. */
export function programPath(name: string): string {
  if (spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0) return name;
  const inSbin = `/usr/sbin/${name}`;
  return existsSync(inSbin) ? inSbin : name;
}

/** Which of these programs are not installed (checked by running them, not by guessing paths). */
export function missingPrograms(programs: Array<{ name: string; args: string[] }>): string[] {
  return programs
    .filter(({ name, args }) => spawnSync(programPath(name), args, { stdio: 'ignore' }).status !== 0)
    .map(({ name }) => name);
}

/** Resolves once something accepts TCP connections on the port. */
export async function waitForPort(port: number, child: ChildProcess, what: string): Promise<void> {
  const deadline = Date.now() + START_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50)); // polling a port: there is no event to await
  }
  throw new Error(`${what} did not listen on port ${port} within ${START_MS / 1000} s`);
}

/** Ends the process and waits for it (SIGTERM, then SIGKILL after 5 s). */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function started(child: ChildProcess): RunningService {
  return { child, stop: () => stopChild(child) };
}

/** Lines of the reference config that need root, a system log or a raised file limit: left out for an unprivileged run. */
const PRIVILEGED = /^\s*(user|group|chroot|daemon|log|maxconn)\b.*$/gm;

/**
 * deploy/haproxy.cfg itself, run as an ordinary user: the frontend bound to `listen`, the backend's
 * servers replaced by these nodes (same options), no root-only lines.
 */
export function haproxyConfig(listen: string, nodes: string[]): string {
  const reference = readFileSync(join(ROOT, 'deploy/haproxy.cfg'), 'utf8');
  const servers = nodes.map((address, index) => `    server node${index + 1} ${address} check cookie node${index + 1}`);
  return (
    reference
      .replace(PRIVILEGED, '')
      .replace(/^(\s*)bind \S+/m, `$1bind ${listen}`)
      .replace(/^\s*server .*$\n?/gm, '')
      .trimEnd() +
    '\n' +
    servers.join('\n') +
    '\n'
  );
}

/** redis-server with its own config file: loopback only, no persistence (the stream is transient). */
export async function startRedis(dir: string): Promise<RunningService & { url: string; port: number }> {
  const port = await freePort();
  const configFile = join(dir, 'redis.conf');
  writeFileSync(
    configFile,
    [
      `port ${port}`,
      'bind 127.0.0.1',
      `dir ${dir}`,
      'save ""',
      'appendonly no',
      'daemonize no',
      'loglevel warning',
      `logfile ${join(dir, 'redis.log')}`,
    ].join('\n') + '\n',
  );
  const child = spawn(programPath('redis-server'), [configFile], { stdio: 'ignore' });
  await waitForPort(port, child, 'redis-server');
  return { ...started(child), url: `redis://127.0.0.1:${port}`, port };
}

/** haproxy -f on a generated config (deploy/haproxy-config.ts) in front of these node ports. */
export async function startHaproxy(
  dir: string,
  nodePorts: number[],
): Promise<RunningService & { url: string; port: number }> {
  const port = await freePort();
  const configFile = join(dir, 'haproxy.cfg');
  writeFileSync(
    configFile,
    haproxyConfig(
      `127.0.0.1:${port}`,
      nodePorts.map((nodePort) => `127.0.0.1:${nodePort}`),
    ),
  );
  const check = spawnSync(programPath('haproxy'), ['-c', '-q', '-f', configFile], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`haproxy refused its config: ${check.stderr || check.stdout}`);
  const child = spawn(programPath('haproxy'), ['-db', '-f', configFile], { stdio: 'ignore' });
  await waitForPort(port, child, 'haproxy');
  return { ...started(child), url: `http://127.0.0.1:${port}`, port };
}
