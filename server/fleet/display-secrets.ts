/**
 * The small secrets of the fleet: display tokens (kept only as a SHA-256 hash and compared in
 * constant time), server-made display ids, and the pairing codes a new screen shows.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * No 0/O, 1/I/L or U/V look-alikes: a code read off a screen across a room is typed right.
 * 29 symbols over 6 places is about 600 million codes; only staff can try them.
 */
export const PAIRING_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
export const PAIRING_CODE_LENGTH = 6;

/**
 * A plain hash is enough: tokens are long random strings made by the display (no dictionary to
 * guess from), so a slow password hash would only slow down every reconnection.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function tokenMatches(storedHash: string, token: string): boolean {
  const presented = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** An id for a display the server had to give a fresh identity (its claim on an id was refused). */
export function newDisplayId(): string {
  return `screen-${randomBytes(8).toString('hex')}`;
}

export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
  return code;
}

/** What staff typed, as the code is stored: capitals, without spaces or dashes ("abc-234" → "ABC234"). */
export function normalizePairingCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}
