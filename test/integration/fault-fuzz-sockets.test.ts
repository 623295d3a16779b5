/**
 * Hostile input on the live channels: /display handshakes with junk auth objects and, once in,
 * junk in every event a display may send; /control without a staff session (junk auth, junk
 * cookies) is always refused; raw socket.io frames that are not socket.io at all. The server
 * never falls over and the schedule and its revision never move.
 */
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';
import { FIELD_KEYS, HOSTILE_STRINGS, hostileValue } from './fault-payloads.ts';

const RUNS = 50;
const WAIT_MS = 5_000;

let server: TestServer;
let baseline: unknown;

beforeAll(async () => {
  server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
  baseline = (await server.request('GET', '/api/schedule')).body;
});
afterAll(() => server?.close());

async function scheduleUnchanged(context: string): Promise<void> {
  const { status, body } = await server.request('GET', '/api/schedule');
  expect(status, context).toBe(200);
  expect(body, context).toEqual(baseline);
}

/**
 * Connects and resolves with the socket, or with the refusal: a middleware's error, or the
 * connection closed on a handshake socket.io itself cannot parse (an auth that is not an object).
 */
function attempt(namespace: string, options: Parameters<typeof io>[1]): Promise<{ socket: Socket; refused?: Error }> {
  const socket = io(`${server.url}${namespace}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...options,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${namespace}: neither admitted nor refused within ${WAIT_MS} ms`)),
      WAIT_MS,
    );
    const refuse = (refused: Error) => (clearTimeout(timer), resolve({ socket, refused }));
    socket.once('connect', () => (clearTimeout(timer), resolve({ socket })));
    socket.once('connect_error', refuse);
    socket.once('disconnect', (reason) => refuse(new Error(`closed: ${reason}`)));
  });
}

const VALID_AUTH: Record<string, unknown> = {
  view: 'room',
  venueId: 'CR3',
  displayId: 'fuzz-door',
  token: 'a-valid-looking-token-0123456789',
  revision: 0,
  screen: { width: 1920, height: 1080, orientation: 'landscape' },
};
const AUTH_KEYS = [...Object.keys(VALID_AUTH), 'name', 'preview', ...FIELD_KEYS];
const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 30 }));
/** A display handshake: a valid one with up to three fields spoiled, or any junk at all. */
const displayAuth = fc.oneof(
  fc
    .array(fc.tuple(fc.constantFrom(...AUTH_KEYS), fc.oneof(hostileString, hostileValue)), { maxLength: 3 })
    .map((spoiled) => ({ ...VALID_AUTH, ...Object.fromEntries(spoiled) })),
  hostileValue,
  fc.dictionary(fc.constantFrom(...FIELD_KEYS), hostileValue, { maxKeys: 5 }),
);

describe('hostile sockets', () => {
  it('/display: junk handshakes and junk events never change the schedule', async () => {
    let admitted = 0;
    await fc.assert(
      fc.asyncProperty(
        displayAuth,
        fc.array(
          fc.tuple(
            fc.constantFrom('rendered', 'resync', 'status', 'time:sync', 'delta', 'snapshot', 'x'),
            hostileValue,
          ),
          { maxLength: 6 },
        ),
        async (auth, events) => {
          const { socket, refused } = await attempt('/display', { auth: auth as Record<string, unknown> });
          try {
            if (!refused) {
              admitted++;
              for (const [name, payload] of events) socket.emit(name, payload);
              // Events on one socket are handled in order: this answer comes after all of the above.
              const serverNow = await socket.timeout(WAIT_MS).emitWithAck('time:sync');
              expect(typeof serverNow).toBe('number');
            }
          } finally {
            socket.close();
          }
          await scheduleUnchanged(`auth ${JSON.stringify(auth)}, events ${JSON.stringify(events)}`);
        },
      ),
      { numRuns: RUNS },
    );
    // Some junk is a perfectly valid handshake (the view is all a display must give).
    expect(admitted).toBeGreaterThan(0);
  }, 60_000);

  it('/control without a staff session is always refused', async () => {
    const name = server.auth.cookieName(false);
    const cookie = fc.oneof(
      fc.constant(`${name}=forged.token.value`),
      fc.string({ unit: 'grapheme-ascii', maxLength: 60 }).map((junk) => `${name}=${junk.replace(/[;\s]/g, '')}`),
      fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.option(cookie), hostileValue, async (cookieHeader, auth) => {
        const options = cookieHeader === null ? {} : { extraHeaders: { cookie: cookieHeader } };
        const { socket, refused } = await attempt('/control', {
          ...options,
          auth: (auth ?? {}) as Record<string, unknown>,
        });
        socket.close();
        const context = `cookie ${cookieHeader}, auth ${JSON.stringify(auth)}`;
        expect(refused, context).toBeDefined();
        // An auth that is not an object never gets as far as the staff door: socket.io closes the link.
        const isObject = typeof auth === 'object' && auth !== null && !Array.isArray(auth);
        if (isObject) expect(refused!.message, context).toBe('staff login required');
      }),
      { numRuns: RUNS },
    );
    await scheduleUnchanged('after the /control attempts');
  }, 60_000);

  it('raw frames that are not socket.io are shrugged off', async () => {
    const frame = fc.oneof(
      fc.string({ maxLength: 50 }),
      hostileValue.map((value) => `42/display,${JSON.stringify(value) ?? ''}`),
      hostileValue.map((value) => `40/display,${JSON.stringify(value) ?? ''}`),
      fc.constantFrom(
        '4',
        '42',
        '42/display,["rendered"',
        '2probe',
        '9',
        '40/../etc,{}',
        `42/display,${'['.repeat(10_000)}`,
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 5 }), async (frames) => {
        const ws = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
        await new Promise<void>((resolve, reject) => {
          ws.once('open', () => resolve());
          ws.once('error', reject);
        });
        const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
        for (const text of frames) ws.send(text);
        ws.close();
        await closed;
        await scheduleUnchanged(`frames ${JSON.stringify(frames).slice(0, 300)}`);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);
});
