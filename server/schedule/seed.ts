/** Turning an imported programme into the first live schedule (revision 0, no journal entry). */
import { ProgrammeSchema, type Programme, type Schedule } from '../../shared/model.ts';
import { normaliseIso } from '../../shared/time-parse.ts';

export function scheduleFromProgramme(raw: Programme): Schedule {
  const programme = ProgrammeSchema.parse(raw);
  const zone = programme.timezone;
  const venueIds = new Set(programme.venues.map((v) => v.id));
  const sessionIds = new Set<string>();
  for (const session of programme.sessions) {
    if (sessionIds.has(session.id)) throw new Error(`seed: session id ${session.id} appears twice`);
    sessionIds.add(session.id);
    if (!venueIds.has(session.venueId)) {
      throw new Error(`seed: session ${session.id} is in unknown venue ${session.venueId}`);
    }
  }
  return {
    revision: 0,
    timezone: zone,
    venues: programme.venues,
    // Canonical venue-offset times, so later comparisons and edits see one spelling per instant.
    sessions: programme.sessions.map((s) => ({
      ...s,
      start: normaliseIso(s.start, zone),
      end: normaliseIso(s.end, zone),
      planned: { ...s.planned, start: normaliseIso(s.planned.start, zone), end: normaliseIso(s.planned.end, zone) },
    })),
    announcements: [],
    emergency: null,
    ...(programme.conference && { conference: programme.conference }),
  };
}
