/**
 * A data directory of the single-password version keeps working: its password becomes the admin's,
 * its old journal entries keep "staff", its logout file moves into the database. And the users CLI,
 * run beside a live server (on its own database connection), closes the panel of the account it
 * disables and is journalled; its refusal of bad input is one line and exit code 2 (a real process).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/staff/password.ts';
import { migrate } from '../../server/schedule/store/migrations.ts';
import { openDatabase } from '../../server/schedule/store/sqlite-store.ts';
import { startTestServer } from '../support/server.ts';
import { plainSessionCookieName } from '../../server/staff/staff-auth.ts';
import { connectControl } from './clients.ts';
import { runUsersCli } from '../../server/staff/cli.ts';
import { FIXTURE } from './fixture.ts';

const run = promisify(execFile);
const OLD_PASSWORD = 'the old shared password';
/** The session secret the earlier version kept in the data directory. */
const OLD_SECRET = Buffer.alloc(32, 7);

/** The pre-accounts layout: schema 3, a journal entry by "staff", the password file, the logout file. */
async function singlePasswordDataDir(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'signage-legacy-'));
  const db = openDatabase(join(dataDir, 'signage.db'));
  migrate(db, 3);
  db.prepare("INSERT INTO meta (id, revision, timezone, schedule_id) VALUES (1, 1, 'Europe/Vienna', 'legacy')").run();
  db.prepare(
    `INSERT INTO journal (revision, at, actor, operation, summary, delta, inverse)
     VALUES (1, '2024-10-14T09:00:00+02:00', 'staff', 'announcement.create', 'Old change', '{"revision":1,"ops":[]}', '[]')`,
  ).run();
  db.close();
  writeFileSync(join(dataDir, 'staff-password.json'), JSON.stringify(await hashPassword(OLD_PASSWORD)));
  writeFileSync(
    join(dataDir, 'revoked-sessions.json'),
    JSON.stringify({ 'an-old-session-id-1234': Date.now() + 60_000 }),
  );
  writeFileSync(join(dataDir, 'session-secret'), `${OLD_SECRET.toString('hex')}\n`);
  return dataDir;
}

describe('upgrading a single-password data directory', () => {
  it('the shared password becomes the admin login and old entries keep "staff"', async () => {
    const dataDir = await singlePasswordDataDir();
    const server = await startTestServer({ programme: FIXTURE, dataDir, password: null });
    try {
      const login = await server.request('POST', '/api/login', { password: OLD_PASSWORD });
      expect(login.status).toBe(204);
      const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
      const journal = await server.request('GET', '/api/changes?since=0', undefined, cookie);
      expect(journal.body.changes[0]).toEqual(
        expect.objectContaining({ revision: 1, actor: 'staff', summary: 'Old change' }),
      );
      expect(journal.body.changes[0].actorName).toBeUndefined();
      expect(existsSync(join(dataDir, 'revoked-sessions.json'))).toBe(false);
      expect(existsSync(join(dataDir, 'revoked-sessions.json.migrated'))).toBe(true);
      expect((await server.request('GET', '/api/accounts', undefined, cookie)).body.accounts).toEqual([
        expect.objectContaining({ username: 'admin', role: 'admin' }),
      ]);
      // The old secret became the database's session key: the cookie keeps its name, the file goes.
      expect(cookie.startsWith(`${plainSessionCookieName(OLD_SECRET)}=`)).toBe(true);
      expect(existsSync(join(dataDir, 'session-secret'))).toBe(false);
    } finally {
      await server.close();
    }
  });
});

describe('the users CLI beside a running server', () => {
  it('disable closes the account’s panel and the change is journalled; bad input is one line, exit 2', async () => {
    const server = await startTestServer({ programme: FIXTURE });
    try {
      const cookie = await server.loginAs('temp', 'editor');
      const panel = await connectControl(server.url, cookie);
      const closed = new Promise<string>((resolve) => panel.socket.once('disconnect', resolve));
      // The CLI's run function on a database connection of its own, as the process would open it
      // (another connection's change is what the server has to notice); the real process, which
      // costs a second of tsx start-up, is run below for the refusal and its exit code.
      await runUsersCli(['--data-dir', server.dataDir, 'disable', 'temp'], {}, () => '');
      expect(await closed).toBe('io server disconnect');
      const admin = await server.login();
      const entry = await new Promise<unknown>((resolve) => {
        const look = async () => {
          const { body } = await server.request('GET', '/api/changes?since=0', undefined, admin);
          const found = body.changes.find((e: { operation: string }) => e.operation === 'account.disable');
          if (found) resolve(found);
          else setImmediate(look);
        };
        void look();
      });
      expect(entry).toMatchObject({ summary: 'Disabled temp', actor: expect.stringMatching(/^cli:/) });

      // node --import tsx, not npx tsx: no npm and no tsx wrapper process in between (seconds on a busy machine).
      const cli = ['--import', 'tsx', 'server/staff/cli.ts', '--data-dir', server.dataDir];
      const failure = await run(process.execPath, [...cli, 'add', 'has space', '--role', 'editor']).catch(
        (error) => error,
      );
      expect(failure.code).toBe(2);
      expect(failure.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^users: username may contain only/)]);
    } finally {
      await server.close();
    }
  });
});
