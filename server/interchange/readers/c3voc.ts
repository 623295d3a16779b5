/**
 * Importer for c3voc schedule.json (frab, pretalx and our own export): rooms become venues,
 * events become sessions. The venue's zone is --timezone when given, else the conference's
 * time_zone_name. Events that cannot be read refuse the whole file (ImportProblemsError, with the
 * line of each event), as a CSV with bad rows does: nothing half-applies.
 *
 * Session ids: our own export carries the id as the slug (its guid, derived from the slug, says
 * so); frab and pretalx give every event a stable integer id, which becomes "c3voc-<id>".
 */
import { JsonLines } from './json-lines.ts';
import { ProgrammeSchema, type Conference, type Programme, type Session } from '../../../shared/model.ts';
import { changeOverOf, isObject, readEvent, shown, type EventParts, type Json } from './c3voc-events.ts';
import { sessionGuid } from './c3voc-ids.ts';
import { UNNAMED_CONFERENCE } from './c3voc-format.ts';
import { ProblemList } from '../import-error.ts';
import { isSessionId } from './csv-format.ts';
import { assignIds, eventIdRequest } from './stable-ids.ts';
import { ImportError, type ImportOptions, type ImportWarning, type ParseResult } from '../import-types.ts';
import { VenueRegistry } from './venues.ts';
import { isKnownZone } from './zones.ts';
import { zoneFromOffsets } from './c3voc-offsets.ts';
import { ZoneTimes } from './zone-times.ts';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/**
 * The line JSON.parse stopped at. V8 says where in one of three ways, depending on the error and
 * the Node version: "(line 5 column 7)", "at position 57", or an excerpt `..."<10 characters
 * before and after the error>"...` of the text.
 */
function jsonErrorLine(text: string, message: string): number | undefined {
  const lineOf = (position: number): number => text.slice(0, position).split('\n').length;
  const line = /\(line (\d+) column \d+\)/.exec(message);
  if (line) return Number(line[1]);
  const position = /at position (\d+)/.exec(message);
  if (position) return lineOf(Number(position[1]));
  const excerpt = /\.\.\."([\s\S]+?)"(?:\.\.\.)? is not valid JSON/.exec(message);
  const at = excerpt ? text.indexOf(excerpt[1]!) : -1;
  return at >= 0 ? lineOf(at + 10) : undefined;
}

/** JSON.parse, turning its error into an ImportError that names the line. */
function parseJsonOrThrow(text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    const reason = message.split(/,? ?(?:\.\.\.)?"|\s+in JSON|\s+\(line/)[0];
    throw new ImportError(`not valid JSON: ${reason}`, jsonErrorLine(body, message));
  }
}

/**
 * A c3voc schedule: `{ schedule: { version, conference: { days: [...] } } }`; broken JSON that
 * mentions a conference is taken as one too, so its reader can say where the JSON breaks.
 */
