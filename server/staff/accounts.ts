/**
 * Staff accounts: who may sign in, with which role, and every change to that list. Used by the
 * HTTP routes (server/staff/accounts-routes.ts), the `users` CLI and the login. A change that
 * must end someone's sessions raises the account's session epoch; the listeners (the /control
 * namespace) close that person's live channel at once.
 */
import { DateTime } from 'luxon';
import {
  USERNAME_MAX,
  isRole,
  passwordRefusal,
  usernameRefusal,
  type AccountView,
  type Role,
} from '../../shared/staff.ts';
import {
  DEFAULT_PASSWORD_COST,
  generatePassword,
  hashPassword,
  passwordCostProblem,
  usableCostProblem,
  verifyPassword,
  type PasswordRecord,
} from './password.ts';
import { ConflictError, NotFoundError, ValidationError } from '../platform/errors.ts';
import { refusal } from '../../shared/refusal-codes.ts';
import type { Actor } from '../schedule/service-types.ts';
import type { JournalParams, JournalParamsOf } from '../../shared/journal-params.ts';
import type { AccountRecord, AccountStore, AccountWrites } from './account-store.ts';
import type { Logger } from '../platform/logger.ts';
import { firstLine } from '../platform/first-line.ts';

export const ADMIN_USERNAME = 'admin';

/** Where account changes are recorded: the journal (server), or the queue the server drains (CLI). */
/** Journals an account change: its English sentence and, for the panel to word it, its parameters. */
export type AuditSink = (
  operation: string,
  summary: string,
  actor: Actor,
  params?: JournalParams,
) => void | Promise<unknown>;

export interface NewAccount {
  username: string;
  displayName?: string | undefined;
  role: string;
  emergency?: boolean | undefined;
  /** Chosen password; without one a one-time password is generated and must be changed at first login. */
  password?: string | undefined;
}

/** A person the sign-in provider vouched for (server/staff/sso.ts), and the role their claim gives. */
export interface DirectoryPerson {
  issuer: string;
  subject: string;
  usernameHint: string;
  displayName: string;
  role: Role;
}

/** How an SSO account is linked: issuer and subject together (a subject is unique only per issuer). */
export function ssoLink(issuer: string, subject: string): string {
  return `${issuer}#${subject}`;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

/** The provider's name for a person, made fit for a display name (no control characters, 100 at most). */
function cleanDirectoryName(name: string): string {
  return name.replace(CONTROL_CHARACTERS, ' ').trim().slice(0, 100);
}

/** A free username near the provider's hint ("ann@un.org", else "ann@un.org-2", …). */
async function freeUsername(hint: string, taken: (name: string) => Promise<boolean>): Promise<string> {
  const base =
    hint
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}._@-]+/gu, '-')
      .replace(/^[^\p{L}\p{N}]+/u, '')
      .slice(0, USERNAME_MAX - 4) || 'sso-user';
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}

export interface AccountChange {
  username: string;
  role?: string | undefined;
  emergency?: boolean | undefined;
  displayName?: string | undefined;
  disabled?: boolean | undefined;
}

function checkUsername(username: string): void {
  const refused = usernameRefusal(username);
  if (refused) throw new ValidationError(`username ${refused.problem}`, 'username', refused.coded);
}

export function checkPassword(password: string, field = 'password'): void {
  const refused = passwordRefusal(password);
  if (refused) throw new ValidationError(`password ${refused.problem}`, field, refused.coded);
}

function checkRole(role: string): Role {
  if (!isRole(role))
    throw new ValidationError(
      `role must be viewer, editor or admin (got "${role}")`,
      'role',
      refusal('account.role', { role }),
    );
  return role;
}

function checkDisplayName(name: string): string {
  const trimmed = name.trim();
  // eslint-disable-next-line no-control-regex
  if (trimmed === '' || trimmed.length > 100 || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new ValidationError(
      'displayName must be 1–100 characters without control characters',
      'displayName',
      refusal('account.display-name', { maximum: 100 }),
    );
  }
  return trimmed;
}

export function accountView(account: AccountRecord): AccountView {
  return {
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    emergency: account.emergency,
    disabled: account.disabled,
    mustChangePassword: account.mustChangePassword,
    source: account.ssoSubject !== null && account.password === null ? 'sso' : 'password',
    createdAt: account.createdAt,
    lastLoginAt: account.lastLoginAt,
  };
}

function describeGrant(role: Role, emergency: boolean): string {
  return emergency && role !== 'admin' ? `${role} with emergency rights` : role;
}

export class Accounts {
  private readonly listeners = new Set<(username: string) => void>();
  /** Checked when the username is unknown, so both answers take the same time (made at this cost). */
  private decoy: Promise<PasswordRecord> | undefined;

