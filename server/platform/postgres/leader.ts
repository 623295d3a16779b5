/**
 * The cluster's leader: the node whose dedicated session holds pg_try_advisory_lock(LEADER_LOCK).
 * PostgreSQL releases the lock when that session ends, so when the leader dies (its connection
 * gone) the next node to try, within retryMs, takes over. A node that is not the leader asks
 * again every retryMs on the same session.
 */
import type pg from 'pg';
import type { Leadership } from '../leadership.ts';
import { LEADER_LOCK } from './database.ts';
import { dedicatedConnection } from './dedicated-connection.ts';

export const LEADER_RETRY_MS = 1_000;

export function electLeader(url: string, retryMs = LEADER_RETRY_MS): Leadership {
  let leader = false;
  let ask: NodeJS.Timeout | undefined;
  const listeners = new Set<(leader: boolean) => void>();

  function become(next: boolean): void {
    if (next === leader) return;
    leader = next;
    for (const listener of [...listeners]) listener(next);
  }

  async function tryLock(client: pg.Client): Promise<void> {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      LEADER_LOCK,
    ]);
    become(rows[0]!.locked);
  }

  const connection = dedicatedConnection({
    url,
    retryMs,
    async onConnected(client) {
      await tryLock(client);
      clearInterval(ask);
      // The leader only checks that its session is alive (asking again would stack the lock).
      ask = setInterval(() => {
        const check = leader ? client.query('SELECT 1') : tryLock(client);
        check.catch(() => client.emit('error', new Error('leader session lost')));
      }, retryMs);
      ask.unref();
    },
    onLost() {
      clearInterval(ask);
      become(false);
    },
  });

  return {
    isLeader: () => leader,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      clearInterval(ask);
      listeners.clear();
      leader = false;
      await connection.close();
    },
  };
}
