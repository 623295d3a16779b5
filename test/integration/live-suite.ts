/**
 * The set-up the socket-level suites share: one server on the fixture programme with its clock
 * frozen at FIXTURE_CLOCK, a staff cookie, and clients closed after every test.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import type { Client } from './clients.ts';
import { FIXTURE, FIXTURE_CLOCK } from './fixture.ts';

/** Registers the hooks; `ready` receives the server and cookie before the first test. */
export function useFrozenServer(ready: (server: TestServer, cookie: string) => void, open: Client[]): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer({ programme: FIXTURE, clock: FIXTURE_CLOCK, speed: 0 });
    ready(server, await server.login('Ann'));
  });
  afterEach(() => {
    for (const client of open.splice(0)) client.socket.close();
  });
  afterAll(() => server?.close());
}
