/**
 * socket.io clients for the integration tests, with a recorder that keeps every event in order
 * and lets a test await the one it expects (never sleep).
 */
import { io, type Socket } from 'socket.io-client';
import type { DisplayHandshake } from '../../shared/protocol.ts';

const WAIT_MS = 10_000;

export interface RecordedEvent {
  name: string;
  payload: any;
}

export class Recorder {
  readonly events: RecordedEvent[] = [];
  private waiters: Array<{ name: string; test: (payload: any) => boolean; resolve: (payload: any) => void }> = [];

  constructor(socket: Socket) {
    socket.onAny((name: string, payload: unknown) => {
      this.events.push({ name, payload });
      this.waiters = this.waiters.filter((waiter) => {
        if (waiter.name !== name || !waiter.test(payload)) return true;
        waiter.resolve(payload);
        return false;
      });
    });
  }

  /** Payloads of every event of this name received so far. */
  all(name: string): any[] {
    return this.events.filter((event) => event.name === name).map((event) => event.payload);
  }

  /** The first event of this name (received before or after the call) that passes the test. */
  waitFor<T = any>(name: string, test: (payload: T) => boolean = () => true): Promise<T> {
    const seen = this.events.find((event) => event.name === name && test(event.payload));
    if (seen) return Promise.resolve(seen.payload);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no "${name}" event matching the test within ${WAIT_MS} ms`)),
        WAIT_MS,
      );
      this.waiters.push({
        name,
        test,
        resolve: (payload) => {
          clearTimeout(timer);
          resolve(payload);
        },
      });
    });
  }

  /** Waits for an event with a revision at or above this one (delta or snapshot). */
  waitForRevision(revision: number): Promise<any> {
    return Promise.race([
      this.waitFor('delta', (delta: any) => delta.revision >= revision),
      this.waitFor('snapshot', (schedule: any) => schedule.revision >= revision),
    ]);
  }
}

export interface Client {
  socket: Socket;
  recorder: Recorder;
}

function open(url: string, options: Parameters<typeof io>[1]): Promise<Client> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...options });
  const recorder = new Recorder(socket);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no connection to ${url} within ${WAIT_MS} ms`)), WAIT_MS);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve({ socket, recorder });
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      socket.close();
      reject(error);
    });
  });
}

/** `headers`: extra handshake headers, e.g. the X-Forwarded-For a proxy in front would add. */
export function connectDisplay(
  baseUrl: string,
  auth: DisplayHandshake | Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<Client> {
  return open(`${baseUrl}/display`, {
    auth: auth as Record<string, unknown>,
    ...(headers && { extraHeaders: headers }),
  });
}

export function connectControl(baseUrl: string, cookie?: string, auth?: Record<string, unknown>): Promise<Client> {
  return open(`${baseUrl}/control`, { ...(cookie ? { extraHeaders: { cookie } } : {}), ...(auth ? { auth } : {}) });
}

/** Resolves with the error of a connection the server refuses. */
export async function refusedConnection(promise: Promise<Client>): Promise<Error> {
  try {
    const { socket } = await promise;
    socket.close();
  } catch (error) {
    return error as Error;
  }
  throw new Error('the server accepted a connection it should have refused');
}
