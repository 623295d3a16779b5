/**
 * What several benchmarks share: the staff password of the bench servers, temporary data
 * directories, the session every change rewrites, and the delta a reference server broadcasts
 * (our real delta for that change, so all three servers send messages of the same size).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session } from '../../shared/model.ts';
import type { Delta } from '../../shared/protocol.ts';
import { BUNDLED_PROGRAMME } from '../../server/platform/config.ts';
import { loadProgrammeFile } from '../../server/interchange/load-file.ts';
import { benchTitle } from '../load/staff-client.ts';

export const BENCH_PASSWORD = 'bench-password';
export const SERVER_ENV = { SIGNAGE_STAFF_PASSWORD: BENCH_PASSWORD };

export function tempDataDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'signage-bench-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The first session of CR3 in the bundled programme: a typical side event with partners. */
export function benchSession(): Session {
  const programme = loadProgrammeFile(BUNDLED_PROGRAMME, { onWarning: () => {} });
  const session = programme.sessions.find((s) => s.venueId === 'CR3');
  if (!session) throw new Error('the bundled programme has no CR3 session');
  return session;
}

/** The delta our server broadcasts when a change retitles the bench session (revision stamped later). */
export function referenceDelta(session: Session): Omit<Delta, 'revision'> {
  return { ops: [{ type: 'session', session: { ...session, title: benchTitle(1), version: session.version + 1 } }] };
}

/** Bytes of the socket.io packet our server writes for that delta on /display. */
export function deltaPacketBytes(session: Session): number {
  return Buffer.byteLength(`42/display,${JSON.stringify(['delta', { revision: 1, ...referenceDelta(session) }])}`);
}
