/** Meeting passcodes reach the public (screens, feeds) only when staff chose to show them. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectControl, connectDisplay, type Client } from './clients.ts';
import { FIXTURE } from './fixture.ts';

let server: TestServer;
let cookie: string;
const open: Client[] = [];
const PASSCODE = '709166';

beforeAll(async () => {
  server = await startTestServer({ programme: FIXTURE });
  cookie = await server.login('Ann');
  const online = { meetingId: '813 5443 5881', passcode: PASSCODE, url: 'https://meet.example/813' };
  expect((await server.request('PATCH', '/api/sessions/webinar', { online }, cookie)).status).toBe(200);
});
afterEach(() => {
  for (const client of open.splice(0)) client.socket.close();
});
afterAll(() => server.close());

async function webinar(asStaff: boolean) {
  const { body } = await server.request('GET', '/api/schedule', undefined, asStaff ? cookie : undefined);
  return body.sessions.find((s: { id: string }) => s.id === 'webinar');
}

async function track(promise: Promise<Client>): Promise<Client> {
  const client = await promise;
  open.push(client);
  return client;
}

/** A change to the webinar that keeps its passcode hidden; returns the revision it made. */
async function retitleWebinar(title: string): Promise<number> {
  const { status, body } = await server.request('PATCH', '/api/sessions/webinar', { title }, cookie);
  expect(status).toBe(200);
  return body.revision;
}

describe('hidden passcodes', () => {
  it('are left out of the public schedule but kept for staff', async () => {
    expect((await webinar(false)).online).toEqual({ meetingId: '813 5443 5881', url: 'https://meet.example/813' });
    expect((await webinar(true)).online.passcode).toBe(PASSCODE);
  });

  it('are left out of the public CSV export but kept in the staff one', async () => {
    expect((await server.request('GET', '/api/export/schedule.csv')).body).not.toContain(PASSCODE);
    expect((await server.request('GET', '/api/export/schedule.csv', undefined, cookie)).body).toContain(PASSCODE);
  });

  it('never reach a display: not in its snapshot, its live deltas, its catch-up or a resync', async () => {
    const held = server.service.revision();
    const door = await track(
      connectDisplay(server.url, { view: 'room', venueId: 'Online', displayId: 'privacy-door' }),
    );
    const snapshot = await door.recorder.waitFor('snapshot');
    expect(snapshot.sessions.find((s: { id: string }) => s.id === 'webinar').online).toEqual({
      meetingId: '813 5443 5881',
      url: 'https://meet.example/813',
    });
    const live = await retitleWebinar('Webinar (live)');
    const delta = await door.recorder.waitFor('delta', (d: any) => d.revision === live);
    expect(delta.ops[0].session.online).toEqual({ meetingId: '813 5443 5881', url: 'https://meet.example/813' });

    // Reconnecting behind: the missed deltas are replayed, redacted too.
    door.socket.close();
    const missed = await retitleWebinar('Webinar (missed)');
    const again = await track(
      connectDisplay(server.url, { view: 'room', venueId: 'Online', displayId: 'privacy-door', revision: held }),
    );
    await again.recorder.waitFor('delta', (d: any) => d.revision === missed);
    again.socket.emit('resync', held);
    await again.recorder.waitFor('delta', () => again.recorder.all('delta').length === 2 * (missed - held));
    // A round trip after the last replay: everything the server sent this display is in.
    await (again.socket as Socket).timeout(5000).emitWithAck('time:sync');

    for (const client of [door, again]) {
      expect(client.recorder.events.length).toBeGreaterThan(0);
      expect(JSON.stringify(client.recorder.events)).not.toContain(PASSCODE);
    }
  });

  it('reach the staff panel: in its snapshot and in its live deltas', async () => {
    const panel = await track(connectControl(server.url, cookie));
    const snapshot = await panel.recorder.waitFor('snapshot');
    expect(snapshot.sessions.find((s: { id: string }) => s.id === 'webinar').online.passcode).toBe(PASSCODE);
    const revision = await retitleWebinar('Webinar (staff)');
    const delta = await panel.recorder.waitFor('delta', (d: any) => d.revision === revision);
    expect(delta.ops[0].session.online.passcode).toBe(PASSCODE);
  });

  it('are public once staff choose to show them on screens', async () => {
    const door = await track(connectDisplay(server.url, { view: 'room', venueId: 'Online' }));
    await door.recorder.waitFor('clock');
    const online = { meetingId: '813 5443 5881', passcode: PASSCODE, showPasscode: true };
    const { status, body } = await server.request('PATCH', '/api/sessions/webinar', { online }, cookie);
    expect(status).toBe(200);
    expect((await webinar(false)).online.passcode).toBe(PASSCODE);
    const delta = await door.recorder.waitFor('delta', (d: any) => d.revision === body.revision);
    expect(delta.ops[0].session.online).toMatchObject({ passcode: PASSCODE, showPasscode: true });
  });
});
