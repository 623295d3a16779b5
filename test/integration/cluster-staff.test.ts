/**
 * Staff on a cluster: two nodes (two applications in this process) on one PostgreSQL database,
 * started at the same moment on an empty database. One session key and one admin; a cookie from
 * one node works on the other, REST and the staff socket alike; a sign-out, a new role or a
 * disabled account on one node holds on the other at once; an account made on one node, through
 * the API or the users CLI on --database, signs in on the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, SESSION_COOKIE_LINE, type TestServer } from '../support/server.ts';
import { postgresTests } from '../support/postgres.ts';
import { connectControl, refusedConnection, type Client } from './clients.ts';
import { FIXTURE } from './fixture.ts';
import { runUsersCli } from '../../server/staff/cli.ts';

const pg = postgresTests();
const PASSWORD = 'a password for everyone';

async function signIn(node: TestServer, username: string, password = PASSWORD): Promise<string> {
  const answer = await node.request('POST', '/api/login', { username, password });
  const line = answer.headers.getSetCookie().find((cookie) => SESSION_COOKIE_LINE.test(cookie));
  if (answer.status !== 204 || !line) throw new Error(`sign-in of ${username} answered ${answer.status}`);
  return line.split(';')[0]!;
}

describe.skipIf(!pg.available)('staff accounts and sessions across two nodes on one PostgreSQL', () => {
  let url: string;
  let a: TestServer;
  let b: TestServer;
  const clients: Client[] = [];

  beforeAll(async () => {
    url = await pg.freshDatabase();
    // At once, on an empty database: both seed, both look for the admin and the session key.
    [a, b] = await Promise.all([
      startTestServer({ programme: FIXTURE, database: url, password: PASSWORD }),
      startTestServer({ programme: FIXTURE, database: url, password: PASSWORD }),
    ]);
  });

  afterAll(async () => {
    for (const client of clients) client.socket.close();
    await Promise.all([a?.close(), b?.close()]);
  });

  it('two nodes started at once end with one session key (one cookie name) and one admin', async () => {
    expect(a.auth.cookieName(false)).toMatch(/^signage_session_[0-9a-f]{12}$/);
    expect(b.auth.cookieName(false)).toBe(a.auth.cookieName(false));
    const admin = await signIn(a, 'admin');
    const accounts = (await b.request('GET', '/api/accounts', undefined, admin)).body.accounts;
    expect(accounts).toEqual([expect.objectContaining({ username: 'admin', role: 'admin', disabled: false })]);
  });

  it('a cookie from node A works on node B, for REST and the staff socket', async () => {
    const cookie = await signIn(a, 'admin');
    expect((await b.request('GET', '/api/me', undefined, cookie)).body).toMatchObject({ username: 'admin' });
    const schedule = (await b.request('GET', '/api/schedule')).body;
    const written = await b.request('PATCH', `/api/sessions/${schedule.sessions[0].id}`, { title: 'Via B' }, cookie);
    expect(written.status).toBe(200);
    const panel = await connectControl(b.url, cookie);
    clients.push(panel);
    expect(
      await panel.recorder.waitFor('journal', (entry: { summary: string }) => /Via B/.test(entry.summary)),
    ).toMatchObject({ actor: 'admin' });
  });

  it('a sign-out on A: B refuses the cookie at once and closes its live channel', async () => {
    const cookie = await signIn(a, 'admin');
    const panel = await connectControl(b.url, cookie);
    clients.push(panel);
    const closed = new Promise<string>((resolve) => panel.socket.once('disconnect', resolve));
    expect((await a.request('POST', '/api/logout', undefined, cookie)).status).toBe(204);
    // The very next request on B, no waiting: B reads the sign-out from the shared database.
    expect((await b.request('GET', '/api/changes?since=0', undefined, cookie)).status).toBe(401);
    expect(await closed).toBe('io server disconnect');
    expect((await refusedConnection(connectControl(b.url, cookie))).message).toBe('staff login required');
    // Another session of the same person is untouched.
    const other = await signIn(b, 'admin');
    expect((await a.request('GET', '/api/changes?since=0', undefined, other)).status).toBe(200);
  });

  it('an account made on A (the API) signs in on B; a new role on A holds on B; disabled on A is refused on B', async () => {
    const admin = await signIn(a, 'admin');
    const made = await a.request(
      'POST',
      '/api/accounts',
      { username: 'dana', role: 'editor', password: PASSWORD },
      admin,
    );
    expect(made.status).toBe(201);
    const dana = await signIn(b, 'dana');
    const schedule = (await b.request('GET', '/api/schedule')).body;
    const edit = () => b.request('PATCH', `/api/sessions/${schedule.sessions[1].id}`, { title: 'By Dana' }, dana);
    expect((await edit()).status).toBe(200);

    const panel = await connectControl(b.url, dana);
    clients.push(panel);
    const closed = new Promise<string>((resolve) => panel.socket.once('disconnect', resolve));
    expect((await a.request('PATCH', '/api/accounts/dana', { role: 'viewer' }, admin)).status).toBe(200);
    // The new role ended Dana's sessions everywhere; her next sign-in on B is a viewer's.
    expect((await edit()).status).toBe(401);
    expect(await closed).toBe('io server disconnect');
    const asViewer = await signIn(b, 'dana');
    expect((await b.request('GET', '/api/me', undefined, asViewer)).body.role).toBe('viewer');
    expect(
      (await b.request('PATCH', `/api/sessions/${schedule.sessions[1].id}`, { title: 'No' }, asViewer)).status,
    ).toBe(403);

    expect((await a.request('PATCH', '/api/accounts/dana', { disabled: true }, admin)).status).toBe(200);
    expect((await b.request('GET', '/api/me', undefined, asViewer)).status).toBe(401);
    expect((await b.request('POST', '/api/login', { username: 'dana', password: PASSWORD })).status).toBe(401);
  });

  it('an account made by the users CLI on --database signs in on either node, and the change is journalled once', async () => {
    const output = await runUsersCli(
      ['--database', url, 'add', 'erin', '--role', 'editor', '--password-stdin'],
      {},
      () => `${PASSWORD}\n`,
    );
    expect(output).toBe('added erin');
    const erin = await signIn(b, 'erin');
    expect((await a.request('GET', '/api/me', undefined, erin)).body).toMatchObject({
      username: 'erin',
      role: 'editor',
    });
    expect(await runUsersCli(['--database', url, 'list'], {}, () => '')).toMatch(/^erin\s+editor/m);

    // Both nodes hear of the queued change; one journals it.
    const admin = await signIn(a, 'admin');
    const panel = await connectControl(a.url, admin);
    clients.push(panel);
    await panel.recorder.waitFor('journal', (entry: { operation: string }) => entry.operation === 'account.add');
    const later = await a.request(
      'PATCH',
      `/api/sessions/${(await a.request('GET', '/api/schedule')).body.sessions[2].id}`,
      { title: 'After the CLI' },
      admin,
    );
    await b.service.catchUp();
    const journal = (await b.request('GET', '/api/changes?since=0', undefined, admin)).body.changes;
    expect(journal.filter((entry: { summary: string }) => entry.summary.startsWith('Added erin'))).toHaveLength(1);
    expect(journal.at(-1).revision).toBe(later.body.revision);
  });

  it('the users CLI says in one line what is wrong with --database', async () => {
    await expect(runUsersCli(['--database', 'mysql://somewhere/db', 'list'], {}, () => '')).rejects.toThrow(
      '--database must be a PostgreSQL URL such as postgres://USER@HOST:5432/DB',
    );
    await expect(runUsersCli(['--database', url, '--data-dir', '/tmp/x', 'list'], {}, () => '')).rejects.toThrow(
      'give --data-dir or --database, not both',
    );
  });
});
