/**
 * Draft sessions → a validated Programme: venue ids, ISO times with the venue's offset of that
 * very day (so daylight-saving changes inside a conference come out right), stable ids, and a
 * final check against ProgrammeSchema.
 */
import { ProgrammeSchema, SessionSchema, type Programme, type Session } from '../../../shared/model.ts';
import { toVenueIso, venueWallTime } from '../../../shared/time.ts';
import { nextDate } from './dates.ts';
import { assignIds, eventIdRequest, plenaryIdRequest } from './stable-ids.ts';
import { clockText } from './times.ts';
import { ImportError, NoSessionsError } from '../import-types.ts';
import type { DraftSession } from './un-rows.ts';
import { VenueRegistry } from './venues.ts';

const DAY = 24 * 60;

/** Venue-local wall time `minutes` after the start of `day`, as an ISO string with its offset. */
function wallIso(day: string, minutes: number, zone: string): string {
  const date = nextDate(day, Math.floor(minutes / DAY));
  const m = minutes % DAY;
  return toVenueIso(venueWallTime(date, Math.floor(m / 60), m % 60, zone), zone);
}

export function buildProgramme(
  drafts: DraftSession[],
  timezone: string,
  warn: (line: number, message: string) => void,
  /** Filled with session id → the line of its row. */
  lines: Map<string, number> = new Map(),
): Programme {
  const venues = new VenueRegistry();
  const located = drafts.map((draft) => ({ draft, venueId: venues.idFor(draft.venueName) }));
  const ids = assignIds(
    located.map(({ draft, venueId }) =>
      draft.kind === 'plenary'
        ? plenaryIdRequest(draft.day, clockText(draft.start, ''), venueId)
        : eventIdRequest(draft.day, draft.title, clockText(draft.start, ''), venueId),
    ),
  );

  // Zone arithmetic dominates a large import, and a programme has few distinct (day, minute) pairs.
  const wallTimes = new Map<string, string>();
  const wallTime = (day: string, minutes: number): string => {
    const key = `${day}|${minutes}`;
    let iso = wallTimes.get(key);
    if (iso === undefined) wallTimes.set(key, (iso = wallIso(day, minutes, timezone)));
    return iso;
  };
  const sessions: Session[] = [];
  located.forEach(({ draft, venueId }, i) => {
    const start = wallTime(draft.day, draft.start);
    const end = wallTime(draft.day, draft.end);
    const candidate = {
      id: ids[i],
      kind: draft.kind,
      title: draft.title,
      start,
      end,
      venueId,
      organizers: draft.organizers,
      ...(draft.online ? { online: draft.online } : {}),
      ...(draft.agendaItems ? { agendaItems: draft.agendaItems } : {}),
      status: 'scheduled',
      planned: { start, end, venueId },
      version: 1,
    };
    const checked = SessionSchema.safeParse(candidate);
    if (checked.success) {
      sessions.push(checked.data);
      lines.set(checked.data.id, draft.line);
    } else {
      const issue = checked.error.issues[0];
      warn(draft.line, `row rejected: ${issue?.path.join('.') || 'session'}: ${issue?.message ?? 'invalid'}`);
    }
  });
  if (sessions.length === 0) throw new NoSessionsError('no sessions found');

  const venueList = venues.list().filter((v) => sessions.some((s) => s.venueId === v.id));
  const order = new Map(venueList.map((v, i) => [v.id, i]));
  // Date.parse reads the offset in the string, so instants compare right across a DST change.
  // The sort is stable: sessions at the same time in the same venue keep the programme's order.
  sessions.sort(
    (a, b) => Date.parse(a.start) - Date.parse(b.start) || (order.get(a.venueId) ?? 0) - (order.get(b.venueId) ?? 0),
  );
  // Rows and venues were checked one by one above; this is the contract's last word.
  const checked = ProgrammeSchema.safeParse({ timezone, venues: venueList, sessions });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ImportError(`invalid programme: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return checked.data;
}
