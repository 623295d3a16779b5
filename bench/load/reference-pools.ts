/**
 * Clients of the two reference servers: stock socket.io clients on the default namespace, and
 * bare `ws` clients that parse the same socket.io packet text our clients get. A change is a
 * POST /emit?revision=N.
 */
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { openMany } from './receipts.ts';
import { mustFetch, type Pool, type PoolOptions, type ReceiptSink } from './pool.ts';

const CONNECT_TIMEOUT_MS = 20_000;

abstract class ReferencePool<Client> implements Pool {
  protected readonly clients: Client[] = [];
  private sequence = 0;

  constructor(protected readonly options: PoolOptions) {}

  get size(): number {
    return this.clients.length;
  }

  protected abstract open(index: number, receipts: ReceiptSink): Promise<Client>;
  protected abstract closeOne(client: Client): void;

  async connect(count: number): Promise<void> {
    const from = this.clients.length;
    await openMany(from, from + count, this.options.concurrency, async (i) => {
      this.clients[i] = await this.open(i, this.options.receipts);
    });
  }

  nextTarget(): number {
    return this.sequence + 1;
  }

  async change(target: number): Promise<void> {
    this.sequence = target;
    await mustFetch(`${this.options.url}/emit?revision=${target}`, { method: 'POST' });
  }

  afterRound(): void {}

  close(): void {
    for (const client of this.clients) this.closeOne(client);
    this.clients.length = 0;
  }
}

export class SocketIoPool extends ReferencePool<Socket> {
  protected open(index: number, receipts: ReceiptSink): Promise<Socket> {
    const socket = io(this.options.url, { forceNew: true, transports: ['websocket'], reconnection: false });
    socket.on('delta', (delta: { revision: number }) => receipts.saw(index, delta.revision));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`socket.io client ${index}: no connection`)), CONNECT_TIMEOUT_MS);
      socket.once('connect', () => (clearTimeout(timer), resolve(socket)));
      socket.once('connect_error', (error) => (clearTimeout(timer), reject(error)));
    });
  }

  protected closeOne(socket: Socket): void {
    socket.close();
  }
}

export class WsPool extends ReferencePool<WebSocket> {
  protected open(index: number, receipts: ReceiptSink): Promise<WebSocket> {
    const socket = new WebSocket(this.options.url.replace(/^http/, 'ws'));
    socket.on('message', (data) => {
      // The same work a socket.io client does: find the JSON array and parse it.
      const text = data.toString();
      const packet = JSON.parse(text.slice(text.indexOf('['))) as [string, { revision: number }];
      receipts.saw(index, packet[1].revision);
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`ws client ${index}: no connection`)), CONNECT_TIMEOUT_MS);
      socket.once('open', () => (clearTimeout(timer), resolve(socket)));
      socket.once('error', (error) => (clearTimeout(timer), reject(error)));
    });
  }

  protected closeOne(socket: WebSocket): void {
    socket.terminate();
  }
}
