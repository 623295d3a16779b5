/**
 * A schedule feed for the live-feed tests: a real HTTP server on a free port that answers with
 * whatever the test's handler says (a changing CSV, a 500, an ETag and 304).
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedSource {
  /** The feed's URL on this server, at `path`. */
  url(path: string): string;
  /** Stops it at once (open connections too), as a feed that went away; closing twice is harmless. */
  close(): Promise<void>;
}

export async function serveFeed(handler: RequestListener): Promise<FeedSource> {
  const source = createServer(handler);
  await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
  const { port } = source.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => {
      source.closeAllConnections();
      return new Promise<void>((resolve) => source.close(() => resolve()));
    },
  };
}
