/** The /display namespace: snapshot, broadcast to every screen, catch-up after a reconnect, fleet reports. */
import { describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { TestServer } from '../support/server.ts';
import { useFrozenServer } from './live-suite.ts';
import { connectControl, connectDisplay, refusedConnection, type Client } from './clients.ts';
import { sessionOf } from '../support/session-of.ts';

let server: TestServer;
let cookie: string;
const open: Client[] = [];

useFrozenServer((started, staffCookie) => {
  server = started;
  cookie = staffCookie;
}, open);

async function display(auth: Record<string, unknown>): Promise<Client> {
  const client = await connectDisplay(server.url, auth);
  open.push(client);
  return client;
}

async function rename(id: string, title: string): Promise<number> {
  const { status, body } = await server.request('PATCH', `/api/sessions/${id}`, { title }, cookie);
  expect(status).toBe(200);
  return body.revision;
}

describe('connecting', () => {
  it('a new display gets a snapshot, then the clock', async () => {
    const { recorder } = await display({ view: 'room', venueId: 'CR3' });
    await recorder.waitFor('clock');
    expect(recorder.events.map((e) => e.name)).toEqual(['snapshot', 'clock']);
    const [snapshot] = recorder.all('snapshot');
    expect(snapshot.revision).toBe(server.service.revision());
    expect(snapshot.sessions).toHaveLength(server.service.schedule().sessions.length);
    const [clock] = recorder.all('clock');
    // Like every message to a display, the clock says which revision it reflects.
    expect(clock).toMatchObject({ simulated: true, speed: 0, revision: server.service.revision() });
    expect(clock.anchorClock).toBe(Date.parse('2024-10-14T12:55:00+02:00'));
  });

  it.each([
    [{ view: 'wall' }, /view/],
    [{ view: 'room' }, /venueId: is required for the room view/],
    [{ view: 'room', venueId: '../etc' }, /venueId/],
    [{ view: 'lobby', revision: -1 }, /revision/],
    [{ view: 'lobby', displayId: 'x'.repeat(200) }, /displayId/],
  ])('refuses the handshake %j with a clear message', async (auth, message) => {
    const error = await refusedConnection(connectDisplay(server.url, auth));
    expect(error.message).toMatch(/^invalid display handshake/);
    expect(error.message).toMatch(message);
  });
});

describe('broadcast', () => {
  it('one change reaches two displays as the same delta with the new revision', async () => {
    const door = await display({ view: 'room', venueId: 'CR3' });
    const lobby = await display({ view: 'lobby' });
    await Promise.all([door.recorder.waitFor('clock'), lobby.recorder.waitFor('clock')]);

    const revision = await rename('opening', 'Opening (broadcast)');
    const [atDoor, atLobby] = await Promise.all([
      door.recorder.waitForRevision(revision),
      lobby.recorder.waitForRevision(revision),
    ]);
    expect(atDoor).toEqual(atLobby);
    expect(atDoor.revision).toBe(revision);
    expect(atDoor.ops).toEqual([
      { type: 'session', session: expect.objectContaining({ id: 'opening', title: 'Opening (broadcast)' }) },
    ]);
  });

  it('after a write answered with revision R, every connected display receives revision >= R', async () => {
    const screens = await Promise.all([
      display({ view: 'room', venueId: 'CR3' }),
      display({ view: 'room', venueId: 'M7' }),
      display({ view: 'lobby' }),
    ]);
    const answers = await Promise.all([
      rename('panel', 'Panel A'),
      server.request('POST', '/api/announcements', { text: 'Welcome' }, cookie).then((r) => r.body.revision as number),
      server.request('PUT', '/api/emergency', { text: 'Fire drill' }, cookie).then((r) => r.body.revision as number),
    ]);
    for (const screen of screens) {
      for (const revision of answers) await screen.recorder.waitForRevision(revision);
      // Deltas arrive in revision order with no gaps after the snapshot.
      const revisions = screen.recorder.all('delta').map((d) => d.revision);
      const base = screen.recorder.all('snapshot')[0].revision;
      expect(revisions).toEqual(revisions.map((_, i) => base + i + 1));
    }
    await server.request('DELETE', '/api/emergency', undefined, cookie);
  });

  it('nothing a display sends changes the schedule', async () => {
    const { socket, recorder } = await display({ view: 'lobby' });
    await recorder.waitFor('clock');
    const before = server.service.revision();
    const hostile = socket as Socket;
    hostile.emit('rendered', 9999);
    hostile.emit('rendered', 'DROP TABLE');
    hostile.emit('resync', { evil: true });
    hostile.emit('patch', { id: 'opening', title: 'Hacked' });
    hostile.emit('time:sync', 'not a function');
    // A round trip after the junk proves the server processed it and is still answering.
    const serverNow = await hostile.timeout(5000).emitWithAck('time:sync');
    expect(serverNow).toEqual(expect.any(Number));
    expect(server.service.revision()).toBe(before);
    expect(sessionOf(server.service, 'opening')!.title).not.toBe('Hacked');
  });
});

describe('catching up', () => {
  it('a display reconnecting with an old revision receives exactly the missed deltas', async () => {
    const first = await display({ view: 'room', venueId: 'CR3', displayId: 'door-cr3' });
    const held = (await first.recorder.waitFor('snapshot')).revision as number;
    first.socket.close();

    const missed = [
      await rename('opening', 'Missed 1'),
      await rename('workshop', 'Missed 2'),
      await rename('panel', 'Missed 3'),
    ];
    const again = await display({ view: 'room', venueId: 'CR3', displayId: 'door-cr3', revision: held });
    await again.recorder.waitFor('clock');
    expect(again.recorder.all('snapshot')).toEqual([]);
    expect(again.recorder.all('delta').map((d) => d.revision)).toEqual(missed);
    expect(again.recorder.all('delta').map((d) => d.ops[0].session.title)).toEqual([
      'Missed 1',
      'Missed 2',
      'Missed 3',
    ]);
    expect(again.recorder.events.at(-1)!.name).toBe('clock');
  });

  it('a display that is up to date gets no schedule events, only the clock', async () => {
    const { recorder } = await display({ view: 'lobby', revision: server.service.revision() });
    await recorder.waitFor('clock');
    expect(recorder.events.map((e) => e.name)).toEqual(['clock']);
  });

  it('a revision from the future gets a snapshot', async () => {
    const { recorder } = await display({ view: 'lobby', revision: server.service.revision() + 50 });
    await recorder.waitFor('clock');
    expect(recorder.events.map((e) => e.name)).toEqual(['snapshot', 'clock']);
    expect(recorder.all('snapshot')[0].revision).toBe(server.service.revision());
  });

  it('resync(revision) sends the missed deltas to that display only', async () => {
    const asking = await display({ view: 'lobby' });
    const other = await display({ view: 'lobby' });
    await Promise.all([asking.recorder.waitFor('clock'), other.recorder.waitFor('clock')]);
    const current = server.service.revision();
    asking.socket.emit('resync', current - 2);
    const replayed = await asking.recorder.waitFor('delta', (d) => d.revision === current);
    expect(replayed.revision).toBe(current);
    expect(asking.recorder.all('delta').map((d) => d.revision)).toEqual([current - 1, current]);
    // The other display's round trip completes after the resync was handled; it got nothing.
    await (other.socket as Socket).timeout(5000).emitWithAck('time:sync');
    expect(other.recorder.all('delta')).toEqual([]);
  });

  it('a display holding another schedule gets a snapshot, whatever its revision', async () => {
    await rename('opening', 'Before the check');
    const current = server.service.revision();
    const { scheduleId } = (await server.request('GET', '/api/schedule')).body;
    expect(scheduleId).toMatch(/^[0-9a-f]{16}$/);

    // Revision current - 1 of a wiped demo: deltas of this schedule would patch the wrong copy.
    const stranger = await display({ view: 'lobby', revision: current - 1, scheduleId: 'wiped-demo-schedule' });
    await stranger.recorder.waitFor('clock');
    expect(stranger.recorder.events.map((e) => e.name)).toEqual(['snapshot', 'clock']);
    expect(stranger.recorder.all('snapshot')[0]).toMatchObject({ revision: current, scheduleId });

    const own = await display({ view: 'lobby', revision: current - 1, scheduleId });
    await own.recorder.waitFor('clock');
    expect(own.recorder.events.map((e) => e.name)).toEqual(['delta', 'clock']);
    expect(own.recorder.all('delta')[0].revision).toBe(current);
  });

  it('a burst of resyncs gets one answer, not one snapshot each', async () => {
    const { socket, recorder } = await display({ view: 'lobby' });
    await recorder.waitFor('clock');
    for (let i = 0; i < 200; i++) socket.emit('resync', -1);
    // A round trip after the burst: the server has handled all of it.
    await (socket as Socket).timeout(5000).emitWithAck('time:sync');
    expect(recorder.all('snapshot')).toHaveLength(2);
  });

  it('a resync at or above the current revision is ignored', async () => {
    const { socket, recorder } = await display({ view: 'lobby' });
    await recorder.waitFor('clock');
    socket.emit('resync', server.service.revision());
    socket.emit('resync', server.service.revision() + 10);
    await (socket as Socket).timeout(5000).emitWithAck('time:sync');
    expect(recorder.events.map((e) => e.name)).toEqual(['snapshot', 'clock']);
  });

  it('resync with an invalid revision gets a snapshot', async () => {
    const { socket, recorder } = await display({ view: 'lobby' });
    await recorder.waitFor('clock');
    socket.emit('resync', -5);
    await recorder.waitFor('snapshot', () => recorder.all('snapshot').length === 2);
    expect(recorder.all('snapshot')).toHaveLength(2);
  });
});

describe('time sync and fleet', () => {
  it('time:sync acks with the server real time', async () => {
    const { socket } = await display({ view: 'lobby' });
    const before = Date.now();
    const serverNow = await (socket as Socket).timeout(5000).emitWithAck('time:sync');
    expect(serverNow).toBeGreaterThanOrEqual(before);
    expect(serverNow).toBeLessThanOrEqual(Date.now());
  });

  it('a staff preview gets the schedule but is not counted as a screen', async () => {
    const preview = await display({ view: 'room', venueId: 'CR3', displayId: 'preview-cr3', preview: true });
    const snapshot = await preview.recorder.waitFor('snapshot');
    expect(snapshot.revision).toBe(server.service.revision());
    preview.socket.emit('rendered', server.service.revision());
    await (preview.socket as Socket).timeout(5000).emitWithAck('time:sync');

    const list = (await server.request('GET', '/api/displays', undefined, cookie)).body as any[];
    expect(list.map((d) => d.id)).not.toContain('preview-cr3');
  });

  it('GET /api/displays reports each display, what it rendered, and when it disconnects', async () => {
    const door = await display({ view: 'room', venueId: 'M7', displayId: 'door-m7' });
    await door.recorder.waitFor('clock');
    const revision = server.service.revision();
    door.socket.emit('rendered', revision);
    await (door.socket as Socket).timeout(5000).emitWithAck('time:sync');

    const list = (await server.request('GET', '/api/displays', undefined, cookie)).body as any[];
    const entry = list.find((d) => d.id === 'door-m7');
    expect(entry).toMatchObject({
      id: 'door-m7',
      name: 'M7 door',
      view: 'room',
      venueId: 'M7',
      connected: true,
      revision,
    });
    expect(Date.parse(entry.lastSeen)).not.toBeNaN();

    const panel = await connectControl(server.url, cookie);
    open.push(panel);
    await panel.recorder.waitFor('displays');
    door.socket.emit('rendered', revision + 100); // a revision the server never made is ignored
    door.socket.close();
    const update = await panel.recorder.waitFor<any[]>('displays', (all) =>
      all.some((d) => d.id === 'door-m7' && !d.connected),
    );
    const gone = update.find((d) => d.id === 'door-m7');
    expect(gone).toMatchObject({ id: 'door-m7', connected: false, revision });
  });
});
