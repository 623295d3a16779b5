/**
 * What the readers of other systems' schedules (iCalendar, frab XML, Indico, spreadsheets) have in
 * common: a session as the source describes it → a validated Programme. Venue names are kept as
 * the source writes them (whitespace collapsed); session ids come from the source's own identity
 * (a UID, a guid, an Indico id) so a re-import of a changed file updates the same sessions.
 */
import { IANAZone } from 'luxon';
import {
  ProgrammeSchema,
  SessionSchema,
  type OnlineDetails,
  type Programme,
  type Session,
  type Venue,
} from '../../../shared/model.ts';
import { toVenueIso } from '../../../shared/time.ts';
import { shortHash } from './stable-ids.ts';
import { slug } from './venues.ts';
import { ImportError, type ImportWarning, type ParseResult } from '../import-types.ts';
import type { ProblemList } from '../import-error.ts';
import { WINDOWS_ZONES } from './windows-zones.ts';

export interface SourceSession {
  /** Where the source describes it (1-based), for messages. */
  line: number;
  /** The source's identity of this session (UID + occurrence, guid, …); the id is derived from it. */
  key: string;
  title: string;
  /** Instants (ms since the epoch). */
  start: number;
  end: number;
  venueName: string;
  organizers: string[];
  kind?: Session['kind'];
  cancelled?: boolean;
  online?: OnlineDetails;
  translations?: Session['translations'];
}

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/**
 * "<prefix>-<key>" when the key is short and URL-safe (an integer id, a guid), else
 * "<prefix>-<hash of the key>": the same key always gives the same id.
 */
export function sourceSessionId(prefix: string, key: string): string {
  const plain = `${prefix}-${key}`;
  return SAFE_ID.test(plain) && plain.length <= 64 ? plain : `${prefix}-${shortHash(key)}${shortHash(`~${key}`)}`;
}

export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Venues as the source names them; ids are slugs of the whole name, unique case-insensitively. */
export class SourceVenues {
  private readonly byName = new Map<string, Venue>();
  private readonly taken = new Set<string>();

  idFor(rawName: string): string {
    const name = collapseSpaces(rawName).slice(0, 200);
    const key = name.toLowerCase();
    const known = this.byName.get(key);
    if (known) return known.id;
    const base = slug(name) || 'venue';
    let id = base;
    for (let n = 2; this.taken.has(id.toLowerCase()); n += 1) id = `${base.slice(0, 59)}-${n}`;
    const venue: Venue = { id, name, kind: /^online$/i.test(name) ? 'online' : 'room' };
    this.byName.set(key, venue);
    this.taken.add(id.toLowerCase());
    return id;
  }

  list(): Venue[] {
    return [...this.byName.values()];
  }
}

/**
 * An IANA zone for a zone name a source writes: IANA names as they are, Windows names through
 * CLDR, and the "/mozilla.org/20050126_1/Europe/Berlin" style prefixes some clients put in front.
 */
const zoneNames = new Map<string, string | undefined>();

export function resolveZoneName(name: string): string | undefined {
  let zone = zoneNames.get(name);
  if (zone === undefined && !zoneNames.has(name)) zoneNames.set(name, (zone = lookUpZone(name)));
  return zone;
}

function lookUpZone(name: string): string | undefined {
  const trimmed = name.trim().replace(/^"|"$/g, '');
  if (IANAZone.isValidZone(trimmed) && !/^[+-]/.test(trimmed)) return trimmed;
  const windows = WINDOWS_ZONES[trimmed];
  if (windows) return windows;
  const tail = /([A-Za-z_]+\/[A-Za-z_+-]+(?:\/[A-Za-z_+-]+)?)$/.exec(trimmed)?.[1];
  return tail && IANAZone.isValidZone(tail) ? tail : undefined;
}

/** The venue zone from --timezone, refusing an unknown name with the option named. */
export function optionZone(timezone: string | undefined): string | undefined {
  if (timezone === undefined) return undefined;
  if (!IANAZone.isValidZone(timezone))
    throw new ImportError(`--timezone: unknown time zone "${timezone}" (expected an IANA name such as Europe/Vienna)`);
  return timezone;
}

/**
 * How a reader of events ends once every event is read: all the problems it found at once, or the
 * programme with the warnings it collected.
 */
export function finishReading(
  problems: ProblemList,
  items: SourceSession[],
  zone: string,
  idPrefix: string,
  warnings: ImportWarning[],
  emptyMessage: string,
): ParseResult {
  problems.throwIfAny();
  return { programme: buildSourceProgramme(items, zone, idPrefix, warnings, emptyMessage), warnings };
}

/**
 * The sessions as a Programme. A session the model refuses (a title too long, say) is left out
 * with a warning naming its line; ids that two sessions would share get "-2", "-3".
 */
export function buildSourceProgramme(
  items: SourceSession[],
  zone: string,
  idPrefix: string,
  warnings: ImportWarning[],
  emptyMessage: string,
): Programme {
  const venues = new SourceVenues();
  const used = new Set<string>();
  const sessions: Session[] = [];
  // Offsets cost an Intl call each, and a programme has few distinct instants.
  const isoOf = new Map<number, string>();
  const iso = (instant: number): string => {
    let text = isoOf.get(instant);
    if (text === undefined) isoOf.set(instant, (text = toVenueIso(instant, zone)));
    return text;
  };
  for (const item of items) {
    const venueId = venues.idFor(item.venueName);
    const base = sourceSessionId(idPrefix, item.key);
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
    const start = iso(item.start);
    const end = iso(item.end);
    const checked = SessionSchema.safeParse({
      id,
      kind: item.kind ?? 'other',
      title: collapseSpaces(item.title).slice(0, 1000),
      start,
      end,
      venueId,
      organizers: { lead: item.organizers[0] ?? '', partners: item.organizers.slice(1, 200) },
      ...(item.online ? { online: item.online } : {}),
      ...(item.translations ? { translations: item.translations } : {}),
      status: item.cancelled ? 'cancelled' : 'scheduled',
      planned: { start, end, venueId },
      version: 1,
    });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      warnings.push({
        line: item.line,
        message: `"${item.title}" left out: ${issue?.path.join('.') || 'session'}: ${issue?.message ?? 'invalid'}`,
      });
      continue;
    }
    used.add(id);
    sessions.push(checked.data);
  }
  if (sessions.length === 0) throw new ImportError(emptyMessage);
  // Stable sort: sessions at the same instant keep the source's order.
  sessions.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const inUse = new Set(sessions.map((s) => s.venueId));
  const checked = ProgrammeSchema.safeParse({
    timezone: zone,
    venues: venues.list().filter((v) => inUse.has(v.id)),
    sessions,
  });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ImportError(`invalid programme: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return checked.data;
}

/** 1-based line of a character offset, from a line index built once per text. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}
