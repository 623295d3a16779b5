/**
 * Issue 14 (8): malformed input is the client's fault and answers 4xx with a message, never a 500
 * with a stack trace in the log: bad percent-encoding in a path, a body that is not what its
 * Content-Encoding says, and hostile values in an imported schedule file.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';

let server: TestServer;
let cookie: string;
const logged: string[] = [];

beforeAll(async () => {
  server = await startTestServer({
    programme: FIXTURE,
    clock: FIXTURE_CLOCK,
    speed: 0,
    logger: { info: () => {}, warn: () => {}, error: (message, error) => logged.push(`${message} ${String(error)}`) },
  });
  cookie = await server.login();
});
afterAll(() => server.close());

/** A raw request: fetch would normalise the path and refuse a lying Content-Encoding. */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('malformed requests answer 400, without a stack trace in the log', () => {
  it.each([
    ['GET', '/api/venues/%ZZ/calendar.ics'],
    ['GET', '/display/room/%E0%A4%A'],
    ['GET', '/api/sessions/%E0%A4%A'],
  ])('%s %s', async (method, path) => {
    const answer = await raw(method, path, { cookie });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/percent|encod/i);
    expect(logged).toEqual([]);
  });

  it('POST /api/login with Content-Encoding: gzip and a plain body', async () => {
    const answer = await raw(
      'POST',
      '/api/login',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      '{"password":"x"}',
    );
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error).toMatch(/encod/i);
    expect(logged).toEqual([]);
  });
});

describe('hostile values in an imported c3voc file answer 400', () => {
  const event = (title: unknown) => ({
    guid: 'g1',
    id: 1,
    title,
    date: '2024-10-14T13:00:00+02:00',
    duration: '00:50',
    room: 'CR3',
  });
  const c3voc = (rooms: unknown) =>
    JSON.stringify({
      schedule: {
        version: '1',
        conference: { time_zone_name: 'Europe/Vienna', days: [{ date: '2024-10-14', rooms }] },
      },
    });
  const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it.each([
    ['a title {"toString":1}', c3voc({ CR3: [event({ toString: 1 })] })],
    ['a title {"valueOf":{},"toString":{}}', c3voc({ CR3: [event({ valueOf: {}, toString: {} })] })],
    ['200k-deep arrays as the rooms', c3voc({ CR3: [] }).replace('{"CR3":[]}', deep(200_000))],
    ['200k-deep arrays as the document', deep(200_000)],
    ['200k-deep arrays as an event', c3voc({ CR3: [] }).replace('"CR3":[]', `"CR3":${deep(200_000)}`)],
  ])('%s', async (_name, text) => {
    const answer = await server.request('POST', '/api/import/preview', { text }, cookie);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual(expect.any(String));
    expect(logged).toEqual([]);
    expect(server.service.revision()).toBe(0);
  });
});
