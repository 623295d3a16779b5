/** A tiny Vienna schedule for the display unit tests: three rooms, a few Monday sessions. */
import type { Schedule, Session } from '../../shared/model.ts';

export const ZONE = 'Europe/Vienna';

/** Epoch ms of a Monday 14 October 2024 venue time, "13:05" → 13:05 Vienna (UTC+2). */
export function monday(hhmm: string): number {
  return Date.parse(`2024-10-14T${hhmm}:00+02:00`);
}

export function session(
  id: string,
  venueId: string,
  start: string,
  end: string,
  changes: Partial<Session> = {},
): Session {
  const iso = (hhmm: string) => `2024-10-14T${hhmm}:00+02:00`;
  return {
    id,
    kind: 'side-event',
    title: `Session ${id}`,
    start: iso(start),
    end: iso(end),
    venueId,
    organizers: { lead: 'UNODC', partners: [] },
    status: 'scheduled',
    planned: { start: iso(start), end: iso(end), venueId },
    version: 1,
    ...changes,
  };
}

export function schedule(sessions: Session[], revision = 1, scheduleId = 'fixture-schedule'): Schedule {
  return {
    revision,
    scheduleId,
    timezone: ZONE,
    venues: [
      { id: 'CR3', name: 'CR3', kind: 'room' },
      { id: 'M7', name: 'M7', kind: 'room' },
      { id: 'Plenary', name: 'Plenary Hall, M-Building', kind: 'room' },
    ],
    sessions,
    announcements: [],
    emergency: null,
  };
}
