/**
 * Staff authentication in one object: named accounts (server/staff/accounts.ts), session tokens
 * in a cookie, logout. The HTTP and socket.io doors (staff-door.ts) and the login routes are its
 * callers. Every check reads the account and the sign-outs from the store, never from memory: in
 * a cluster a sign-out or a new role on one node holds on every node at the very next request
 * (one indexed lookup each, which staff traffic easily affords), and the change notifications only
 * close the live channels other nodes hold open.
 */
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, DATABASE_FILE } from '../schedule/store/sqlite-store.ts';
import { migrate } from '../schedule/store/migrations.ts';
import type { Role } from '../../shared/staff.ts';
import type { ScheduleService } from '../schedule/service-types.ts';
import {
  REVOKED_FILE_SCHEMA,
  newSessionKey,
  openSqliteAccountStore,
  type AccountStore,
} from '../staff/account-store.ts';
import { ADMIN_USERNAME, Accounts, type AuditSink } from '../staff/accounts.ts';
import type { Logger } from '../platform/logger.ts';
import { PASSWORD_FILE, PasswordRecordSchema, type PasswordRecord } from './password.ts';
import { REVOKED_FILE, SECRET_FILE, TokenSigner, readLegacySecret, type TokenClaims } from './tokens.ts';

/**
 * Over HTTPS the cookie is `__Host-signage_session` (host-only, Secure, path /), which no other
 * page can set. Over plain HTTP a page on another port of the same host is same-site and may set
 * cookies for us, so there the name is `signage_session_<12 hex>`, derived from the database's
 * session key: unique per data directory (or per cluster database, so the same on every node) and
 * unknown to such a page (the cookie is httpOnly, so no script can read its name either). A decoy under any name is still harmless:
 * every cookie of ours in a request is judged on its own.
 */
