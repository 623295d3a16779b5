/**
 * The scrypt cost of staff passwords (server/staff/password.ts, `--password-cost`): accounts hash at
 * the cost they were given, every stored record carries its own N so a password hashed at one cost
 * still verifies at another (and is made again at the current cost when it was lower), a cost
 * outside the safe range is refused, and a stored record outside it never throws.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Accounts } from '../../server/staff/accounts.ts';
import { openAccountStore } from '../../server/staff/staff-auth.ts';
import type { AccountStore } from '../../server/staff/account-store.ts';
import {
  DEFAULT_PASSWORD_COST,
  MIN_PASSWORD_COST,
  hashPassword,
  passwordCostProblem,
  verifyPassword,
} from '../../server/staff/password.ts';
import { removeDir, staff, tempDataDir } from './domain-fixture.ts';

const PASSWORD = 'a-long-staff-password-7';

describe('the password cost', () => {
  let dir: string;
  let store: AccountStore;

  beforeEach(() => {
    dir = tempDataDir();
    store = openAccountStore(dir);
  });

  afterEach(async () => {
    await store.close();
    removeDir(dir);
  });

  it('hashes at the default cost unless told otherwise, and the record says which', async () => {
    expect(await hashPassword(PASSWORD)).toMatchObject({ N: DEFAULT_PASSWORD_COST, r: 8, p: 1 });
    const cheap = await hashPassword(PASSWORD, MIN_PASSWORD_COST);
    expect(cheap).toMatchObject({ N: MIN_PASSWORD_COST, r: 8, p: 1 });
    expect(await verifyPassword(PASSWORD, cheap)).toBe(true);
    expect(await verifyPassword('another-password-entirely', cheap)).toBe(false);
  });

  it('accounts made at one cost sign in under accounts set to another (each record keeps its N)', async () => {
    const cheap = new Accounts(store, () => {}, Date.now, MIN_PASSWORD_COST);
    await cheap.add({ username: 'ada', role: 'editor', password: PASSWORD }, staff);
    expect((await store.get('ada'))?.password).toMatchObject({ N: MIN_PASSWORD_COST });

    const costly = new Accounts(store, () => {}, Date.now, DEFAULT_PASSWORD_COST);
    expect(await costly.verify('ada', PASSWORD)).toMatchObject({ username: 'ada' });
    expect(await costly.verify('ada', 'not-the-password-at-all')).toBeNull();
    await costly.add({ username: 'bob', role: 'viewer', password: PASSWORD }, staff);
    expect((await store.get('bob'))?.password).toMatchObject({ N: DEFAULT_PASSWORD_COST });
    expect(await cheap.verify('bob', PASSWORD)).toMatchObject({ username: 'bob' });
    // An unknown user is checked against a decoy, so the answer is the same refusal.
    expect(await cheap.verify('nobody', PASSWORD)).toBeNull();
  });

  it('a stored hash this server never writes is no match, logged, never a thrown error', async () => {
    const warnings: string[] = [];
    const logger = { warn: (message: string) => void warnings.push(message) };
    const accounts = new Accounts(store, () => {}, Date.now, MIN_PASSWORD_COST, logger);
    await accounts.add({ username: 'ada', role: 'editor', password: PASSWORD }, staff);
    const made = (await store.get('ada'))!;
    const unusable = [{ N: 3000 }, { N: 2 ** 21 }, { N: 512 }, { p: 64 }, { r: 16 }];
    for (const cost of unusable) {
      const record = { ...made.password!, ...cost };
      expect(await verifyPassword(PASSWORD, record, logger), JSON.stringify(cost)).toBe(false);
      await store.transaction((tx) => tx.update({ ...made, password: record }));
      expect(await accounts.verify('ada', PASSWORD), JSON.stringify(cost)).toBeNull();
    }
    expect(warnings).toHaveLength(2 * unusable.length);
    expect(warnings[0]).toBe(
      'a stored password hash cannot be used (N is 3000, not a power of two from 1024 to 32768); reset that password',
    );
  });

  it('a hash made at a lower cost is made again at the current one at the next successful login', async () => {
    const cheap = new Accounts(store, () => {}, Date.now, MIN_PASSWORD_COST);
    await cheap.add({ username: 'ada', role: 'editor', password: PASSWORD }, staff);
    const before = (await store.get('ada'))!;
    const warnings: string[] = [];
    const stronger = new Accounts(store, () => {}, Date.now, 2 * MIN_PASSWORD_COST, {
      warn: (message) => void warnings.push(message),
    });
    expect(await stronger.verify('ada', 'not-the-password-at-all')).toBeNull();
    expect((await store.get('ada'))!.password).toEqual(before.password);
    // A database that will not take the new hash does not refuse the right password.
    const locked = vi.spyOn(store, 'transaction').mockRejectedValueOnce(new Error('database is locked'));
    expect(await stronger.verify('ada', PASSWORD)).toMatchObject({ username: 'ada' });
    locked.mockRestore();
    expect((await store.get('ada'))!.password).toEqual(before.password);
    expect(warnings).toEqual(['could not store a password hash made at the current cost; the next login tries again']);

    expect(await stronger.verify('ada', PASSWORD)).toMatchObject({ username: 'ada' });
    const after = (await store.get('ada'))!;
    expect(after.password).toMatchObject({ N: 2 * MIN_PASSWORD_COST, r: 8, p: 1 });
    // Her sessions stay: only the hash changed.
    expect(after.sessionEpoch).toBe(before.sessionEpoch);
    expect(await stronger.verify('ada', PASSWORD)).toMatchObject({ username: 'ada' });
    // A server at a lower cost than the stored one leaves it as it is.
    expect(await cheap.verify('ada', PASSWORD)).toMatchObject({ username: 'ada' });
    expect((await store.get('ada'))!.password).toEqual(after.password);
  });

  it('two logins at once on a hash made at a lower cost both sign in; a password changed meanwhile wins', async () => {
    const cheap = new Accounts(store, () => {}, Date.now, MIN_PASSWORD_COST);
    await cheap.add({ username: 'ada', role: 'editor', password: PASSWORD }, staff);
    const stronger = new Accounts(store, () => {}, Date.now, 2 * MIN_PASSWORD_COST);
    // Both prove the password on the cheap hash and make it again; the second to store finds the first's.
    const [one, two] = await Promise.all([stronger.verify('ada', PASSWORD), stronger.verify('ada', PASSWORD)]);
    expect(one).toMatchObject({ username: 'ada' });
    expect(two).toMatchObject({ username: 'ada' });
    expect((await store.get('ada'))!.password).toMatchObject({ N: 2 * MIN_PASSWORD_COST });

    // A login on the old hash that stores after the password was changed is refused: the change wins.
    await cheap.add({ username: 'ben', role: 'editor', password: PASSWORD }, staff);
    const stored = (await store.get('ben'))!;
    const changed = {
      ...stored,
      password: await hashPassword('a-new-password-for-ben', MIN_PASSWORD_COST),
      sessionEpoch: stored.sessionEpoch + 1,
    };
    const read = vi.spyOn(store, 'get').mockResolvedValueOnce(stored);
    await store.transaction((tx) => tx.update(changed));
    expect(await stronger.verify('ben', PASSWORD)).toBeNull();
    read.mockRestore();
    expect((await store.get('ben'))!.password).toEqual(changed.password);
  });

  it('refuses a cost that is not a power of two in range, and one below the floor in production', () => {
    expect(() => new Accounts(store, () => {}, Date.now, 1000)).toThrow(
      'the password cost must be a power of two between 1024 and 32768 (got 1000)',
    );
    expect(() => new Accounts(store, () => {}, Date.now, 512)).toThrow(/power of two between 1024 and 32768/);
    expect(passwordCostProblem(65536, false)).toMatch(/between 1024 and 32768/);
    expect(passwordCostProblem(8192, false)).toBeUndefined();
    expect(passwordCostProblem(8192, true)).toBe('must be at least 16384 in production (NODE_ENV=production)');
    expect(passwordCostProblem(DEFAULT_PASSWORD_COST, true)).toBeUndefined();
  });
});
