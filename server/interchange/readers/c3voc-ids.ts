/**
 * The guids of the c3voc format, as name-based UUIDs (RFC 9562 version 5, SHA-1): the same name
 * always gives the same UUID, so a session keeps its guid across exports and hosts without
 * storing anything.
 */
import { createHash } from 'node:crypto';

/** Our namespace: the v5 UUID of "venue-signage" in the RFC's URL namespace. */
export const SIGNAGE_NAMESPACE = 'e5914f5b-00d0-5a76-b9d1-71427f5ac14e';

export function uuidV5(name: string, namespace = SIGNAGE_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The guid our c3voc export gives a session: derived from its slug, so an importer can tell a
 * slug that is one of our session ids (guid matches) from any other producer's slug.
 */
export function sessionGuid(slug: string): string {
  return uuidV5(`session:${slug}`);
}