export function looksLikeC3voc(text: string): boolean {
  if (!/^\uFEFF?\s*\{/.test(text)) return false;
  const doc = parseJson(text);
  if (doc === undefined) return /"conference"\s*:/.test(text);
  if (!isObject(doc) || !isObject(doc.schedule)) return false;
  const { version, conference } = doc.schedule;
  return typeof version === 'string' && isObject(conference) && Array.isArray(conference.days);
}

/**
 * Finds where each event is written, for messages: the next occurrence of its guid or title,
 * through JsonLines (one forward pass with a line index built once; re-splitting the text for
 * every event made a 2 MB feed take seconds).
 */
class LineFinder {
  private readonly lines: JsonLines;
  constructor(text: string) {
    this.lines = new JsonLines(text);
  }

  lineOf(event: unknown): number {
    return this.lines.next(...(isObject(event) ? [event.guid, event.slug, event.title] : []));
  }
}

function chooseZone(conference: Json, options: ImportOptions): string {
  const zone =
    options.timezone ?? (typeof conference.time_zone_name === 'string' ? conference.time_zone_name : undefined);
  if (zone === undefined) {
    throw new ImportError("conference.time_zone_name is missing: give the venue's time zone with --timezone");
  }
  if (!isKnownZone(zone)) throw new ImportError(`unknown time zone "${zone}"`);
  return zone;
}

interface ReadEvent {
  line: number;
  parts: EventParts;
  venueName: string;
  /** The id the file gives the event, when it gives one we can use. */
  fileId: string | undefined;
}

/**
 * The guid first (the schema marks `id` deprecated; a merged pretalx export gives two talks the
 * same integer id but different guids), the integer id for files without guids.
 */
function fileIdOf(event: Json): string | undefined {
  const ours = typeof event.slug === 'string' && event.guid === sessionGuid(event.slug);
  const candidate = ours
    ? event.slug
    : typeof event.guid === 'string' && event.guid.trim()
      ? `c3voc-${event.guid.trim()}`
      : typeof event.id === 'number' || typeof event.id === 'string'
        ? `c3voc-${event.id}`
        : undefined;
  return typeof candidate === 'string' && isSessionId(candidate) ? candidate : undefined;
}

export function parseC3voc(text: string, options: ImportOptions = {}): ParseResult {
  const doc = parseJsonOrThrow(text);
  if (!isObject(doc) || !isObject(doc.schedule) || !isObject(doc.schedule.conference)) {
    throw new ImportError('not a c3voc schedule.json: expected { "schedule": { "conference": { "days": [...] } } }');
  }
  const conference = doc.schedule.conference;
  const days = Array.isArray(conference.days) ? conference.days : [];
  const warnings: ImportWarning[] = [];
  let zone = chooseZone(conference, options);
  const implied = options.timezone === undefined ? zoneFromOffsets(days, new ZoneTimes(zone)) : undefined;
  if (implied) {
    warnings.push({
      line: new LineFinder(text).lineOf({ title: 'time_zone_name' }),
      message: `time_zone_name says ${zone} but every event "date" says ${implied.offset}: the offsets win, times are shown in ${implied.zone} (give --timezone to name the venue's zone)`,
    });
    zone = implied.zone;
  }

  const problems = new ProblemList('line');
  const finder = new LineFinder(text);
  const events: ReadEvent[] = [];
  const times = new ZoneTimes(zone);
  for (const day of days) {
    if (!isObject(day) || typeof day.date !== 'string' || !isObject(day.rooms)) {
      problems.add(finder.lineOf(undefined), 'each day needs "date" and "rooms"');
      continue;
    }
    const c3day = { date: day.date, changeOver: changeOverOf(day, zone) };
    for (const [roomName, list] of Object.entries(day.rooms)) {
      for (const event of Array.isArray(list) ? list : []) {
        const line = finder.lineOf(event);
        const result = readEvent(event, c3day, times);
        if (!result.ok) {
          result.errors.forEach((message) =>
            problems.add(line, `event "${isObject(event) ? shown(event.title) : ''}": ${message}`),
          );
          continue;
        }
        const venueName =
          isObject(event) && typeof event.room === 'string' && event.room.trim() ? event.room : roomName;
        events.push({ line, parts: result.parts, venueName, fileId: fileIdOf(event as Json) });
      }
    }
  }
  const seen = new Map<string, number>();
  for (const e of events) {
    if (e.fileId === undefined) continue;
    const first = seen.get(e.fileId);
    if (first !== undefined) problems.add(e.line, `event id ${e.fileId} already appears on line ${first}`);
    else seen.set(e.fileId, e.line);
  }
  problems.throwIfAny();
  if (events.length === 0) throw new ImportError('no events found in schedule.conference.days');

  const mismatch = events.find((e) => e.parts.clockMismatch);
  if (mismatch) {
    warnings.push({
      line: mismatch.line,
      message: `event times ("start") do not match their "date" in ${zone}; the instants in "date" are kept and shown in ${zone}`,
    });
  }
  const sessionLines = new Map<string, number>();
  return { programme: toProgramme(events, conference, zone, sessionLines), warnings, sessionLines };
}

function toProgramme(events: ReadEvent[], conference: Json, zone: string, lines: Map<string, number>): Programme {
  const venues = new VenueRegistry();
  // Rooms listed by the conference come first, in its order, even when named again by events.
  if (Array.isArray(conference.rooms)) {
    for (const room of conference.rooms) if (isObject(room) && typeof room.name === 'string') venues.idFor(room.name);
  }
  const venueIds = events.map((e) => venues.idFor(e.venueName));
  const derived = assignIds(
    events.map((e, i) =>
      eventIdRequest(
        e.parts.start.slice(0, 10),
        e.parts.title,
        e.parts.start.slice(11, 16).replace(':', ''),
        venueIds[i]!,
      ),
    ),
  );
  const sessions: Session[] = events.map((e, i) => {
    const { clockMismatch: _ignored, ...parts } = e.parts;
    const venueId = venueIds[i]!;
    const id = e.fileId ?? derived[i]!;
    lines.set(id, e.line);
    return {
      id,
      ...parts,
      venueId,
      status: 'scheduled',
      planned: { start: parts.start, end: parts.end, venueId },
      version: 1,
    };
  });
  sessions.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const used = new Set(venueIds);
  const checked = ProgrammeSchema.safeParse({
    timezone: zone,
    venues: venues.list().filter((v) => used.has(v.id)),
    sessions,
    ...conferenceOf(conference),
  });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ImportError(`invalid programme: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return checked.data;
}

/**
 * The conference's title, acronym and day change-over (the clock time of the first day's
 * day_start), so an export gives them back; a value of the wrong shape is left out.
 */
function conferenceOf(conference: Record<string, unknown>): { conference?: Conference } {
  // Our own export's stand-ins for "no conference" are not a name.
  const named = (value: unknown, unnamed: string): string | undefined => {
    const text = typeof value === 'string' ? value.trim().slice(0, 100) : '';
    return text !== '' && text !== unnamed ? text : undefined;
  };
  const days = Array.isArray(conference.days) ? (conference.days as Array<Record<string, unknown>>) : [];
  const dayStart = typeof days[0]?.day_start === 'string' ? /T(\d{2}:\d{2})/.exec(days[0].day_start)?.[1] : undefined;
  const title = named(conference.title, UNNAMED_CONFERENCE.title);
  const acronym = named(conference.acronym, UNNAMED_CONFERENCE.acronym);
  const found: Conference = {
    ...(title && { title }),
    ...(acronym && { acronym }),
    ...(dayStart && dayStart !== '00:00' && { dayChange: dayStart }),
  };
  return Object.keys(found).length ? { conference: found } : {};
}
