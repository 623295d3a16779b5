/**
 * frab / pentabarf `schedule.xml` (the CCC Fahrplan, FOSDEM, pretalx's XML export):
 * `<schedule><conference>…</conference><day date="…"><room name="…"><event guid id>…`.
 * Each event is rewritten as the c3voc JSON event it mirrors and read by the same code
 * (readEvent), so both formats agree on times, change-over and kinds; ids are the c3voc ones
 * (from the guid), so a conference's XML and JSON exports give the same sessions.
 *
 * Zone: --timezone, else conference/time_zone_name; FOSDEM's file has none, so then the option is
 * required. Durations `[D:]HH:MM[:SS]`: "00:50", "1:00", "01:30:00" (zero-padded hours, then
 * seconds: pentabarf), "1:02:00" (one digit first: days, as frab writes).
 * Parsing: fast-xml-parser, linear; a document declaring entities (<!ENTITY>) is refused rather
 * than expanded.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DateTime } from 'luxon';
import { changeOverOf, isObject, readEvent, type Json } from './c3voc-events.ts';
import { ZoneTimes } from './zone-times.ts';
import { ProblemList } from '../import-error.ts';
import { ImportError, type ImportOptions, type ImportWarning, type ParseResult } from '../import-types.ts';
import { finishReading, LineIndex, optionZone, resolveZoneName, type SourceSession } from './source-programme.ts';

const LISTS = new Set(['day', 'room', 'event', 'person']);
const str = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : isObject(v) ? str(v['#text']) : '';
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]);

export function looksLikeFrabXml(text: string): boolean {
  return /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>\s*)?<schedule[\s>]/.test(
    text,
  );
}

/** Minutes of a frab/pentabarf duration, or null. */
export function parseFrabDuration(text: string): number | null {
  const parts = text.trim().split(':');
  if (parts.some((p) => !/^\d+$/.test(p))) return null;
  const n = parts.map(Number);
  let minutes: number | null = null;
  if (n.length === 2) minutes = n[0]! * 60 + n[1]!;
  else if (n.length === 3)
    minutes = parts[0]!.length === 2 ? n[0]! * 60 + n[1]! + Math.round(n[2]! / 60) : n[0]! * 1440 + n[1]! * 60 + n[2]!;
  else if (n.length === 4) minutes = n[0]! * 1440 + n[1]! * 60 + n[2]! + Math.round(n[3]! / 60);
  return minutes !== null && n.slice(1).every((v) => v < 60) ? minutes : null;
}

function parseXml(text: string): Json {
  if (/<!ENTITY/i.test(text))
    throw new ImportError(
      'This is a frab schedule.xml, but it declares XML entities (<!ENTITY>), which are refused for safety',
    );
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    throw new ImportError(
      `This is a frab schedule.xml, but it is not well-formed XML: ${valid.err.msg}`,
      valid.err.line,
    );
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => LISTS.has(name),
  });
  return parser.parse(text) as Json;
}

const NO_EVENTS = 'This is a frab schedule.xml, but it has no events';

export function parseFrabXml(text: string, options: ImportOptions = {}): ParseResult {
  const doc = parseXml(text.replace(/^\uFEFF/, ''));
  const schedule = doc.schedule;
  if (!isObject(schedule)) throw new ImportError('This is a frab schedule.xml, but it has no <schedule> element');
  const conference = isObject(schedule.conference) ? schedule.conference : {};
  const declared = str(conference.time_zone_name);
  const zone = optionZone(options.timezone) ?? (declared ? resolveZoneName(declared) : undefined);
  if (!zone) {
    throw new ImportError(
      declared
        ? `This is a frab schedule.xml, but its time_zone_name "${declared}" is not a known zone: give --timezone`
        : "This is a frab schedule.xml without conference/time_zone_name (FOSDEM writes none): give the venue's time zone with --timezone",
    );
  }
  const index = new LineIndex(text);
  const eventLines: number[] = [];
  for (const m of text.matchAll(/<event[\s>]/g)) eventLines.push(index.lineAt(m.index));
  const problems = new ProblemList('line');
  const warnings: ImportWarning[] = [];
  const sessions: SourceSession[] = [];
  const times = new ZoneTimes(zone);
  let n = 0;
  for (const day of list(schedule.day)) {
    if (!isObject(day)) continue;
    const date = str(day['@date']);
    const c3day = { date, changeOver: changeOverOf({ day_start: str(day['@start']) }, zone) };
    for (const room of list(day.room)) {
      if (!isObject(room)) continue;
      for (const event of list(room.event)) {
        const line = eventLines[n++] ?? 1;
        if (!isObject(event)) continue;
        const title = str(event.title);
        const minutes = parseFrabDuration(str(event.duration));
        if (minutes === null) {
          problems.add(
            line,
            `event "${title}": duration "${str(event.duration)}" must be like "00:50", "1:30" or "01:30:00"`,
          );
          continue;
        }
        const json: Json = {
          title,
          date: str(event.date),
          start: str(event.start),
          track: str(event.track),
          persons: list(isObject(event.persons) ? event.persons.person : undefined).map((p) => ({
            public_name: str(p),
          })),
        };
        if (!json.date && !date) {
          problems.add(line, `event "${title}": neither <date> nor the day's date attribute`);
          continue;
        }
        const start = readEvent({ ...json, end: undefined, duration: '1:00' }, c3day, times);
        if (!start.ok) {
          start.errors.forEach((e) => problems.add(line, `event "${title}": ${e}`));
          continue;
        }
        const from = DateTime.fromISO(start.parts.start).toMillis();
        const key = str(event['@guid']) || str(event['@id']);
        if (!key) {
          problems.add(line, `event "${title}": needs a guid or id attribute`);
          continue;
        }
        if (minutes === 0) {
          problems.add(line, `event "${title}": duration 0:00, the event must end after it starts`);
          continue;
        }
        const roomName =
          list(event.room)
            .map(str)
            .find((r) => r) || str(room['@name']);
        sessions.push({
          line,
          key,
          title,
          start: from,
          end: from + minutes * 60_000,
          venueName: roomName,
          organizers: start.parts.organizers.lead
            ? [start.parts.organizers.lead, ...start.parts.organizers.partners]
            : [],
          kind: start.parts.kind,
        });
      }
    }
  }
  return finishReading(problems, sessions, zone, 'c3voc', warnings, NO_EVENTS);
}
