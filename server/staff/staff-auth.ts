/**
 * Staff authentication in one object: named accounts (server/staff/accounts.ts), session tokens
 * in a cookie, logout. The HTTP and socket.io doors (middleware.ts) and the login routes are its
 * callers.
 */
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, DATABASE_FILE } from '../schedule/store/sqlite-store.ts';
import { migrate } from '../schedule/store/migrations.ts';
import type { Role } from '../../shared/staff.ts';
import type { ScheduleService } from '../schedule/service-types.ts';
import { AccountStore } from '../staff/account-store.ts';
import { ADMIN_USERNAME, Accounts, type AuditSink } from '../staff/accounts.ts';
import { PASSWORD_FILE, PasswordRecordSchema, type PasswordRecord } from './password.ts';
import { REVOKED_FILE, TokenSigner, loadSecret, type TokenClaims } from './tokens.ts';

/**
 * Over HTTPS the cookie is `__Host-signage_session` (host-only, Secure, path /), which no other
 * page can set. Over plain HTTP a page on another port of the same host is same-site and may set
 * cookies for us, so there the name is `signage_session_<12 hex>`, derived from the data
 * directory's session secret: unique per server and unknown to such a page (the cookie is
 * httpOnly, so no script can read its name either). A decoy under any name is still harmless:
 * every cookie of ours in a request is judged on its own.
 */
export const SESSION_COOKIE = 'signage_session';
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/** The plain-HTTP cookie name of the server whose session secret this is. */
export function plainSessionCookieName(secret: Buffer): string {
  return `${SESSION_COOKIE}_${createHmac('sha256', secret).update('cookie-name-v1').digest('hex').slice(0, 12)}`;
}
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** The actor of journal entries written before accounts existed. */
export const DEFAULT_ACTOR = 'staff';
/** How often the server looks for account changes made by the CLI (another process). */
export const ACCOUNT_POLL_MS = 500;

/** A valid login, with the account's current rights (read at every check, never from the token). */
export interface StaffSession extends TokenClaims {
  displayName: string;
  role: Role;
  emergency: boolean;
  mustChangePassword: boolean;
}

export interface StaffAuth {
  /** Set only when the admin password was generated at this start: show it once. */
  readonly generatedPassword: string | undefined;
  readonly sessionLifetimeMs: number;
  readonly accounts: Accounts;
  /** The session cookie's name over HTTPS (`__Host-…`) or plain HTTP (unique to this server). */
  cookieName(secure: boolean): string;
  /** A session token for the right pair (username defaults to admin), null for a wrong one. */
  login(password: string, username?: string): Promise<string | null>;
  /** A token for an account already authenticated elsewhere (single sign-on, a password change). */
  issue(username: string): string;
  /** The first valid staff session among the cookies of a Cookie header (a decoy never hides it). */
  sessionFromCookies(cookieHeader: string | undefined): StaffSession | null;
  /** Whether a session is still valid now (not logged out, account unchanged, not expired). */
  check(session: TokenClaims): StaffSession | null;
  /** Revokes the session for good (in the database) and tells the listeners. */
  logout(session: StaffSession): void;
  /** Called with each revoked session, so open staff sockets can be closed. */
  onLogout(listener: (session: StaffSession) => void): () => void;
  close(): void;
}

/** Every value of the cookies with these names, in header order. */
export function readCookies(header: string | undefined, names: readonly string[]): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (names.includes(part.slice(0, index).trim())) values.push(part.slice(index + 1).trim());
  }
  return values;
}

