/**
 * Reference 2: a bare `ws` server, the floor for a WebSocket broadcast in node. On
 * POST /emit?revision=R it encodes the message once — the same text a socket.io `delta` packet on
 * /display would be — and sends that buffer to every open socket.
 */
import { createServer } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';
import { announceReady, serveParent } from '../lib/ipc.ts';
import { listenLocal, memoryAfterGc } from './common.ts';

let payload: Record<string, unknown> = {};

const httpServer = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'POST' || url.pathname !== '/emit') {
    res.writeHead(404).end();
    return;
  }
  const delta = { ...payload, revision: Number(url.searchParams.get('revision')) };
  const message = Buffer.from(`42/display,${JSON.stringify(['delta', delta])}`);
  for (const client of wss.clients) {
    if (client.readyState === WebSocket.OPEN) client.send(message, { binary: false });
  }
  res.writeHead(204).end();
});
const wss = new WebSocketServer({ server: httpServer });
const port = await listenLocal(httpServer, 0);

serveParent({
  payload: (message: { payload: Record<string, unknown> }) => {
    payload = message.payload;
  },
  memory: () => memoryAfterGc(),
});
announceReady({ port });
