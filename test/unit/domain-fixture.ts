/**
 * A small programme and service factory for the domain and store tests: three venues in Vienna
 * (two rooms and an online one) and a Monday in CR3 with a session the next morning.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Programme, Session } from '../../shared/model.ts';
import { openScheduleService } from '../../server/schedule/service.ts';
import type { Actor, ScheduleService } from '../../server/schedule/service-types.ts';

export const ZONE = 'Europe/Vienna';
export const staff: Actor = { name: 'alice' };

function session(id: string, title: string, venueId: string, start: string, end: string): Session {
  return {
    id,
    kind: 'side-event',
    title,
    start,
    end,
    venueId,
    organizers: { lead: 'UNODC', partners: [] },
    status: 'scheduled',
    planned: { start, end, venueId },
    version: 1,
  };
}

export function programme(): Programme {
  return {
    timezone: ZONE,
    venues: [
      { id: 'CR3', name: 'Conference Room 3', kind: 'room' },
      { id: 'M7', name: 'Room M7', kind: 'room' },
      { id: 'ONLINE', name: 'Online', kind: 'online' },
    ],
    sessions: [
      session('opening', 'Opening', 'CR3', '2024-10-14T10:00:00+02:00', '2024-10-14T11:00:00+02:00'),
      session('cyber', 'Cybercrime', 'CR3', '2024-10-14T11:00:00+02:00', '2024-10-14T12:00:00+02:00'),
      session('lunch', 'Lunch talk', 'CR3', '2024-10-14T13:00:00+02:00', '2024-10-14T14:00:00+02:00'),
      session('tuesday', 'Tuesday early', 'CR3', '2024-10-15T09:00:00+02:00', '2024-10-15T10:00:00+02:00'),
      session('firearms', 'Firearms', 'M7', '2024-10-14T10:00:00+02:00', '2024-10-14T11:00:00+02:00'),
      {
        ...session('dropped', 'Dropped talk', 'M7', '2024-10-14T11:00:00+02:00', '2024-10-14T12:00:00+02:00'),
        status: 'cancelled',
      },
      session('webinar', 'Webinar', 'ONLINE', '2024-10-14T10:00:00+02:00', '2024-10-14T11:00:00+02:00'),
    ],
  };
}

/** A settable server clock, starting Monday 14 October 2024, 09:00 in Vienna. */
export function testClock(iso = '2024-10-14T09:00:00+02:00'): { now: number } {
  return { now: Date.parse(iso) };
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'signage-domain-'));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function openService(dataDir: string, clock = testClock()): Promise<ScheduleService> {
  return openScheduleService({ dataDir, seed: programme, now: () => clock.now });
}

/** Runs `fn` and returns the error it throws or rejects with (fails the test when it does neither). */
export async function thrown(
  fn: () => unknown,
): Promise<Error & { status?: number; field?: string; details?: Record<string, unknown> }> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, none was thrown');
}
