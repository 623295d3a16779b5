/**
 * Staff passwords, kept only as scrypt hashes (random salt, the cost in the record), and the
 * readable passwords generated for a new account or a first start.
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../platform/logger.ts';

/** The single shared password's hash in a data directory from before accounts (staff-auth.ts adopts it). */
export const PASSWORD_FILE = 'staff-password.json';

/**
 * scrypt's cost N (r = 8, p = 1 stay fixed): each doubling doubles the time of a login and of a
 * guess. 16384 is scrypt's figure for interactive logins (about 50 ms here). Lower costs are for
 * slow demo machines and tests (`--password-cost`); NODE_ENV=production refuses them. Each stored
 * record carries its own N, so hashes made at one cost verify under any other.
 */
export const DEFAULT_PASSWORD_COST = 16384;
/** The least N a server hashes with, and the least a stored record may carry. */
export const MIN_PASSWORD_COST = 1024;
export const MIN_PRODUCTION_PASSWORD_COST = DEFAULT_PASSWORD_COST;
/** scrypt needs 128·N·r bytes: 32 MiB at this N, within MAX_MEMORY. */
export const MAX_PASSWORD_COST = 32768;

/**
 * The shape of a stored record. Its cost is checked when it is used (usableCostProblem), not here:
 * one unusable row must refuse that login, not make every read of the accounts fail.
 */
export const PasswordRecordSchema = z.strictObject({
  algorithm: z.literal('scrypt'),
  N: z.int(),
  r: z.int(),
  p: z.int(),
  salt: z.string().min(16),
  hash: z.string().min(32),
});
export type PasswordRecord = z.infer<typeof PasswordRecordSchema>;

const MAX_MEMORY = 64 * 1024 * 1024;
const BLOCK = { r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/** Why this N cannot be the hashing cost (undefined when it can). */
export function passwordCostProblem(N: number, production: boolean): string | undefined {
  if (!isCostInRange(N)) {
    return `must be a power of two between ${MIN_PASSWORD_COST} and ${MAX_PASSWORD_COST}`;
  }
  if (production && N < MIN_PRODUCTION_PASSWORD_COST) {
    return `must be at least ${MIN_PRODUCTION_PASSWORD_COST} in production (NODE_ENV=production)`;
  }
  return undefined;
}

/** A power of two from MIN_PASSWORD_COST to MAX_PASSWORD_COST: the costs this server hashes at and verifies. */
function isCostInRange(N: number): boolean {
  return Number.isInteger(N) && N >= MIN_PASSWORD_COST && N <= MAX_PASSWORD_COST && (N & (N - 1)) === 0;
}

/**
 * Why a stored record cannot be verified (undefined when it can). Only what this server has ever
 * written is accepted: N a power of two from MIN to MAX_PASSWORD_COST, r = 8, p = 1. Anything
 * else (an edited or foreign row) would make scrypt throw (N not a power of two, more memory than
 * MAX_MEMORY) or hold a thread-pool thread for as long as p asks.
 */
export function usableCostProblem({ N, r, p }: PasswordRecord): string | undefined {
  if (!isCostInRange(N)) {
    return `N is ${N}, not a power of two from ${MIN_PASSWORD_COST} to ${MAX_PASSWORD_COST}`;
  }
  if (r !== BLOCK.r || p !== BLOCK.p) return `r and p are ${r} and ${p}, not ${BLOCK.r} and ${BLOCK.p}`;
  return undefined;
}

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, N = DEFAULT_PASSWORD_COST): Promise<PasswordRecord> {
  const salt = randomBytes(16);
  const cost = { N, ...BLOCK };
  const key = await derive(password, salt, cost);
  return { algorithm: 'scrypt', ...cost, salt: salt.toString('base64'), hash: key.toString('base64') };
}

/**
 * Whether the password is the one the record was made from. An unusable record (usableCostProblem)
 * is no match, never a thrown error (a 500 at the login): it is logged with the account's name,
 * so an admin knows whose password to reset.
 */
export async function verifyPassword(
  password: string,
  record: PasswordRecord,
  logger?: Pick<Logger, 'warn'>,
  username?: string,
): Promise<boolean> {
  const problem = usableCostProblem(record);
  if (problem) {
    logger?.warn(`a stored password hash cannot be used (${problem}); reset that password`, { username });
    return false;
  }
  const expected = Buffer.from(record.hash, 'base64');
  const key = await derive(password, Buffer.from(record.salt, 'base64'), { N: record.N, r: record.r, p: record.p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// No 0/o, 1/l/i: the password is read off a terminal and typed on a tablet.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Four groups of five, e.g. "k7mx2-pq9rt-h4cwe-z8ndu" (about 99 bits). */
export function generatePassword(): string {
  const group = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}
