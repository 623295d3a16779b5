/**
 * Indico timetable export (`/export/timetable/ID.json`, indico.un.org, CERN):
 * `{ results: { <event id>: { <YYYYMMDD>: { <entry id>: entry } } } }`. Contributions and breaks
 * become sessions, at the top level and inside session blocks (`entries`); a block without
 * entries is a session itself. The block's title is the track: it prefixes the title
 * ("Plenary: Opening statements") and picks the kind when it names one (plenary, side event…).
 * Room from `room`, else `roomFullname`, else `location`; speakers (`presenters`, `speakers`)
 * and `conveners` are the organisers. Times from each `startDate`/`endDate` `{ date, time, tz }`.
 */
import { DateTime } from 'luxon';
import { isObject, type Json } from './c3voc-events.ts';
import { kindOfTrack } from './c3voc-format.ts';
import { ProblemList } from '../import-error.ts';
import { ImportError, type ImportOptions, type ImportWarning, type ParseResult } from '../import-types.ts';
import { JsonLines, tryJson } from './json-lines.ts';
import { buildSourceProgramme, optionZone, resolveZoneName, type SourceSession } from './source-programme.ts';

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

export function looksLikeIndico(text: string): boolean {
  const doc = tryJson(text);
  return (
    isObject(doc) &&
    isObject(doc.results) &&
    (doc._type === 'HTTPAPIResult' || /timetable/i.test(str(doc.url)) || Object.values(doc.results).some(isObject))
  );
}

function personName(p: unknown): string {
  if (!isObject(p)) return '';
  return (
    str(p.name) ||
    str(p.fullName) ||
    [str(p.firstName), str(p.familyName) || str(p.last_name)].filter(Boolean).join(' ')
  );
}

function when(value: unknown): { millis: number; tz: string } | string {
  if (!isObject(value)) return 'missing';
  const tz = resolveZoneName(str(value.tz)) ?? 'UTC';
  const dt = DateTime.fromISO(`${str(value.date)}T${str(value.time)}`, { zone: tz });
  return dt.isValid ? { millis: dt.toMillis(), tz } : `"${str(value.date)} ${str(value.time)}" is not a date and time`;
}

const isBlock = (e: Json): boolean => isObject(e.entries) || /session/i.test(str(e.entryType) || str(e._type));

export function parseIndico(text: string, options: ImportOptions = {}): ParseResult {
  const doc = tryJson(text) as Json;
  const results = doc.results as Json;
  const lines = new JsonLines(text);
  const problems = new ProblemList('line');
  const warnings: ImportWarning[] = [];
  const sessions: SourceSession[] = [];
  let venueZone = optionZone(options.timezone);

  const read = (entry: unknown, path: string, track: string | undefined): void => {
    if (!isObject(entry)) return;
    const line = lines.next(entry.uniqueId, entry.id, entry.title);
    const title = str(entry.title);
    if (isBlock(entry) && isObject(entry.entries) && Object.keys(entry.entries).length > 0) {
      for (const [id, child] of Object.entries(entry.entries))
        read(child, `${path}.entries.${id}`, title || str(entry.slotTitle));
      return;
    }
    const start = when(entry.startDate);
    const end = when(entry.endDate);
    const errors: string[] = [];
    if (!title) errors.push('title: must not be empty');
    if (typeof start === 'string') errors.push(`startDate: ${start}`);
    if (typeof end === 'string') errors.push(`endDate: ${end}`);
    if (typeof start !== 'string' && typeof end !== 'string' && !(end.millis > start.millis))
      errors.push('endDate: must be after startDate');
    const key = str(entry.uniqueId) || str(entry.id);
    if (!key) errors.push('id: missing');
    if (errors.length || typeof start === 'string' || typeof end === 'string') {
      errors.forEach((e) => problems.add(line, `${path}: ${e}`));
      return;
    }
    venueZone ??= start.tz;
    const people = [entry.presenters, entry.speakers, entry.conveners].flatMap((l) =>
      Array.isArray(l) ? l.map(personName) : [],
    );
    sessions.push({
      line,
      key,
      title: track && !title.startsWith(track) ? `${track}: ${title}` : title,
      start: start.millis,
      end: end.millis,
      venueName: str(entry.room) || str(entry.roomFullname) || str(entry.location) || 'Unassigned room',
      organizers: [...new Set(people.filter((n) => n !== ''))],
      kind: kindOfTrack(track) ?? kindOfTrack(title) ?? 'other',
    });
  };

  for (const [eventId, days] of Object.entries(results)) {
    if (!isObject(days)) continue;
    for (const [day, entries] of Object.entries(days)) {
      if (!isObject(entries)) continue;
      for (const [id, entry] of Object.entries(entries)) read(entry, `results.${eventId}.${day}.${id}`, undefined);
    }
  }
  problems.throwIfAny();
  if (sessions.length === 0)
    throw new ImportError(
      'This looks like Indico JSON, but its timetable has no contributions, breaks or session blocks',
    );
  return {
    programme: buildSourceProgramme(
      sessions,
      venueZone ?? 'UTC',
      'indico',
      warnings,
      'This looks like Indico JSON, but no entry could be read',
    ),
    warnings,
  };
}
