/**
 * Issue 14 (3): the /control socket checks Origin and Sec-Fetch-Site as the HTTP door does. A page
 * on another port of the same host is the same site, so the browser sends the SameSite cookie;
 * such a page must get no staff snapshot, over WebSocket or over polling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../support/server.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
  cookie = await server.login();
});
afterAll(() => server.close());

/** The engine.io frames a raw WebSocket gets after it asks for /control, up to the namespace's answer. */
function controlOverWebSocket(headers: Record<string, string>): Promise<string> {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, { headers });
  return new Promise((resolve, reject) => {
    socket.on('error', reject);
    socket.on('message', (data) => {
      const frame = String(data);
      if (frame.startsWith('0{')) socket.send('40/control,');
      // 40/control,{sid} = admitted (a snapshot follows); 44/control,{message} = refused.
      if (frame.startsWith('40/control,') || frame.startsWith('44/control,')) {
        socket.close();
        resolve(frame);
      }
    });
  });
}

async function controlOverPolling(headers: Record<string, string>): Promise<string> {
  const base = `${server.url}/socket.io/?EIO=4&transport=polling`;
  const open = await (await fetch(base, { headers })).text();
  const { sid } = JSON.parse(open.slice(1)) as { sid: string };
  await fetch(`${base}&sid=${sid}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/plain' },
    body: '40/control,',
  });
  return (await fetch(`${base}&sid=${sid}`, { headers })).text();
}

describe('/control refuses another origin', () => {
  const otherPort = () => `http://127.0.0.1:${server.port + 1}`;

  it('a cross-origin WebSocket gets no snapshot', async () => {
    expect(await controlOverWebSocket({ cookie, origin: otherPort() })).toMatch(/^44\/control,.*cross-origin/);
    expect(await controlOverWebSocket({ cookie, 'sec-fetch-site': 'same-site' })).toMatch(/^44\/control,/);
  });

  it('cross-origin polling gets no snapshot', async () => {
    const answer = await controlOverPolling({ cookie, origin: otherPort() });
    expect(answer).toMatch(/44\/control,.*cross-origin/);
    expect(answer).not.toMatch(/snapshot/);
  });

  it('the same origin (and a client that names none) is admitted', async () => {
    expect(await controlOverWebSocket({ cookie, origin: server.url })).toMatch(/^40\/control,/);
    expect(await controlOverWebSocket({ cookie, 'sec-fetch-site': 'same-origin' })).toMatch(/^40\/control,/);
    expect(await controlOverWebSocket({ cookie })).toMatch(/^40\/control,/);
    expect(await controlOverPolling({ cookie, origin: server.url })).toMatch(/40\/control,/);
  });
});
