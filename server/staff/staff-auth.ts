/**
 * Staff authentication in one object: password check, session tokens in a cookie, logout.
 * The HTTP and socket.io doors (middleware.ts) are its only callers besides the login route.
 */
import { loadStaffPassword, verifyPassword, type PasswordRecord } from './password.ts';
import { TokenSigner, type StaffSession } from './tokens.ts';

export const SESSION_COOKIE = 'signage_session';
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const DEFAULT_ACTOR = 'staff';

export type { StaffSession };

export interface StaffAuth {
  /** Set only when a password was generated at this start: show it once, it is not stored. */
  readonly generatedPassword: string | undefined;
  /** How long a login lasts (ms): the cookie's max age, and when its live channel closes. */
  readonly sessionLifetimeMs: number;
  /** A session token for the right password, null for a wrong one. */
  login(password: string, actor?: string): Promise<string | null>;
  /** The staff session behind a Cookie header, or null. */
  sessionFromCookies(cookieHeader: string | undefined): StaffSession | null;
  /** Revokes the session for good (also across restarts) and tells the listeners. */
  logout(session: StaffSession): void;
  /** Called with each revoked session, so open staff sockets can be closed. */
  onLogout(listener: (session: StaffSession) => void): () => void;
}

/** Reads one cookie from a Cookie header (no dependency needed for a single name). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

class PasswordStaffAuth implements StaffAuth {
  private readonly listeners = new Set<(session: StaffSession) => void>();

  constructor(
    private readonly record: PasswordRecord,
    private readonly tokens: TokenSigner,
    readonly generatedPassword: string | undefined,
    readonly sessionLifetimeMs: number,
  ) {}

  async login(password: string, actor = DEFAULT_ACTOR): Promise<string | null> {
    if (!(await verifyPassword(password, this.record))) return null;
    return this.tokens.issue(actor, this.sessionLifetimeMs);
  }

  sessionFromCookies(cookieHeader: string | undefined): StaffSession | null {
    return this.tokens.verify(readCookie(cookieHeader, SESSION_COOKIE));
  }

  logout(session: StaffSession): void {
    this.tokens.revoke(session);
    for (const listener of this.listeners) listener(session);
  }

  onLogout(listener: (session: StaffSession) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * Opens the staff auth of a data directory. `password` is the operator's choice
 * (SIGNAGE_STAFF_PASSWORD); without one the stored hash is used, or a password is generated.
 * `sessionLifetimeMs` defaults to SESSION_LIFETIME_MS (tests shorten it).
 */
export async function createStaffAuth(options: {
  dataDir: string;
  password?: string | undefined;
  sessionLifetimeMs?: number | undefined;
}): Promise<StaffAuth> {
  const { record, generated } = await loadStaffPassword(options.dataDir, options.password);
  const lifetime = options.sessionLifetimeMs ?? SESSION_LIFETIME_MS;
  return new PasswordStaffAuth(record, new TokenSigner(options.dataDir, record.hash), generated, lifetime);
}
