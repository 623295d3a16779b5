/**
 * Which live session a session in an imported file is, so a re-import reports "moved" or
 * "retimed" rather than "cancelled" plus "added". Tried in order, each on what is left over:
 *   1. the same id;
 *   2. the same normalised title on the same venue day (the start time breaks ties);
 *   3. the same normalised title when it is unique on BOTH sides across the whole programme.
 * Step 3 exists because the UN programme's ids contain the day (readers/stable-ids.ts): a side
 * event moved to another day gets a new id, yet its title still says which session it is. A
 * title seen twice on either side proves nothing, so those stay unmatched (added / missing).
 */
import type { Session } from '../../shared/model.ts';
import { venueDay } from '../../shared/time.ts';
import { parseInstant } from '../../shared/time-parse.ts';
import { normaliseTitle } from './readers/stable-ids.ts';

export interface SessionMatch {
  live: Session;
  by: 'id' | 'title';
}

function titleCounts(sessions: Session[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sessions) {
    const title = normaliseTitle(s.title);
    counts.set(title, (counts.get(title) ?? 0) + 1);
  }
  return counts;
}

/** Sessions grouped by a key, in their original order. */
function groupBy(sessions: Session[], key: (s: Session) => string): Map<string, Session[]> {
  const groups = new Map<string, Session[]>();
  for (const s of sessions) {
    const k = key(s);
    const group = groups.get(k);
    if (group) group.push(s);
    else groups.set(k, [s]);
  }
  return groups;
}

/**
 * File session → the live session it is; file sessions left out have no live counterpart.
 * Linear in both lists: every key (a luxon parse for the venue day) is computed once per session
 * and candidates are looked up by key — a file of 11,000 events against as many live sessions
 * took minutes when each pair was compared.
 */
export function matchSessions(live: Session[], files: Session[], zone: string): Map<Session, SessionMatch> {
  const matched = new Map<Session, SessionMatch>();
  const taken = new Set<string>();
  const take = (file: Session, session: Session, by: SessionMatch['by']) => {
    matched.set(file, { live: session, by });
    taken.add(session.id);
  };
  const leftovers = () => files.filter((f) => !matched.has(f));
  const isFree = (s: Session) => !taken.has(s.id);

  const liveById = new Map(live.map((s) => [s.id, s]));
  for (const file of files) {
    const session = liveById.get(file.id);
    if (session) take(file, session, 'id');
  }

  // The venue day of each start, worked out once per distinct start (luxon's zone lookups are slow).
  const days = new Map<string, string>();
  const dayOf = (start: string): string => {
    let day = days.get(start);
    if (day === undefined) days.set(start, (day = venueDay(parseInstant(start, zone), zone)));
    return day;
  };
  const dayKey = (s: Session) => `${normaliseTitle(s.title)}|${dayOf(s.start)}`;
  const liveByDay = groupBy(live.filter(isFree), dayKey);
  for (const file of leftovers()) {
    const candidates = (liveByDay.get(dayKey(file)) ?? []).filter(isFree);
    const session = candidates.length === 1 ? candidates[0] : candidates.find((s) => s.start === file.start);
    if (session) take(file, session, 'title');
  }

  const liveTitles = titleCounts(live);
  const fileTitles = titleCounts(files);
  const unique = (title: string) => liveTitles.get(title) === 1 && fileTitles.get(title) === 1;
  const liveByTitle = groupBy(live, (s) => normaliseTitle(s.title));
  for (const file of leftovers()) {
    const title = normaliseTitle(file.title);
    if (!unique(title)) continue;
    const session = liveByTitle.get(title)?.find(isFree);
    if (session) take(file, session, 'title');
  }
  return matched;
}
