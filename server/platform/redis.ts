/**
 * The Redis connection of a node in a cluster (`--redis`): opened and proven at start, so a wrong
 * URL or a Redis that is down stops the node with one line instead of leaving it alone in the
 * cluster. Afterwards a lost connection is retried for ever: socket.io's Redis Streams adapter
 * resumes its stream where it stopped, so a short Redis outage loses no message between nodes.
 */
import { createClient } from 'redis';
import type { Logger } from './logger.ts';

export type RedisConnection = ReturnType<typeof createClient>;

/** How long the first connection may take before the node gives up. */
export const REDIS_CONNECT_MS = 5_000;
/** Longest pause between two attempts after a lost connection. */
const MAX_RETRY_MS = 2_000;

export class RedisUnreachableError extends Error {}

/** The URL without its password, for messages and logs. */
export function redactedRedisUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.href;
}

export async function connectRedis(
  url: string,
  logger: Logger,
  timeoutMs = REDIS_CONNECT_MS,
): Promise<RedisConnection> {
  let connected = false;
  const client = createClient({
    url,
    socket: {
      connectTimeout: timeoutMs,
      // Before the first connection, failing is the answer (the node must not start alone).
      reconnectStrategy: (retries) => (connected ? Math.min(100 * 2 ** retries, MAX_RETRY_MS) : false),
    },
  });
  client.on('error', (error: Error) => {
    if (connected) logger.warn('redis connection problem', { error: error.message });
  });
  client.on('ready', () => {
    if (connected) logger.info('redis connection restored');
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
    await client.ping();
  } catch (error) {
    client.destroy();
    const reason = (error as Error).message || (error as Error).name;
    throw new RedisUnreachableError(`cannot reach Redis at ${redactedRedisUrl(url)}: ${reason}`);
  } finally {
    clearTimeout(timer);
  }
  connected = true;
  return client;
}
