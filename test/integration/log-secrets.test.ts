/**
 * Issue 17 (4): the server's log is JSON lines with levels and request ids, and no secret the
 * server was handed — a password (right or wrong), the session cookie, a meeting passcode, a
 * screen's token or pairing code, a bearer token — ever appears in it, whatever code logged it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DestinationStream } from 'pino';
import { createLogger } from '../../server/platform/logger.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import type { Client } from './clients.ts';
import { newIdentity, pairedScreen } from './fleet-helpers.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';

const PASSWORD = 'Staff-Secret-Orchid-7312';
const WRONG_PASSWORD = 'Wrong-Guess-Zebra-5521';
const PASSCODE = 'Passcode-Quokka-9904';
const BEARER = 'bearer-token-Marmot-3318';

const lines: string[] = [];
const capture: DestinationStream = { write: (line: string) => void lines.push(line) };
const logger = createLogger({ destination: capture, level: 'info' });
const records = () => lines.map((line) => JSON.parse(line) as Record<string, any>);

let server: TestServer;
let screen: Client | undefined;
const secrets: Record<string, string> = { PASSWORD, WRONG_PASSWORD, PASSCODE, BEARER };
let requestIdAnswered = '';

beforeAll(async () => {
  server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0, password: PASSWORD, logger });
  const cookie = await server.login();
  secrets.COOKIE = cookie.split('=')[1]!;

  const refused = await server.request('POST', '/api/login', { username: 'admin', password: WRONG_PASSWORD });
  expect(refused.status).toBe(401);

  const changed = await server.request(
    'PATCH',
    '/api/sessions/opening',
    { online: { meetingId: '555 123 777', passcode: PASSCODE } },
    cookie,
  );
  expect(changed.status).toBe(200);

  const identity = newIdentity('door');
  secrets.SCREEN_TOKEN = identity.token;
  const paired = await pairedScreen(server, cookie, { view: 'room', venueId: 'CR3', name: 'CR3 door' }, identity);
  screen = paired.client;
  secrets.PAIRING_CODE = paired.client.recorder.all('pairing')[0].code;

  const withBearer = await fetch(`${server.url}/api/schedule`, {
    headers: { authorization: `Bearer ${BEARER}`, 'x-request-id': 'probe-42' },
  });
  expect(withBearer.status).toBe(200);
  requestIdAnswered = withBearer.headers.get('x-request-id') ?? '';

  // Code that hands the logger a whole request-like object still leaks nothing.
  logger.info('careless caller', {
    req: { headers: { cookie, authorization: `Bearer ${BEARER}` } },
    body: { password: PASSWORD, online: { passcode: PASSCODE } },
  });
});

afterAll(async () => {
  screen?.socket.close();
  await server.close();
});

describe('the log', () => {
  it('is JSON lines with a level, a time and a message', () => {
    expect(lines.length).toBeGreaterThan(5);
    for (const record of records()) {
      expect(typeof record.level).toBe('number');
      expect(typeof record.time).toBe('number');
      expect(typeof record.msg).toBe('string');
    }
  });

  it('has one line per request with its id, route pattern and status, and echoes the id', () => {
    const patch = records().find((r) => r.msg === 'request' && r.method === 'PATCH');
    expect(patch).toMatchObject({ route: '/api/sessions/:id', path: '/api/sessions/opening', status: 200 });
    expect(patch!.reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdAnswered).toBe('probe-42');
    expect(records().find((r) => r.reqId === 'probe-42')).toMatchObject({ route: '/api/schedule', status: 200 });
  });

  it('names the account of a refused sign-in, at warning level', () => {
    const refused = records().find((r) => r.msg === 'sign-in refused');
    expect(refused).toMatchObject({ username: 'admin', level: 40 });
  });

  it('never contains a password, cookie, passcode, token or pairing code', () => {
    const text = lines.join('');
    for (const [name, secret] of Object.entries(secrets)) {
      expect(secret.length, name).toBeGreaterThan(5);
      expect(text.includes(secret), `${name} in the log`).toBe(false);
    }
    expect(records().find((r) => r.msg === 'careless caller')).toMatchObject({
      req: { headers: { cookie: '[redacted]', authorization: '[redacted]' } },
      body: { password: '[redacted]', online: { passcode: '[redacted]' } },
    });
  });
});
