/** Meeting passcodes reach the public (screens, feeds) only when staff chose to show them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { FIXTURE } from './fixture.ts';

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer({ programme: FIXTURE });
  cookie = await server.login('Ann');
  const online = { meetingId: '813 5443 5881', passcode: '709166', url: 'https://meet.example/813' };
  expect((await server.request('PATCH', '/api/sessions/webinar', { online }, cookie)).status).toBe(200);
});
afterAll(() => server.close());

async function webinar(asStaff: boolean) {
  const { body } = await server.request('GET', '/api/schedule', undefined, asStaff ? cookie : undefined);
  return body.sessions.find((s: { id: string }) => s.id === 'webinar');
}

describe('hidden passcodes', () => {
  it('are left out of the public schedule but kept for staff', async () => {
    expect((await webinar(false)).online).toEqual({ meetingId: '813 5443 5881', url: 'https://meet.example/813' });
    expect((await webinar(true)).online.passcode).toBe('709166');
  });

  it('are left out of the public CSV export but kept in the staff one', async () => {
    expect((await server.request('GET', '/api/export/schedule.csv')).body).not.toContain('709166');
    expect((await server.request('GET', '/api/export/schedule.csv', undefined, cookie)).body).toContain('709166');
  });

  it('are public once staff choose to show them on screens', async () => {
    const online = { meetingId: '813 5443 5881', passcode: '709166', showPasscode: true };
    expect((await server.request('PATCH', '/api/sessions/webinar', { online }, cookie)).status).toBe(200);
    expect((await webinar(false)).online.passcode).toBe('709166');
  });
});
