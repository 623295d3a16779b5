/** GET /healthz and GET /readyz: alive, ready with the revision, 503 while not ready. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleService } from '../../server/schedule/service-types.ts';
import { healthRouter, type Readiness } from '../../server/platform/health.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

describe('a running server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('is alive and ready, naming its revision', async () => {
    const alive = await fetch(`${server.url}/healthz`);
    expect(alive.status).toBe(200);
    expect(alive.headers.get('cache-control')).toBe('no-store');
    expect(await alive.json()).toEqual({ status: 'alive' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', revision: server.service.schedule().revision });
  });
});

describe('readiness', () => {
  const readiness: Readiness = { realtimeUp: false, closing: false };
  const service = { schedule: () => ({ revision: 7 }) } as unknown as ScheduleService;
  let http: Server;
  let base: string;
  beforeAll(async () => {
    http = createServer(express().use(healthRouter(service, readiness)));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

  it('is 503 until realtime is attached, 200 then, and 503 again once shutting down; alive throughout', async () => {
    const readyz = async () => {
      const response = await fetch(`${base}/readyz`);
      return { status: response.status, body: await response.json() };
    };
    expect(await readyz()).toEqual({ status: 503, body: { status: 'not ready', reason: 'realtime is not attached' } });
    readiness.realtimeUp = true;
    expect(await readyz()).toEqual({ status: 200, body: { status: 'ready', revision: 7 } });
    readiness.closing = true;
    expect(await readyz()).toEqual({ status: 503, body: { status: 'not ready', reason: 'shutting down' } });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
