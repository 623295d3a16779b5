/**
 * c3voc schedule v2 (the CCC hub's format, schema2.json of voc/schedule): events in one list
 * `schedule.events`, each with ISO `start` and `end`, a `room` object, `participants` and a
 * `status`; the conference's days carry no rooms. Ids from the guid, as for v1, so a conference
 * that moves from v1 to v2 keeps its session ids.
 */
import { isObject, type Json } from './c3voc-events.ts';
import { kindOfTrack } from './c3voc-format.ts';
import { ProblemList } from '../import-error.ts';
import { ImportError, type ImportOptions, type ImportWarning, type ParseResult } from '../import-types.ts';
import { JsonLines, tryJson } from './json-lines.ts';
import { finishReading, optionZone, resolveZoneName, type SourceSession } from './source-programme.ts';

const CANCELLED = new Set(['cancelled', 'canceled', 'withdrawn', 'rejected', 'deleted']);
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

export function looksLikeC3vocV2(text: string): boolean {
  const doc = tryJson(text);
  return (
    isObject(doc) && isObject(doc.schedule) && Array.isArray(doc.schedule.events) && isObject(doc.schedule.conference)
  );
}

function nameOf(value: unknown): string {
  return isObject(value) ? str(value.name) || str(value.public_name) : str(value);
}

const NO_EVENTS = 'This looks like c3voc schedule v2 JSON, but schedule.events is empty';

export function parseC3vocV2(text: string, options: ImportOptions = {}): ParseResult {
  const doc = tryJson(text) as Json;
  const schedule = doc.schedule as Json;
  const conference = schedule.conference as Json;
  const declared = str(conference.time_zone_name);
  const zone = optionZone(options.timezone) ?? (declared ? resolveZoneName(declared) : undefined);
  if (!zone) {
    throw new ImportError(
      declared
        ? `This looks like c3voc schedule v2 JSON, but its time_zone_name "${declared}" is not a known zone: give --timezone`
        : "This looks like c3voc schedule v2 JSON, but conference.time_zone_name is missing: give the venue's time zone with --timezone",
    );
  }
  const trackKinds = new Map<string, string>();
  for (const track of Array.isArray(conference.tracks) ? conference.tracks : []) {
    if (isObject(track)) trackKinds.set(str(track.slug), str(track.name));
  }
  const lines = new JsonLines(text);
  const problems = new ProblemList('line');
  const warnings: ImportWarning[] = [];
  const sessions: SourceSession[] = [];
  (schedule.events as unknown[]).forEach((event, i) => {
    const where = `schedule.events[${i}]`;
    if (!isObject(event)) {
      problems.add(lines.next(), `${where}: an event must be an object`);
      return;
    }
    const line = lines.next(event.guid, event.slug, event.title);
    const title = str(event.title);
    const start = Date.parse(str(event.start));
    const end = Date.parse(str(event.end));
    const errors: string[] = [];
    if (!title) errors.push('title: must not be empty');
    if (Number.isNaN(start)) errors.push(`start: "${str(event.start)}" is not an ISO date-time`);
    if (Number.isNaN(end)) errors.push(`end: "${str(event.end)}" is not an ISO date-time`);
    else if (!(end > start)) errors.push('end: must be after start');
    const venueName = nameOf(event.room);
    if (!venueName) errors.push('room: needs a name');
    const key = str(event.guid) || str(event.id);
    if (!key) errors.push('guid: missing (a session needs a stable identity)');
    if (errors.length) {
      errors.forEach((e) => problems.add(line, `${where} "${title}": ${e}`));
      return;
    }
    const track = isObject(event.track)
      ? (trackKinds.get(str(event.track.slug)) ?? str(event.track.name))
      : str(event.track);
    const people = Array.isArray(event.participants)
      ? event.participants
      : Array.isArray(event.persons)
        ? event.persons
        : [];
    sessions.push({
      line,
      key,
      title,
      start,
      end,
      venueName,
      organizers: people.map(nameOf).filter((n) => n !== ''),
      kind: kindOfTrack(track) ?? 'other',
      cancelled: CANCELLED.has(str(event.status).toLowerCase()),
    });
  });
  return finishReading(problems, sessions, zone, 'c3voc', warnings, NO_EVENTS);
}