  /**
   * `passwordCost`: scrypt's N for the hashes made here (server/staff/password.ts); `logger` hears
   * of stored hashes that cannot be used.
   */
  constructor(
    readonly store: AccountStore,
    private readonly audit: AuditSink,
    private readonly now: () => number = Date.now,
    private readonly passwordCost = DEFAULT_PASSWORD_COST,
    private readonly logger?: Pick<Logger, 'warn'>,
  ) {
    const problem = passwordCostProblem(passwordCost, false);
    if (problem) throw new Error(`the password cost ${problem} (got ${passwordCost})`);
  }

  get(username: string): Promise<AccountRecord | undefined> {
    return this.store.get(username);
  }

  async list(): Promise<AccountView[]> {
    return (await this.store.list()).map(accountView);
  }

  /** Adds an account; returns the one-time password when none was chosen. */
  async add(input: NewAccount, actor: Actor): Promise<{ account: AccountView; oneTimePassword?: string }> {
    checkUsername(input.username);
    const role = checkRole(input.role);
    const displayName = checkDisplayName(input.displayName ?? input.username);
    if (input.password !== undefined) checkPassword(input.password);
    const oneTimePassword = input.password === undefined ? generatePassword() : undefined;
    const password = await this.hash(input.password ?? oneTimePassword!);
    const record: AccountRecord = {
      username: input.username,
      displayName,
      role,
      emergency: input.emergency ?? false,
      password,
      mustChangePassword: oneTimePassword !== undefined,
      disabled: false,
      sessionEpoch: 0,
      ssoSubject: null,
      createdAt: this.isoNow(),
      lastLoginAt: null,
    };
    await this.store.transaction(async (tx) => {
      if (await tx.get(input.username))
        throw new ConflictError(
          `the username "${input.username}" is taken`,
          {},
          'username',
          refusal('account.username-taken', { username: input.username }),
        );
      await tx.insert(record);
    });
    await this.audit(
      'account.add',
      `Added ${record.username} (${record.displayName}) as ${describeGrant(role, record.emergency)}`,
      actor,
      {
        op: 'account.add',
        username: record.username,
        displayName: record.displayName,
        role,
        emergency: record.emergency,
        sso: false,
      },
    );
    return oneTimePassword === undefined
      ? { account: accountView(record) }
      : { account: accountView(record), oneTimePassword };
  }

  /** Role, emergency grant, display name, disabled flag. A new grant or disabling ends the sessions. */
  async change(input: AccountChange, actor: Actor): Promise<AccountView> {
    const role = input.role === undefined ? undefined : checkRole(input.role);
    const displayName = input.displayName === undefined ? undefined : checkDisplayName(input.displayName);
    const summaries: string[] = [];
    let params: JournalParamsOf<'account.change'> | undefined;
    const updated = await this.store.transaction(async (tx) => {
      const account = await this.require(tx, input.username);
      const next = { ...account };
      if (role !== undefined) next.role = role;
      if (input.emergency !== undefined) next.emergency = input.emergency;
      if (displayName !== undefined) next.displayName = displayName;
      if (input.disabled !== undefined) next.disabled = input.disabled;
      if (account.role === 'admin' && !account.disabled && (next.role !== 'admin' || next.disabled))
        await this.keepAnAdmin(tx, account.username);
      if (next.role !== account.role || next.emergency !== account.emergency) {
        summaries.push(`${account.username} is now ${describeGrant(next.role, next.emergency)}`);
      }
      if (next.displayName !== account.displayName)
        summaries.push(`${account.username} is now called ${next.displayName}`);
      if (next.disabled !== account.disabled)
        summaries.push(`${next.disabled ? 'Disabled' : 'Enabled'} ${account.username}`);
      params = {
        op: 'account.change',
        username: account.username,
        ...((next.role !== account.role || next.emergency !== account.emergency) && {
          grant: { role: next.role, emergency: next.emergency },
        }),
        ...(next.displayName !== account.displayName && { displayName: next.displayName }),
        ...(next.disabled !== account.disabled && { disabled: next.disabled }),
        sso: false,
      };
      const endsSessions = next.role !== account.role || next.emergency !== account.emergency || next.disabled;
      if (endsSessions && summaries.length > 0) next.sessionEpoch += 1;
      await tx.update(next);
      return next;
    });
    if (summaries.length > 0) {
      await this.audit(
        `account.${input.disabled === true ? 'disable' : 'change'}`,
        summaries.join('; '),
        actor,
        params,
      );
      this.notify(updated.username);
    }
    return accountView(updated);
  }

