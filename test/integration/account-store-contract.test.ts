/**
 * The account store contract, on both stores (the data directory's SQLite file and PostgreSQL),
 * as store-contract.test.ts does for the schedule: accounts, sign-outs, the queued CLI changes and
 * the session key behave alike, and a second connection on the same data (the CLI, another node)
 * sees every write and is told about it. The PostgreSQL half needs PostgreSQL installed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newSessionKey, type AccountRecord, type AccountStore } from '../../server/staff/account-store.ts';
import { openAccountStore } from '../../server/staff/staff-auth.ts';
import { openPostgresAccountStore } from '../../server/staff/postgres-account-store.ts';
import { openPostgres } from '../../server/platform/postgres/database.ts';
import { ConflictError } from '../../server/platform/errors.ts';
import { postgresTests } from '../support/postgres.ts';

const postgres = postgresTests();

interface Kind {
  name: string;
  available: boolean;
  create(): Promise<string>;
  /** A connection of its own to the same data, as the CLI or a second node has. */
  open(where: string): Promise<AccountStore>;
  /**
   * Two writers at once as they occur: two nodes on PostgreSQL; on SQLite one server per data
   * directory (its store serialises its own callers), the CLI being another process whose
   * BEGIN IMMEDIATE waits on the file lock (staff-migration.test.ts runs it beside a server).
   */
  concurrentWriters: 'one store' | 'two connections';
  remove(where: string): void;
}

const kinds: Kind[] = [
  {
    name: 'sqlite',
    available: true,
    create: async () => fs.mkdtempSync(path.join(os.tmpdir(), 'signage-accounts-')),
    open: async (dir) => openAccountStore(dir),
    concurrentWriters: 'one store',
    remove: (dir) => fs.rmSync(dir, { recursive: true, force: true }),
  },
  {
    name: 'postgres',
    available: postgres.available,
    create: () => postgres.freshDatabase(),
    concurrentWriters: 'two connections',
    async open(url) {
      const pool = await openPostgres(url);
      const store = openPostgresAccountStore(pool, url);
      return {
        ...store,
        async close() {
          await store.close();
          await pool.end();
        },
      };
    },
    remove: () => undefined,
  },
];

function account(username: string, changes: Partial<AccountRecord> = {}): AccountRecord {
  return {
    username,
    displayName: username.toUpperCase(),
    role: 'editor',
    emergency: false,
    password: { algorithm: 'scrypt', N: 16384, r: 8, p: 1, salt: 'a-salt-of-sixteen', hash: 'a'.repeat(43) },
    mustChangePassword: false,
    disabled: false,
    sessionEpoch: 0,
    ssoSubject: null,
    createdAt: '2024-10-14T07:00:00.000Z',
    lastLoginAt: null,
    ...changes,
  };
}

