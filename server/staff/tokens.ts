/**
 * Staff session tokens: a small signed payload (session id, username, account epoch, expiry), so
 * sessions survive a restart without a session table. The key is the database's (account-store.ts
 * sessionKey), so every node of a cluster accepts what any of them issued. A token is refused once its session id is in the logout table, or once its account's
 * epoch moved on (disabled, new role, new password).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const SECRET_FILE = 'session-secret';
/** Where logouts were kept before they moved into the database (migrated at start). */
export const REVOKED_FILE = 'revoked-sessions.json';

export interface TokenClaims {
  /** Random id of this login, the unit of revocation. */
  sid: string;
  /** The account's username. */
  actor: string;
  /** The account's session epoch when the token was issued. */
  epoch: number;
  /** Real epoch ms after which the token is refused. */
  exp: number;
}

const PayloadSchema = z.strictObject({
  sid: z.string().min(16),
  actor: z.string().min(1),
  epoch: z.int().min(0),
  exp: z.number(),
});

/**
 * The key a data directory of an earlier version kept in session-secret: adopted as the database's
 * session key at the first start (account-store.ts), so its sign-ins and cookie name survive.
 */
export function readLegacySecret(dataDir: string): Buffer | undefined {
  const file = join(dataDir, SECRET_FILE);
  if (!existsSync(file)) return undefined;
  const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  return secret.length >= 32 ? secret : undefined;
}

export class TokenSigner {
  private readonly key: Buffer;

  constructor(
    secret: Buffer,
    private readonly now: () => number = Date.now,
  ) {
    // A purpose label: tokens of the single-password version (keyed differently) are never valid.
    this.key = createHmac('sha256', secret).update('staff-accounts-v1').digest();
  }

  issue(actor: string, epoch: number, lifetimeMs: number): { token: string; claims: TokenClaims } {
    const claims: TokenClaims = {
      sid: randomBytes(16).toString('base64url'),
      actor,
      epoch,
      exp: this.now() + lifetimeMs,
    };
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${body}.${this.sign(body)}`, claims };
  }

  /** The claims of a well-signed, unexpired token, or null. Revocation is the caller's check. */
  verify(token: string | undefined): TokenClaims | null {
    if (!token) return null;
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let parsed;
    try {
      parsed = PayloadSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    } catch {
      return null;
    }
    if (!parsed.success || parsed.data.exp <= this.now()) return null;
    return parsed.data;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