  /** A new one-time password (shown once); the old one and every open session stop working. */
  async reset(username: string, actor: Actor): Promise<string> {
    const oneTimePassword = generatePassword();
    const password = await this.hash(oneTimePassword);
    await this.store.transaction(async (tx) => {
      const account = await this.require(tx, username);
      await tx.update({ ...account, password, mustChangePassword: true, sessionEpoch: account.sessionEpoch + 1 });
    });
    await this.audit('account.reset', `Reset the password of ${username}`, actor, { op: 'account.reset', username });
    this.notify(username);
    return oneTimePassword;
  }

  /** The signed-in person's own new password; their other sessions end. */
  async changeOwnPassword(username: string, current: string, next: string): Promise<AccountRecord> {
    checkPassword(next, 'newPassword');
    const account = await this.require(this.store, username);
    if (!account.password || !(await verifyPassword(current, account.password, this.logger, username))) {
      throw new ValidationError(
        'the current password is wrong',
        'currentPassword',
        refusal('account.current-password-wrong'),
      );
    }
    if (current === next)
      throw new ValidationError(
        'the new password must differ from the current one',
        'newPassword',
        refusal('account.password-unchanged'),
      );
    const password = await this.hash(next);
    // Read again under the lock: a change made meanwhile (a new role, disabling) is kept.
    const updated = await this.store.transaction(async (tx) => {
      const latest = await this.require(tx, username);
      const next = { ...latest, password, mustChangePassword: false, sessionEpoch: latest.sessionEpoch + 1 };
      await tx.update(next);
      return next;
    });
    await this.audit(
      'account.password',
      `${username} changed their password`,
      { name: username, displayName: account.displayName },
      { op: 'account.password', username },
    );
    this.notify(username);
    return updated;
  }

  /**
   * The account for a username and password, or null. Unknown users (and accounts without a usable
   * password) are checked against a decoy hash made at the current cost, so the answer takes as
   * long as for a wrong password. A hash made at a lower cost (a demo or test data directory later
   * run in production) is made again at the current one at its next successful login: until then
   * that account answers faster than the decoy, and after it, as slowly.
   */
  async verify(username: string, password: string): Promise<AccountRecord | null> {
    const account = await this.store.get(username);
    if (!account?.password || usableCostProblem(account.password) !== undefined) {
      // An unusable stored hash is no match: verifyPassword logs why, naming the account.
      if (account?.password) await verifyPassword(password, account.password, this.logger, username);
      this.decoy ??= this.hash(generatePassword());
      await verifyPassword(password, await this.decoy);
      return null;
    }
    const ok = await verifyPassword(password, account.password, this.logger, username);
    if (!ok || account.disabled) return null;
    return account.password.N < this.passwordCost ? this.rehash(account, password) : account;
  }

  /**
   * The same password hashed at the current cost; the sessions stay (the hash is not what they are
   * bound to). A database that does not take it does not refuse the login: the next one tries again.
   */
  private async rehash(account: AccountRecord, password: string): Promise<AccountRecord | null> {
    const stronger = await this.hash(password);
    try {
      return await this.store.transaction(async (tx) => {
        const latest = await tx.get(account.username);
        if (!latest || latest.disabled) return null;
        if (latest.password?.hash !== account.password?.hash) {
          // Every new password (a change, a reset) starts a new session epoch. The same epoch with
          // another hash is a login beside this one that made it again first: the password this
          // login proved is still the account's. A new epoch is a new password: the newer wins.
          return latest.sessionEpoch === account.sessionEpoch ? latest : null;
        }
        const next = { ...latest, password: stronger };
        await tx.update(next);
        return next;
      });
    } catch (error) {
      this.logger?.warn('could not store a password hash made at the current cost; the next login tries again', {
        username: account.username,
        reason: firstLine(error),
      });
      return account;
    }
  }

