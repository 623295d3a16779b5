/** The /control namespace: what a staff panel gets on connect and live afterwards. */
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server.ts';
import { useFrozenServer } from './live-suite.ts';
import { connectControl, connectDisplay, type Client } from './clients.ts';

let server: TestServer;
let cookie: string;
const open: Client[] = [];

useFrozenServer((started, staffCookie) => {
  server = started;
  cookie = staffCookie;
}, open);

async function track(promise: Promise<Client>): Promise<Client> {
  const client = await promise;
  open.push(client);
  return client;
}

describe('/control', () => {
  it('on connect: snapshot, clock, the fleet, then the recent journal in order', async () => {
    await server.request('PATCH', '/api/sessions/opening', { title: 'Earlier change' }, cookie);
    await server.request('PATCH', '/api/sessions/panel', { title: 'Later change' }, cookie);
    const door = await track(connectDisplay(server.url, { view: 'room', venueId: 'CR3', displayId: 'door-1' }));
    await door.recorder.waitFor('clock');

    const panel = await track(connectControl(server.url, cookie));
    const revision = server.service.revision();
    await panel.recorder.waitFor('journal', (entry: any) => entry.revision === revision);
    const names = panel.recorder.events.map((e) => e.name);
    expect(names.slice(0, 3)).toEqual(['snapshot', 'clock', 'displays']);
    expect(panel.recorder.all('snapshot')[0].revision).toBe(revision);
    expect(panel.recorder.all('displays')[0]).toEqual([expect.objectContaining({ id: 'door-1', connected: true })]);
    const journal = panel.recorder.all('journal');
    expect(journal.map((e) => e.revision)).toEqual([revision - 1, revision]);
    expect(journal[1]).toMatchObject({ actor: 'Ann', sessionId: 'panel' });
  });

  it('a panel presenting its revision gets only the missed deltas and journal entries, no snapshot', async () => {
    const held = server.service.revision();
    const { scheduleId } = server.service.schedule();
    await server.request('PATCH', '/api/sessions/opening', { title: 'Missed change' }, cookie);
    const revision = server.service.revision();
    const panel = await track(connectControl(server.url, cookie, { revision: held, scheduleId }));
    await panel.recorder.waitFor('journal', (entry: any) => entry.revision === revision);
    expect(panel.recorder.all('snapshot')).toEqual([]);
    expect(panel.recorder.all('delta').map((d: any) => d.revision)).toEqual([revision]);
    expect(panel.recorder.all('journal').map((e: any) => e.revision)).toEqual([revision]);
  });

  it('live: each change as delta and journal entry, and fleet updates', async () => {
    const panel = await track(connectControl(server.url, cookie));
    await panel.recorder.waitFor('displays');

    const { body } = await server.request('POST', '/api/announcements', { text: 'Lunch is served' }, cookie);
    const delta = await panel.recorder.waitFor('delta', (d: any) => d.revision === body.revision);
    expect(delta.ops[0]).toMatchObject({ type: 'announcement', announcement: { text: 'Lunch is served' } });
    const entry = await panel.recorder.waitFor('journal', (e: any) => e.revision === body.revision);
    expect(entry).toMatchObject({ actor: 'Ann', operation: expect.stringMatching(/announcement/) });

    const door = await track(
      connectDisplay(server.url, { view: 'room', venueId: 'M7', displayId: 'door-m7', name: 'M7 entrance' }),
    );
    await door.recorder.waitFor('clock');
    door.socket.emit('rendered', body.revision);
    const fleet = await panel.recorder.waitFor<any[]>('displays', (list) =>
      list.some((d) => d.id === 'door-m7' && d.revision === body.revision),
    );
    expect(fleet.find((d) => d.id === 'door-m7')).toMatchObject({
      name: 'M7 entrance',
      view: 'room',
      venueId: 'M7',
      connected: true,
    });
  });

  it('a burst of screens ends with one fleet update that holds them all', async () => {
    const panel = await track(connectControl(server.url, cookie));
    await panel.recorder.waitFor('displays');
    const screens = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        track(connectDisplay(server.url, { view: 'lobby', displayId: `lobby-${i}` })),
      ),
    );
    const last = await panel.recorder.waitFor<any[]>('displays', (list) =>
      screens.every((_, i) => list.some((d) => d.id === `lobby-${i}` && d.connected)),
    );
    expect(last.filter((d) => d.id.startsWith('lobby-'))).toHaveLength(8);
  });
});
