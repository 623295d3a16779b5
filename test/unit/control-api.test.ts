/**
 * The panel's REST client against a real HTTP server: error bodies, refused writes explained, and a
 * 401 that waits for the re-login and then sends the same request again.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, ApiError } from '../../control/data/api.ts';
import { AuthGate } from '../../control/data/auth.ts';
import { classifyError } from '../../control/data/outcome.ts';
import { ImportApi } from '../../control/data/import-api.ts';

let server: Server;
let base: string;
let loggedIn: boolean;
const received: Array<{ method: string; url: string; body: string; key?: string | undefined }> = [];
let cutNext = false;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
  });
}

beforeEach(async () => {
  loggedIn = false;
  received.length = 0;
  server = createServer(async (req, res) => {
    const body = await readBody(req);
    received.push({
      method: req.method!,
      url: req.url!,
      body,
      key: req.headers['idempotency-key'] as string | undefined,
    });
    if (req.url === '/api/cut' && cutNext) {
      // The answer is lost on the way back, as when the network drops after the commit.
      cutNext = false;
      return req.socket.destroy();
    }
    const json = (status: number, value?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(value === undefined ? '' : JSON.stringify(value));
    };
    if (req.url === '/api/login') {
      loggedIn = JSON.parse(body).password === 'secret';
      return loggedIn ? json(204) : json(401, { error: 'wrong password', field: 'password' });
    }
    if (req.url === '/api/proxy-error') {
      res.writeHead(502, { 'content-type': 'text/html' });
      return res.end('<h1>Bad gateway</h1>');
    }
    if (!loggedIn) return json(401, { error: 'staff login required' });
    if (req.url === '/api/cut') return json(201, { revision: 10 });
    if (req.url === '/api/sessions/s1') return json(200, { session: { id: 's1' }, revision: 9 });
    if (req.url === '/api/sessions/stale') return json(409, { error: 'stale', reason: 'stale', currentVersion: 4 });
    if (req.url === '/api/sessions/clash') {
      return json(409, {
        error: 'M3 is already taken',
        reason: 'clash',
        clash: { id: 'b', title: 'B', start: 'x', end: 'y' },
      });
    }
    return json(400, { error: 'title: must not be empty', field: 'title' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('ApiClient', () => {
  it('waits for the re-login on a 401 and then retries the same request', async () => {
    const api = new ApiClient(base);
    const auth = new AuthGate(api);
    const states: string[] = [];
    auth.addEventListener('auth', () => states.push(auth.state));
    await auth.check();
    expect(auth.state).toBe('logged-out');

    await auth.login('secret', 'Ana');
    const patch = { title: 'New', expectedVersion: 3 };
    // The staff session expires: the next write is refused once, then completed after the login.
    loggedIn = false;
    const pending = api.patch<{ revision: number }>('/api/sessions/s1', patch);
    await new Promise<void>((resolve) => auth.addEventListener('auth', () => resolve(), { once: true }));
    expect(auth.state).toBe('expired');
    await expect(auth.login('wrong', 'Ana')).rejects.toMatchObject({ status: 401 });
    expect(auth.state).toBe('expired');
    await auth.login('secret', 'Ana');

    expect(await pending).toEqual({ session: { id: 's1' }, revision: 9 });
    const patches = received.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => JSON.parse(r.body))).toEqual([patch, patch]);
    expect(states).toEqual(['logged-out', 'logged-in', 'expired', 'logged-in']);
    // One user action, one Idempotency-Key, sent again with the retry.
    expect(patches[0]!.key).toMatch(/^[0-9a-f]{32}$/);
    expect(patches[1]!.key).toBe(patches[0]!.key);
    expect(JSON.parse(received.find((r) => r.url === '/api/login')!.body)).toEqual({
      password: 'secret',
      username: 'Ana',
    });
  });

  it('gives the import section the same re-login retry through ApiClient.fetch', async () => {
    const api = new ApiClient(base);
    const auth = new AuthGate(api);
    await auth.check();
    await auth.login('secret', 'Ana');
    const imports = new ImportApi(base, (input, init) => api.fetch(input, init));
    // The login expires: the import is refused once, waits for the login, and is sent again.
    loggedIn = false;
    const pending = imports.preview('a file').catch((error: unknown) => error);
    await new Promise<void>((resolve) => auth.addEventListener('auth', () => resolve(), { once: true }));
    expect(auth.state).toBe('expired');
    await auth.login('secret', 'Ana');
    await pending;
    expect(received.filter((r) => r.url === '/api/import/preview')).toHaveLength(2);
  });

  it('explains refused writes: stale version, clash, invalid field, non-JSON failure', async () => {
    const api = new ApiClient(base);
    await api.once('POST', '/api/login', { password: 'secret' });
    const failure = (path: string) =>
      api.patch(path, {}).then(
        () => expect.unreachable(),
        (e: unknown) => e,
      );

    expect(classifyError(await failure('/api/sessions/stale'))).toEqual({
      kind: 'stale',
      message: 'stale',
      currentVersion: 4,
    });
    expect(classifyError(await failure('/api/sessions/clash'))).toMatchObject({
      kind: 'clash',
      clash: { id: 'b', title: 'B' },
    });
    expect(classifyError(await failure('/api/sessions/other'))).toEqual({
      kind: 'error',
      message: 'title: must not be empty',
      field: 'title',
    });
    const proxy = await api.get('/api/proxy-error').catch((e: unknown) => e);
    expect(proxy).toBeInstanceOf(ApiError);
    expect((proxy as ApiError).status).toBe(502);
    expect((proxy as ApiError).message).toContain('502');
  });

  it('retries a write whose answer was lost with the same Idempotency-Key; each action gets its own', async () => {
    const api = new ApiClient(base);
    await api.once('POST', '/api/login', { password: 'secret' });
    cutNext = true;
    expect(await api.post('/api/cut', { text: 'Lunch' })).toEqual({ revision: 10 });
    await api.post('/api/cut', { text: 'Lunch' });
    const keys = received.filter((r) => r.url === '/api/cut').map((r) => r.key);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    await api.get('/api/sessions/s1');
    expect(received.at(-1)!.key).toBeUndefined();
  });

  it('says so when the server cannot be reached', async () => {
    const api = new ApiClient('http://127.0.0.1:1');
    const error = await api.get('/api/schedule').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toContain('cannot be reached');
  });
});
