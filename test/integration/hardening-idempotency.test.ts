/**
 * Issue 14 (11): a write retried with the same Idempotency-Key commits once and gets the first
 * answer again — also after a restart, since the key is stored in the change's own transaction.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';

let server: TestServer;
afterEach(() => server.close());

async function send(method: string, path: string, body: unknown, cookie: string, key?: string) {
  const response = await fetch(server.url + path, {
    method,
    headers: { cookie, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    replayed: response.headers.get('idempotent-replayed'),
    body: text ? JSON.parse(text) : undefined,
  };
}

describe('Idempotency-Key', () => {
  it('a repeat with the same key commits once and returns the first answer', async () => {
    server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
    const cookie = await server.login();
    const first = await send('POST', '/api/announcements', { text: 'Lunch is served' }, cookie, 'action-1');
    expect(first.status).toBe(201);
    const again = await send('POST', '/api/announcements', { text: 'Lunch is served' }, cookie, 'action-1');
    expect(again).toEqual({ ...first, replayed: 'true' });
    expect(server.service.revision()).toBe(1);
    expect(server.service.schedule().announcements).toHaveLength(1);

    const other = await send('POST', '/api/announcements', { text: 'Lunch is served' }, cookie, 'action-2');
    expect(other.status).toBe(201);
    expect(server.service.revision()).toBe(2);
  });

  it('a refusal is replayed too, and a key reused for another route is refused', async () => {
    server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
    const cookie = await server.login();
    const refused = await send('PATCH', '/api/sessions/no-such-session', { title: 'x' }, cookie, 'action-3');
    expect(refused.status).toBe(404);
    expect(await send('PATCH', '/api/sessions/no-such-session', { title: 'x' }, cookie, 'action-3')).toEqual({
      ...refused,
      replayed: 'true',
    });
    const reused = await send('POST', '/api/announcements', { text: 'x' }, cookie, 'action-3');
    expect(reused.status).toBe(422);
    expect(reused.body.field).toBe('Idempotency-Key');
    expect((await send('POST', '/api/announcements', { text: 'x' }, cookie, 'bad key with spaces')).status).toBe(400);
    expect(server.service.revision()).toBe(0);
  });

  it('the key survives a restart: the retry of a committed write commits nothing', async () => {
    server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
    let cookie = await server.login();
    const first = await send('PATCH', '/api/sessions/panel', { title: 'Renamed once' }, cookie, 'rename-panel');
    expect(first.status).toBe(200);
    server = await server.restart();
    cookie = await server.login();
    const retry = await send('PATCH', '/api/sessions/panel', { title: 'Renamed once' }, cookie, 'rename-panel');
    expect(retry).toEqual({ ...first, replayed: 'true' });
    expect(server.service.revision()).toBe(1);
    expect(server.service.journalSince(0)).toHaveLength(1);
  });

  it('a change whose answer was never stored (cut by a crash) is still not committed twice', async () => {
    server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
    // As if the process died between the commit and the answer: only the change's claim exists.
    await server.service.createAnnouncement(
      { text: 'Cut answer' },
      { name: 'Ann', idempotency: { key: 'cut', request: 'POST /api/announcements', at: Date.now() } },
    );
    const cookie = await server.login();
    const retry = await send('POST', '/api/announcements', { text: 'Cut answer' }, cookie, 'cut');
    expect(retry).toEqual({ status: 200, replayed: 'true', body: { revision: 1, replayed: true } });
    expect(server.service.revision()).toBe(1);
  });
});