export const SESSION_COOKIE = 'signage_session';
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/** The plain-HTTP cookie name of the servers whose session key this is. */
export function plainSessionCookieName(secret: Buffer): string {
  return `${SESSION_COOKIE}_${createHmac('sha256', secret).update('cookie-name-v1').digest('hex').slice(0, 12)}`;
}
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** The actor of journal entries written before accounts existed. */
export const DEFAULT_ACTOR = 'staff';

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
  issue(username: string): Promise<string>;
  /** The first valid staff session among the cookies of a Cookie header (a decoy never hides it). */
  sessionFromCookies(cookieHeader: string | undefined): Promise<StaffSession | null>;
  /** Whether a session is still valid now (not logged out, account unchanged, not expired). */
  check(session: TokenClaims): Promise<StaffSession | null>;
  /** Revokes the session for good (durable in the database before it resolves) and tells the listeners. */
  logout(session: StaffSession): Promise<void>;
  /** Called with each session revoked on this node, so open staff sockets can be closed. */
  onLogout(listener: (session: StaffSession) => void): () => void;
  close(): Promise<void>;
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
    private readonly stopWatching: () => void,
    private readonly plainCookie: string,
    private readonly now: () => number = Date.now,
  ) {}

  cookieName(secure: boolean): string {
    return secure ? SECURE_SESSION_COOKIE : this.plainCookie;
  }

  async login(password: string, username = ADMIN_USERNAME): Promise<string | null> {
    const account = await this.accounts.verify(username, password);
    if (!account) return null;
    await this.accounts.recordLogin(account.username);
    return this.issue(account.username);
  }

  async issue(username: string): Promise<string> {
    const account = await this.accounts.get(username);
    if (!account || account.disabled) throw new Error(`cannot issue a session for ${username}`);
    return this.tokens.issue(account.username, account.sessionEpoch, this.sessionLifetimeMs).token;
  }

  async sessionFromCookies(cookieHeader: string | undefined): Promise<StaffSession | null> {
    for (const value of readCookies(cookieHeader, [SECURE_SESSION_COOKIE, this.plainCookie])) {
      const claims = this.tokens.verify(value);
      const session = claims && (await this.check(claims));
      if (session) return session;
    }
    return null;
  }

  async check(claims: TokenClaims): Promise<StaffSession | null> {
    if (claims.exp <= this.now()) return null;
    const [account, revoked] = await Promise.all([
      this.accounts.get(claims.actor),
      this.accounts.store.isRevoked(claims.sid),
    ]);
    if (!account || account.disabled || account.sessionEpoch !== claims.epoch || revoked) return null;
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

  async logout(session: StaffSession): Promise<void> {
    await this.accounts.store.revoke(session.sid, session.exp, this.now());
    for (const listener of this.listeners) listener(session);
  }

  onLogout(listener: (session: StaffSession) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.stopWatching();
    await this.accounts.store.close();
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

/** Opens the accounts of a data directory, on a database connection of their own. */
export function openAccountStore(dataDir: string): AccountStore {
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return openSqliteAccountStore(db);
}

/**
 * What a data directory of an earlier version kept in files moves into its database once: the
 * single shared password becomes the admin's, the logouts join the table, the session secret
 * becomes the session key (so cookies issued before keep working). Not for a cluster's shared
 * database: a node's data directory holds none of its accounts.
 */
async function adoptLegacyFiles(store: AccountStore, dataDir: string, accounts: Accounts, password?: string) {
  const legacy = (await store.count()) === 0 ? readLegacyPassword(dataDir) : undefined;
  const generated = await accounts.ensureAdmin(password, legacy);
  if (legacy) renameSync(join(dataDir, PASSWORD_FILE), join(dataDir, `${PASSWORD_FILE}.migrated`));
  const revokedFile = join(dataDir, REVOKED_FILE);
  if (existsSync(revokedFile)) {
    const parsed = REVOKED_FILE_SCHEMA.safeParse(safeJson(readFileSync(revokedFile, 'utf8')));
    if (parsed.success) await store.importRevoked(parsed.data, Date.now());
    renameSync(revokedFile, `${revokedFile}.${parsed.success ? 'migrated' : 'damaged'}`);
  }
  const secretFile = join(dataDir, SECRET_FILE);
  const key = await store.sessionKey(readLegacySecret(dataDir) ?? newSessionKey());
  // The key is in the database now; a second copy on disk would only be one more secret to guard.
  if (existsSync(secretFile)) rmSync(secretFile);
  return { generated, key };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Opens the staff auth on an account store: the data directory's (the default) or the cluster's
 * (`store`, from platform/stores.ts). `password` is the operator's choice for the admin
 * (SIGNAGE_ADMIN_PASSWORD / SIGNAGE_STAFF_PASSWORD). With `service`, account changes (also the
 * CLI's) become journal entries.
 */
export async function createStaffAuth(options: {
  dataDir: string;
  store?: AccountStore | undefined;
  password?: string | undefined;
  sessionLifetimeMs?: number | undefined;
  service?: ScheduleService | undefined;
  /** scrypt's N for the password hashes made from now on (`--password-cost`; default DEFAULT_PASSWORD_COST). */
  passwordCost?: number | undefined;
  /** Hears of stored password hashes that cannot be used. */
  logger?: Pick<Logger, 'warn'> | undefined;
}): Promise<StaffAuth> {
  const store = options.store ?? openAccountStore(options.dataDir);
  try {
    const audit: AuditSink = options.service
      ? (operation, summary, actor, params) => options.service!.recordAudit(operation, summary, actor, params)
      : () => {};
    const accounts = new Accounts(store, audit, Date.now, options.passwordCost, options.logger);
    const { generated, key } =
      store.kind === 'data-dir'
        ? await adoptLegacyFiles(store, options.dataDir, accounts, options.password)
        : {
            generated: await accounts.ensureAdmin(options.password, undefined),
            key: await store.sessionKey(newSessionKey()),
          };

    const drain = () =>
      store.drainAudit((entry) =>
        audit(entry.operation, entry.summary, { name: entry.actor, displayName: entry.actor_name }),
      );
    await drain();
    // The CLI and the other nodes write the same tables: notice it, journal what the CLI queued,
    // and recheck every open live channel (the listeners get '' = "anyone may have changed").
    let draining: Promise<void> | undefined;
    let again = false;
    const changed = () => {
      // One drain at a time, or a queued change could be journalled twice; a change during one
      // runs another after it.
      if (draining) return void (again = true);
      // A failed journal write leaves the queued change for the next notice.
      draining = drain()
        .then(
          () => accounts.notify(''),
          () => undefined,
        )
        .finally(() => {
          draining = undefined;
          if (again) {
            again = false;
            changed();
          }
        });
    };
    const watching = store.watch(changed);
    const lifetime = options.sessionLifetimeMs ?? SESSION_LIFETIME_MS;
    return new AccountStaffAuth(
      accounts,
      new TokenSigner(key),
      generated,
      lifetime,
      () => watching.stop(),
      plainSessionCookieName(key),
    );
  } catch (error) {
    await store.close();
    throw error;
  }
}