for (const kind of kinds) {
  describe.skipIf(!kind.available)(`the ${kind.name} account store`, () => {
    const opened: AccountStore[] = [];
    let where: string;
    const open = async () => {
      const store = await kind.open(where);
      opened.push(store);
      return store;
    };

    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      kind.remove(where);
    });

    async function fresh(): Promise<AccountStore> {
      where = await kind.create();
      return open();
    }

    async function twoWriters(): Promise<[AccountStore, AccountStore]> {
      const first = await fresh();
      return [first, kind.concurrentWriters === 'one store' ? first : await open()];
    }

    it('keeps accounts: inserted, found without regard to case or by SSO link, listed by name, updated', async () => {
      const store = await fresh();
      expect(await store.count()).toBe(0);
      await store.insert(account('zoe'));
      await store.insert(account('Ann', { ssoSubject: 'https://id.example#s1', password: null, role: 'viewer' }));
      expect(await store.count()).toBe(2);
      expect(await store.get('ann')).toEqual(
        account('Ann', { ssoSubject: 'https://id.example#s1', password: null, role: 'viewer' }),
      );
      expect((await store.bySubject('https://id.example#s1'))?.username).toBe('Ann');
      expect(await store.bySubject('https://id.example#other')).toBeUndefined();
      expect((await store.list()).map((a) => a.username)).toEqual(['Ann', 'zoe']);

      await store.update({ ...account('zoe'), role: 'admin', emergency: true, disabled: true, sessionEpoch: 3 });
      await store.touchLogin('zoe', '2024-10-14T08:00:00.000Z');
      await store.setLanguage('zoe', 'fr');
      const other = await open();
      expect(await other.get('zoe')).toMatchObject({
        role: 'admin',
        emergency: true,
        disabled: true,
        sessionEpoch: 3,
        lastLoginAt: '2024-10-14T08:00:00.000Z',
      });
      expect(await other.language('zoe')).toBe('fr');
      expect(await other.language('Ann')).toBeNull();
      expect(await other.get('nobody')).toBeUndefined();
    });

    it('runs a transaction whole or not at all', async () => {
      const store = await fresh();
      await expect(
        store.transaction(async (tx) => {
          await tx.insert(account('ann'));
          if (await tx.get('ann')) throw new ConflictError('refused on purpose', {}, 'username');
        }),
      ).rejects.toThrow('refused on purpose');
      expect(await store.get('ann')).toBeUndefined();
      // A failed transaction leaves the store usable, and a write beside it is kept.
      await store.transaction(async (tx) => tx.insert(account('ann')));
      expect((await (await open()).get('ann'))?.username).toBe('ann');
    });

    it('two transactions checking then inserting the same name at once: one wins, the other sees it', async () => {
      const [one, two] = await twoWriters();
      const addOnce = (store: AccountStore, who: string) =>
        store.transaction(async (tx) => {
          if (await tx.get('ann')) return `${who} found it`;
          await tx.insert(account('ann', { displayName: who }));
          return `${who} made it`;
        });
      const answers = await Promise.all([addOnce(one, 'one'), addOnce(two, 'two')]);
      expect(answers.filter((answer) => answer.endsWith('made it'))).toHaveLength(1);
      expect(await one.count()).toBe(1);
    });

    it('keeps sign-outs until they expire, for every connection', async () => {
      const store = await fresh();
      const now = Date.parse('2024-10-14T08:00:00Z');
      await store.revoke('session-one-0123456789', now + 1_000, now);
      await store.importRevoked({ 'an-old-one-0123456789': now + 5_000, 'long-gone-0123456789': now - 1 }, now);
      const other = await open();
      expect(await other.isRevoked('session-one-0123456789')).toBe(true);
      expect(await other.isRevoked('an-old-one-0123456789')).toBe(true);
      expect(await other.isRevoked('long-gone-0123456789')).toBe(false);
      expect(await other.isRevoked('never-revoked-0123456789')).toBe(false);
      // The same sign-out twice is no error; expired ones go at the next sign-out.
      await other.revoke('session-one-0123456789', now + 1_000, now);
      await other.revoke('session-two-0123456789', now + 9_000, now + 2_000);
      expect(await store.isRevoked('session-one-0123456789')).toBe(false);
      expect(await store.isRevoked('session-two-0123456789')).toBe(true);
    });

    it('drains the queued CLI changes in order, each once, keeping one whose recording failed', async () => {
      const store = await fresh();
      const cli = await open();
      await cli.queueAudit('cli:ops', 'ops (command line)', 'account.add', 'Added ann');
      await cli.queueAudit('cli:ops', 'ops (command line)', 'account.disable', 'Disabled ann');
      await expect(
        store.drainAudit(() => {
          throw new Error('the journal is unwritable');
        }),
      ).rejects.toThrow('unwritable');
      const recorded: string[] = [];
      await store.drainAudit((entry) => void recorded.push(`${entry.actor} ${entry.operation}: ${entry.summary}`));
      expect(recorded).toEqual(['cli:ops account.add: Added ann', 'cli:ops account.disable: Disabled ann']);
      await store.drainAudit((entry) => void recorded.push(entry.summary));
      expect(recorded).toHaveLength(2);
    });

    it('keeps the first session key offered, whoever offers one next', async () => {
      const [one, two] = await twoWriters();
      const first = newSessionKey();
      const keys = await Promise.all([one.sessionKey(first), two.sessionKey(newSessionKey())]);
      expect(keys[0]!.equals(keys[1]!)).toBe(true);
      expect(keys[0]).toHaveLength(32);
      expect((await (await open()).sessionKey(newSessionKey())).equals(keys[0]!)).toBe(true);
    });

    it('tells a watching connection when another one changed accounts or signed someone out', async () => {
      const watcher = await fresh();
      const writer = await open();
      await writer.insert(account('ann'));
      let notices = 0;
      let heard: () => void = () => undefined;
      const watching = watcher.watch(() => {
        notices += 1;
        heard();
      });
      await watching.listening;
      const nextNotice = () => new Promise<void>((resolve) => (heard = resolve));
      let notice = nextNotice();
      await writer.revoke('session-one-0123456789', Date.now() + 60_000, Date.now());
      await notice;
      notice = nextNotice();
      await writer.transaction(async (tx) => tx.update({ ...account('ann'), disabled: true }));
      await notice;
      expect(notices).toBeGreaterThanOrEqual(2);
      watching.stop();
    });
  });
}
