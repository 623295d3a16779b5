/**
 * Staff session tokens: a small signed payload (session id, actor, expiry) so sessions survive a
 * server restart without a session table. The signing key is derived from a secret kept in the
 * data directory AND the stored password hash, so changing the staff password signs everyone out.
 * Logout revokes a session id; revocations are kept on disk until the token would have expired.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../platform/private-files.ts';

export const SECRET_FILE = 'session-secret';
export const REVOKED_FILE = 'revoked-sessions.json';

export interface StaffSession {
  /** Random id of this login, the unit of revocation. */
  sid: string;
  /** Name recorded in the journal for this session's changes. */
  actor: string;
  /** Real epoch ms after which the token is refused. */
  exp: number;
}

const PayloadSchema = z.strictObject({ sid: z.string().min(16), actor: z.string().min(1), exp: z.number() });
const RevokedSchema = z.record(z.string(), z.number());

function loadSecret(dataDir: string): Buffer {
  const file = join(dataDir, SECRET_FILE);
  if (existsSync(file)) {
    const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    if (secret.length >= 32) return secret;
  }
  const secret = randomBytes(32);
  writeFileAtomic(file, secret.toString('hex') + '\n');
  return secret;
}

function loadRevoked(file: string): Map<string, number> {
  if (!existsSync(file)) return new Map();
  try {
    return new Map(Object.entries(RevokedSchema.parse(JSON.parse(readFileSync(file, 'utf8')))));
  } catch {
    // A damaged revocation list must not stop the server; tokens still expire on their own.
    return new Map();
  }
}

export class TokenSigner {
  private readonly key: Buffer;
  private readonly revokedFile: string;
  private readonly revoked: Map<string, number>;

  constructor(dataDir: string, passwordHash: string, private readonly now: () => number = Date.now) {
    this.key = createHmac('sha256', loadSecret(dataDir)).update(passwordHash).digest();
    this.revokedFile = join(dataDir, REVOKED_FILE);
    this.revoked = loadRevoked(this.revokedFile);
  }

  issue(actor: string, lifetimeMs: number): string {
    const session: StaffSession = { sid: randomBytes(16).toString('base64url'), actor, exp: this.now() + lifetimeMs };
    const body = Buffer.from(JSON.stringify(session)).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /** The session a token stands for, or null when forged, expired or revoked. */
  verify(token: string | undefined): StaffSession | null {
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
    if (!parsed.success) return null;
    const session = parsed.data;
    if (session.exp <= this.now() || this.revoked.has(session.sid)) return null;
    return session;
  }

  revoke(session: StaffSession): void {
    const now = this.now();
    for (const [sid, exp] of this.revoked) if (exp <= now) this.revoked.delete(sid);
    this.revoked.set(session.sid, session.exp);
    writeFileAtomic(this.revokedFile, JSON.stringify(Object.fromEntries(this.revoked)) + '\n');
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