/** The first value of one cookie (kept for callers that need a single value). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  return readCookies(header, [name])[0];
}

class AccountStaffAuth implements StaffAuth {
  private readonly listeners = new Set<(session: StaffSession) => void>();

  constructor(
    readonly accounts: Accounts,
    private readonly tokens: TokenSigner,
    readonly generatedPassword: string | undefined,
    readonly sessionLifetimeMs: number,
    private readonly stopPolling: () => void,
    private readonly plainCookie: string,
    private readonly now: () => number = Date.now,
  ) {}

  cookieName(secure: boolean): string {
    return secure ? SECURE_SESSION_COOKIE : this.plainCookie;
  }

  async login(password: string, username = ADMIN_USERNAME): Promise<string | null> {
    const account = await this.accounts.verify(username, password);
    if (!account) return null;
    this.accounts.recordLogin(account.username);
    return this.issue(account.username);
  }

  issue(username: string): string {
    const account = this.accounts.get(username);
    if (!account || account.disabled) throw new Error(`cannot issue a session for ${username}`);
    return this.tokens.issue(account.username, account.sessionEpoch, this.sessionLifetimeMs).token;
  }

  sessionFromCookies(cookieHeader: string | undefined): StaffSession | null {
    for (const value of readCookies(cookieHeader, [SECURE_SESSION_COOKIE, this.plainCookie])) {
      const claims = this.tokens.verify(value);
      const session = claims && this.check(claims);
      if (session) return session;
    }
    return null;
  }

  check(claims: TokenClaims): StaffSession | null {
    if (claims.exp <= this.now()) return null;
    const account = this.accounts.get(claims.actor);
    if (!account || account.disabled || account.sessionEpoch !== claims.epoch) return null;
    if (this.accounts.store.isRevoked(claims.sid)) return null;
    return {
      sid: claims.sid,
      actor: account.username,
      epoch: claims.epoch,
      exp: claims.exp,
      displayName: account.displayName,
      role: account.role,
      emergency: account.emergency,
      mustChangePassword: account.mustChangePassword,
    };
  }

  logout(session: StaffSession): void {
    this.accounts.store.revoke(session.sid, session.exp, this.now());
    for (const listener of this.listeners) listener(session);
  }

  onLogout(listener: (session: StaffSession) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.stopPolling();
    this.accounts.store.close();
  }
}

function readLegacyPassword(dataDir: string): PasswordRecord | undefined {
  const file = join(dataDir, PASSWORD_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return PasswordRecordSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    throw new Error(`${file} is unreadable; delete it to generate a new staff password`);
  }
}

/** Opens the accounts table of a data directory on its own database connection. */
export function openAccountStore(dataDir: string): AccountStore {
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return new AccountStore(db);
}

/**
 * Opens the staff auth of a data directory. `password` is the operator's choice for the admin
 * (SIGNAGE_ADMIN_PASSWORD / SIGNAGE_STAFF_PASSWORD). A data directory of the single-password
 * version keeps working: its password becomes the admin's, its logouts move into the database.
 * With `service`, account changes (also the CLI's) become journal entries.
 */
export async function createStaffAuth(options: {
  dataDir: string;
  password?: string | undefined;
  sessionLifetimeMs?: number | undefined;
  service?: ScheduleService | undefined;
}): Promise<StaffAuth> {
  const store = openAccountStore(options.dataDir);
  try {
    const audit: AuditSink = options.service
      ? (operation, summary, actor) => options.service!.recordAudit(operation, summary, actor)
      : () => {};
    const accounts = new Accounts(store, audit);
    const legacy = store.count() === 0 ? readLegacyPassword(options.dataDir) : undefined;
    const generated = await accounts.ensureAdmin(options.password, legacy);
    if (legacy) renameSync(join(options.dataDir, PASSWORD_FILE), join(options.dataDir, `${PASSWORD_FILE}.migrated`));
    const revokedFile = join(options.dataDir, REVOKED_FILE);
    if (existsSync(revokedFile)) {
      const imported = store.importRevokedFile(readFileSync(revokedFile, 'utf8'), Date.now());
      renameSync(revokedFile, `${revokedFile}.${imported ? 'migrated' : 'damaged'}`);
    }

    const drain = () =>
      store.drainAudit((entry) =>
        audit(entry.operation, entry.summary, { name: entry.actor, displayName: entry.actor_name }),
      );
    await drain();
    // The CLI writes the same tables from another process: notice it, journal it, and recheck
    // every open live channel (the listeners get '' = "anyone may have changed").
    let version = store.dataVersion();
    let draining = false;
    const poll = setInterval(() => {
      const current = store.dataVersion();
      // One drain at a time, or a queued change could be journalled twice.
      if (current === version || draining) return;
      version = current;
      draining = true;
      // A failed journal write leaves the queued change for the next poll.
      drain()
        .then(
          () => accounts.notify(''),
          () => undefined,
        )
        .finally(() => (draining = false));
    }, ACCOUNT_POLL_MS);
    poll.unref();
    const lifetime = options.sessionLifetimeMs ?? SESSION_LIFETIME_MS;
    const secret = loadSecret(options.dataDir);
    return new AccountStaffAuth(
      accounts,
      new TokenSigner(secret),
      generated,
      lifetime,
      () => clearInterval(poll),
      plainSessionCookieName(secret),
    );
  } catch (error) {
    store.close();
    throw error;
  }
}