  /**
   * The account of a person who signed in through the provider: made on their first sign-in
   * (never linked to an existing password account by name, which would hand it to whoever the
   * directory calls that), its role refreshed from the claim each time. Null when it is disabled.
   * Both are journalled as account changes, signed by the person.
   */
  async signInFromDirectory(person: DirectoryPerson): Promise<AccountRecord | null> {
    const link = ssoLink(person.issuer, person.subject);
    let summary: { operation: string; text: string; params: JournalParams } | undefined;
    const account = await this.store.transaction(async (tx): Promise<AccountRecord | null> => {
      const existing = await tx.bySubject(link);
      if (existing?.disabled) return null;
      if (existing) {
        const leavesNoAdmin =
          existing.role === 'admin' &&
          person.role !== 'admin' &&
          !(await tx.list()).some((a) => a.role === 'admin' && !a.disabled && a.username !== existing.username);
        // The directory decides, except that it may not leave the venue without any admin.
        if (existing.role === person.role || leavesNoAdmin) return existing;
        const next = { ...existing, role: person.role, sessionEpoch: existing.sessionEpoch + 1 };
        await tx.update(next);
        summary = {
          operation: 'account.change',
          text: `${existing.username} is now ${describeGrant(next.role, next.emergency)} (from the sign-in provider)`,
          params: {
            op: 'account.change',
            username: existing.username,
            grant: { role: next.role, emergency: next.emergency },
            sso: true,
          },
        };
        return next;
      }
      const record: AccountRecord = {
        username: await freeUsername(person.usernameHint, async (name) => (await tx.get(name)) !== undefined),
        displayName: cleanDirectoryName(person.displayName) || person.usernameHint,
        role: person.role,
        emergency: false,
        password: null,
        mustChangePassword: false,
        disabled: false,
        sessionEpoch: 0,
        ssoSubject: link,
        createdAt: this.isoNow(),
        lastLoginAt: null,
      };
      await tx.insert(record);
      summary = {
        operation: 'account.add',
        text: `Added ${record.username} (${record.displayName}) as ${record.role} at their first single sign-on`,
        params: {
          op: 'account.add',
          username: record.username,
          displayName: record.displayName,
          role: record.role,
          emergency: false,
          sso: true,
        },
      };
      return record;
    });
    if (account && summary) {
      await this.audit(
        summary.operation,
        summary.text,
        { name: account.username, displayName: account.displayName },
        summary.params,
      );
      this.notify(account.username);
    }
    return account;
  }

  private hash(password: string): Promise<PasswordRecord> {
    return hashPassword(password, this.passwordCost);
  }

  recordLogin(username: string): Promise<void> {
    return this.store.touchLogin(username, this.isoNow());
  }

  /**
   * First start and upgrades: makes sure an `admin` exists. Its password is the operator's choice
   * (SIGNAGE_ADMIN_PASSWORD / SIGNAGE_STAFF_PASSWORD), else the single shared password of a
   * pre-accounts data directory, else a generated one (returned, to be shown once). Nodes of a
   * cluster starting at once on an empty database make one admin: the first insert wins, the others
   * find it (and only set its password when theirs differs).
   */
  async ensureAdmin(chosen: string | undefined, legacy: PasswordRecord | undefined): Promise<string | undefined> {
    if (!(await this.store.get(ADMIN_USERNAME))) {
      const generated = chosen === undefined && legacy === undefined ? generatePassword() : undefined;
      const password =
        chosen !== undefined || generated !== undefined ? await this.hash(chosen ?? generated!) : legacy!;
      const record: AccountRecord = {
        username: ADMIN_USERNAME,
        displayName: 'Administrator',
        role: 'admin',
        emergency: true,
        password,
        mustChangePassword: false,
        disabled: false,
        sessionEpoch: 0,
        ssoSubject: null,
        createdAt: this.isoNow(),
        lastLoginAt: null,
      };
      const inserted = await this.store.transaction(async (tx) => {
        if (await tx.get(ADMIN_USERNAME)) return false;
        await tx.insert(record);
        return true;
      });
      if (inserted) return generated;
    }
    const existing = (await this.store.get(ADMIN_USERNAME))!;
    if (
      chosen === undefined ||
      (existing.password && (await verifyPassword(chosen, existing.password, this.logger, ADMIN_USERNAME)))
    )
      return;
    const password = await this.hash(chosen);
    await this.store.transaction(async (tx) => {
      const latest = await this.require(tx, ADMIN_USERNAME);
      await tx.update({
        ...latest,
        password,
        mustChangePassword: false,
        disabled: false,
        sessionEpoch: latest.sessionEpoch + 1,
      });
    });
    this.notify(ADMIN_USERNAME);
    return undefined;
  }

  /** Called with the username whose sessions just ended (or whose rights changed). */
  onChange(listener: (username: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(username: string): void {
    for (const listener of this.listeners) listener(username);
  }

  private async require(tx: AccountWrites, username: string): Promise<AccountRecord> {
    const account = await tx.get(username);
    if (!account)
      throw new NotFoundError(`no account "${username}"`, 'username', refusal('account.unknown', { username }));
    return account;
  }

  /** "Who can still manage accounts" must never become nobody. */
  private async keepAnAdmin(tx: AccountWrites, leaving: string): Promise<void> {
    const others = (await tx.list()).filter((a) => a.role === 'admin' && !a.disabled && a.username !== leaving);
    if (others.length === 0)
      throw new ConflictError(
        'the last enabled admin cannot be disabled or demoted',
        {},
        'role',
        refusal('account.last-admin'),
      );
  }

  private isoNow(): string {
    return DateTime.fromMillis(this.now(), { zone: 'utc' }).toISO()!;
  }
}
