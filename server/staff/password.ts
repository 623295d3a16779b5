/**
 * The staff password, kept only as a scrypt hash (random salt) in the data directory. When the
 * operator does not choose one (SIGNAGE_STAFF_PASSWORD), a readable one is generated on first start
 * and shown once; from then on only its hash exists.
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../platform/private-files.ts';

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

export const PasswordRecordSchema = z.strictObject({
  algorithm: z.literal('scrypt'),
  N: z.int().min(MIN_PASSWORD_COST),
  r: z.int().min(1),
  p: z.int().min(1),
  salt: z.string().min(16),
  hash: z.string().min(32),
});
export type PasswordRecord = z.infer<typeof PasswordRecordSchema>;

const MAX_MEMORY = 64 * 1024 * 1024;
const BLOCK = { r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/** Why this N cannot be the hashing cost (undefined when it can). */
export function passwordCostProblem(N: number, production: boolean): string | undefined {
  const powerOfTwo = Number.isInteger(N) && N > 0 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N < MIN_PASSWORD_COST || N > MAX_PASSWORD_COST) {
    return `must be a power of two between ${MIN_PASSWORD_COST} and ${MAX_PASSWORD_COST}`;
  }
  if (production && N < MIN_PRODUCTION_PASSWORD_COST) {
    return `must be at least ${MIN_PRODUCTION_PASSWORD_COST} in production (NODE_ENV=production)`;
  }
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

export async function verifyPassword(password: string, record: PasswordRecord): Promise<boolean> {
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

function readRecord(file: string): PasswordRecord {
  try {
    return PasswordRecordSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    throw new Error(`${file} is unreadable; delete it to generate a new staff password`);
  }
}

export interface StaffPassword {
  record: PasswordRecord;
  /** Set only when the password was generated at this start, to be shown once. */
  generated?: string;
}

/**
 * The stored hash, refreshed when the operator chose a different password. A chosen password that
 * matches the stored hash keeps it, so staff sessions (bound to the hash) survive a restart.
 */
export async function loadStaffPassword(dataDir: string, chosen: string | undefined): Promise<StaffPassword> {
  const file = join(dataDir, PASSWORD_FILE);
  const stored = existsSync(file) ? readRecord(file) : undefined;
  if (chosen === undefined && stored) return { record: stored };
  if (chosen !== undefined && stored && (await verifyPassword(chosen, stored))) return { record: stored };
  const generated = chosen === undefined ? generatePassword() : undefined;
  const record = await hashPassword(chosen ?? generated!);
  writeFileAtomic(file, JSON.stringify(record, null, 2) + '\n');
  return generated === undefined ? { record } : { record, generated };
}
