/**
 * A small programme for the integration tests, so they do not depend on how the importer reads
 * the bundled one: two rooms and an online venue in Vienna on 14 October 2024.
 */
import type { Programme, Session } from '../../shared/model.ts';

function session(id: string, venueId: string, start: string, end: string, title: string): Session {
  const startIso = `2024-10-14T${start}:00+02:00`;
  const endIso = `2024-10-14T${end}:00+02:00`;
  return {
    id,
    kind: 'side-event',
    title,
    start: startIso,
    end: endIso,
    venueId,
    organizers: { lead: 'UNODC', partners: [] },
    status: 'scheduled',
    planned: { start: startIso, end: endIso, venueId },
    version: 1,
  };
}

export const FIXTURE: Programme = {
  timezone: 'Europe/Vienna',
  venues: [
    { id: 'CR3', name: 'Conference Room 3', kind: 'room' },
    { id: 'M7', name: 'M7', kind: 'room' },
    { id: 'Online', name: 'Online', kind: 'online' },
  ],
  sessions: [
    session('opening', 'CR3', '13:00', '13:50', 'Opening talk'),
    session('workshop', 'CR3', '14:00', '14:50', 'Workshop'),
    session('panel', 'M7', '13:00', '13:50', 'Panel'),
    session('webinar', 'Online', '13:00', '13:50', 'Webinar'),
  ],
};

/** The simulated instant most tests start at: five minutes before the first sessions. */
export const FIXTURE_CLOCK = '2024-10-14T12:55';
