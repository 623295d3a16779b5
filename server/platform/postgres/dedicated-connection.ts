/**
 * A connection of its own that comes back by itself: LISTEN and the leader's advisory lock
 * belong to one session, so neither can use the pool. When the connection is lost (the server
 * restarted, the network dropped), `onLost` is told and a new one is tried every retryMs.
 */
import pg from 'pg';

export interface DedicatedConnection {
  close(): Promise<void>;
}

export function dedicatedConnection(options: {
  url: string;
  retryMs: number;
  /** Runs on each new connection (LISTEN, try the lock); a throw counts as a lost connection. */
  onConnected: (client: pg.Client) => Promise<void>;
  onLost: () => void;
}): DedicatedConnection {
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  function lost(from: pg.Client): void {
    if (client !== from) return;
    client = undefined;
    from.removeAllListeners();
    from.on('error', () => undefined);
    void from.end().catch(() => undefined);
    options.onLost();
    schedule();
  }

  function schedule(): void {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, options.retryMs);
    retry.unref();
  }

  async function connect(): Promise<void> {
    if (closed) return;
    const next = new pg.Client({ connectionString: options.url, application_name: 'venue-signage' });
    client = next;
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    try {
      await next.connect();
      if (closed) return void (await next.end());
      await options.onConnected(next);
    } catch {
      lost(next);
    }
  }

  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      const current = client;
      client = undefined;
      if (current) {
        current.removeAllListeners();
        current.on('error', () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}
