/**
 * Reconnect storm: 1,000 displays are connected when the server process is killed (SIGKILL, as
 * in a crash or a power cut of the server alone) and started again on the same data directory and
 * port. The displays reconnect by themselves, with the display page's reconnection delays (or
 * socket.io-client's defaults, for reference), each sending the revision it holds. Right after the restart a staff
 * change is made; the figure is the time until every display holds it.
 */
import type { StormResult } from './load/generator.ts';
import { epochNow, spawnBenchChild } from './lib/ipc.ts';
import { BENCH_PASSWORD, SERVER_ENV, benchSession, tempDataDir } from './lib/fixtures.ts';
import { round } from './lib/stats.ts';

const SERVER = 'bench/servers/signage-server.ts';

export interface ReconnectResults extends StormResult {
  /** How long the server process took to start and listen again. */
  restartMs: number;
  /** socket.io-client reconnection delays used; empty = its defaults (1 s, doubling up to 5 s, ±50 %). */
  delays: { reconnectionDelay?: number; reconnectionDelayMax?: number };
}

export async function reconnectBenchmark(
  clients: number,
  log: (line: string) => void,
  delays: ReconnectResults['delays'] = {},
): Promise<ReconnectResults> {
  const data = tempDataDir();
  const generator = spawnBenchChild('bench/load/generator.ts', [], { nodeFlags: ['--max-old-space-size=4096'] });
  let server = spawnBenchChild<{ port: number }>(SERVER, ['--data-dir', data.path], { env: SERVER_ENV });
  try {
    const { port } = await server.ready;
    await generator.ready;
    const url = `http://127.0.0.1:${port}`;
    await generator.call('setup', {
      kind: 'signage',
      url,
      password: BENCH_PASSWORD,
      sessionId: benchSession().id,
      reconnection: true,
      ...delays,
    });
    await generator.call('connect', { count: clients });

    const killedAt = epochNow();
    await server.stop('SIGKILL');
    server = spawnBenchChild<{ port: number }>(SERVER, ['--data-dir', data.path, '--port', String(port)], {
      env: SERVER_ENV,
    });
    await server.ready;
    const readyAt = epochNow();
    const result = await generator.call<StormResult>('storm', { killedAt, readyAt, timeoutMs: 60_000 });
    const restartMs = round(readyAt - killedAt);
    log(
      `  ${clients} displays${delays.reconnectionDelayMax ? ` (reconnectionDelayMax ${delays.reconnectionDelayMax} ms)` : ''}: restart ${restartMs} ms; all current ${round(result.allCurrentAfterReadyMs)} ms after the restart` +
        (result.missed ? `; ${result.missed} never caught up` : ''),
    );
    await generator.call('close');
    return { ...result, restartMs, delays };
  } finally {
    await generator.stop();
    await server.stop();
    data.remove();
  }
}
