/**
 * Reference 1: stock socket.io. The smallest server that does what ours does on a change: on
 * POST /emit?revision=R it broadcasts `delta` with the payload the parent gave it (the size of
 * our real delta) stamped with R, using io.emit. No validation, no persistence.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { announceReady, serveParent } from '../lib/ipc.ts';
import { listenLocal, memoryAfterGc } from './common.ts';

let payload: Record<string, unknown> = {};

const httpServer = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'POST' || url.pathname !== '/emit') {
    res.writeHead(404).end();
    return;
  }
  io.emit('delta', { ...payload, revision: Number(url.searchParams.get('revision')) });
  res.writeHead(204).end();
});
const io = new Server(httpServer, { serveClient: false });
const port = await listenLocal(httpServer, 0);

serveParent({
  payload: (message: { payload: Record<string, unknown> }) => {
    payload = message.payload;
  },
  memory: () => memoryAfterGc(),
});
announceReady({ port });
