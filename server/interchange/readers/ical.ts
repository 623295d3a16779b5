/**
 * iCalendar (RFC 5545) feeds: room calendars from Exchange/Outlook, Google, Nextcloud, and the
 * .ics files conference sites publish. ical.js parses and expands recurrences (RRULE, RDATE,
 * EXDATE, RECURRENCE-ID overrides); this module turns events into sessions:
 * SUMMARY → title, LOCATION → venue (else the calendar's X-WR-CALNAME), ORGANIZER → organiser,
 * URL/CONFERENCE → join link, STATUS:CANCELLED → cancelled. DESCRIPTION has no place in the model.
 *
 * Times: UTC as such; TZID through its IANA name, a Windows name (CLDR) or the file's own
 * VTIMEZONE; floating times in the venue's zone (--timezone, else X-WR-TIMEZONE, else the zone
 * most events use). All-day events are not sessions: skipped, with one warning that counts them.
 * Ids: from UID, plus the occurrence's RECURRENCE-ID for a recurring event, so they survive a
 * re-import.
 */
import ICAL from 'ical.js';
import { DateTime, IANAZone } from 'luxon';
import { OnlineDetailsSchema, type OnlineDetails } from '../../../shared/model.ts';
import {
  ImportError,
  NoSessionsError,
  type ImportOptions,
  type ImportWarning,
  type ParseResult,
} from '../import-types.ts';
import { contentLines } from './ical-lines.ts';
import { eventTitles } from './ical-summaries.ts';
import { optionWindow, spanOf, type Window } from './ical-window.ts';
import { buildSourceProgramme, optionZone, resolveZoneName, type SourceSession } from './source-programme.ts';
import { firstLine } from '../../platform/first-line.ts';

/** Occurrences of one rule beyond which the rest are dropped (with a warning). */
const MAX_OCCURRENCES = 5000;

export function looksLikeIcal(text: string): boolean {
  return /^\uFEFF?\s*BEGIN\s*:\s*VCALENDAR/i.test(text);
}

type Time = InstanceType<typeof ICAL.Time>;
type Component = InstanceType<typeof ICAL.Component>;
type Event = InstanceType<typeof ICAL.Event>;

interface Located {
  component: Component;
  line: number;
}

class Zones {
  private readonly vtimezones = new Map<string, InstanceType<typeof ICAL.Timezone>>();
  private readonly resolved = new Map<string, string | undefined>();
  private readonly unknown = new Set<string>();

  constructor(
    calendars: Component[],
    readonly venueZone: string,
    private readonly warnings: ImportWarning[],
  ) {
    for (const calendar of calendars) {
      for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
        const tzid = String(vtz.getFirstPropertyValue('tzid') ?? '');
        if (tzid) this.vtimezones.set(tzid, new ICAL.Timezone(vtz));
      }
    }
  }

  iana(tzid: string): string | undefined {
    if (!this.resolved.has(tzid)) this.resolved.set(tzid, resolveZoneName(tzid));
    return this.resolved.get(tzid);
  }

  /** The instant of a date-time as the event states it; `tzid` is the TZID of its property. */
  instant(time: Time, tzid: string | undefined, line: number): number {
    const fields = {
      year: time.year,
      month: time.month,
      day: time.day,
      hour: time.hour,
      minute: time.minute,
      second: time.second,
    };
    if (time.zone === ICAL.Timezone.utcTimezone || time.zone?.tzid === 'UTC')
      return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
    const name = tzid ?? (time as Time & { timezone?: string }).timezone;
    if (name) {
      const iana = this.iana(name);
      if (iana) return DateTime.fromObject(fields, { zone: IANAZone.create(iana) }).toMillis();
      const vtz = this.vtimezones.get(name);
      if (vtz) return new ICAL.Time(fields, vtz).toUnixTime() * 1000;
      if (!this.unknown.has(name)) {
        this.unknown.add(name);
        this.warnings.push({
          line,
          message: `TZID "${name}" is neither an IANA nor a Windows zone and has no VTIMEZONE: its times are read in ${this.venueZone}`,
        });
      }
    }
    return DateTime.fromObject(fields, { zone: IANAZone.create(this.venueZone) }).toMillis();
  }
}

function tzidOf(component: Component, name: string): string | undefined {
  const value = component.getFirstProperty(name)?.getParameter('tzid');
  return typeof value === 'string' ? value : undefined;
}

function text(component: Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value.trim() : '';
}

function organiser(component: Component): string[] {
  const property = component.getFirstProperty('organizer');
  if (!property) return [];
  const cn = property.getParameter('cn');
  const name =
    typeof cn === 'string' && cn.trim()
      ? cn.trim()
      : String(property.getFirstValue() ?? '')
          .replace(/^mailto:/i, '')
          .trim();
  return name ? [name] : [];
}

function joinLink(component: Component): OnlineDetails | undefined {
  for (const name of ['conference', 'url']) {
    const checked = OnlineDetailsSchema.safeParse({ url: text(component, name) });
    if (text(component, name) && checked.success) return checked.data;
  }
  return undefined;
}

/** The venue zone: the option, else X-WR-TIMEZONE, else the zone most DTSTARTs name, else UTC. */
function chooseZone(
  calendars: Component[],
  events: Located[],
  options: ImportOptions,
  warnings: ImportWarning[],
): string {
  const explicit = optionZone(options.timezone);
  if (explicit) return explicit;
  for (const calendar of calendars) {
    const declared = text(calendar, 'x-wr-timezone');
    if (declared) {
      const zone = resolveZoneName(declared);
      if (zone) return zone;
      warnings.push({ line: 1, message: `X-WR-TIMEZONE "${declared}" is not a known zone; ignored` });
    }
  }
  const counts = new Map<string, number>();
  for (const { component } of events) {
    const tzid = tzidOf(component, 'dtstart');
    const zone = tzid && resolveZoneName(tzid);
    if (zone) counts.set(zone, (counts.get(zone) ?? 0) + 1);
  }
  const common = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (common) return common;
  warnings.push({
    line: 1,
    message:
      'the calendar names no time zone (no X-WR-TIMEZONE, no TZID): the venue zone is UTC; give --timezone to choose it',
  });
  return 'UTC';
}

interface Occurrence {
  item: Component;
  start: number;
  end: number;
  key: string;
  line: number;
}

export function parseIcal(raw: string, options: ImportOptions = {}): ParseResult {
  const warnings: ImportWarning[] = [];
  const { text: cleaned, eventLines } = contentLines(raw, warnings);
  let calendars: Component[];
  try {
    const parsed = ICAL.parse(cleaned) as unknown;
    const list = (Array.isArray(parsed) && typeof parsed[0] === 'string' ? [parsed] : parsed) as unknown[];
    calendars = list.map((jcal) => new ICAL.Component(jcal as never));
  } catch (error) {
    throw new ImportError(`This is an iCalendar file, but it cannot be read: ${firstLine(error)}`);
  }
  const events: Located[] = calendars
    .flatMap((c) => c.getAllSubcomponents('vevent'))
    .map((component, i) => ({ component, line: eventLines[i] ?? 1 }));
  // Detached, events stop ical.js from searching the calendar's children for a VTIMEZONE on every
  // date it reads (quadratic on a large feed); Zones resolves TZIDs and VTIMEZONEs itself.
  for (const calendar of calendars) calendar.removeAllSubcomponents('vevent');
  if (events.length === 0) {
    const todos = calendars.reduce((n, c) => n + c.getAllSubcomponents('vtodo').length, 0);
    throw new NoSessionsError(
      `This is an iCalendar file, but it has no VEVENT${todos ? ` (only ${todos} VTODO)` : ''}: there are no sessions to import`,
    );
  }
  const zone = chooseZone(calendars, events, options, warnings);
  const zones = new Zones(calendars, zone, warnings);
  const window = optionWindow(options.from, options.to, zone);
  const calendarName = calendars.map((c) => text(c, 'x-wr-calname')).find((n) => n) || 'Calendar';

  // Masters and their RECURRENCE-ID overrides, by UID.
  const masters = new Map<string, { located: Located; event: Event }>();
  const overrides: Located[] = [];
  let allDay = 0;
  let untitled = 0;
  for (const located of events) {
    const { component } = located;
    const start = component.getFirstPropertyValue('dtstart') as Time | null;
    if (!start) {
      warnings.push({ line: located.line, message: 'VEVENT without DTSTART left out' });
      continue;
    }
    if (start.isDate) {
      allDay += 1;
      continue;
    }
    if (component.hasProperty('recurrence-id')) overrides.push(located);
    else {
      const uid = text(component, 'uid') || `line-${located.line}`;
      if (masters.has(uid))
        warnings.push({
          line: located.line,
          message: `UID "${uid}" appears twice; the second event is kept under another id`,
        });
      masters.set(masters.has(uid) ? `${uid}#${located.line}` : uid, {
        located,
        event: new ICAL.Event(component, { exceptions: [] }),
      });
    }
  }
  const orphans: Located[] = [];
  for (const o of overrides) {
    const master = masters.get(text(o.component, 'uid'));
    if (master) master.event.relateException(o.component);
    else orphans.push(o);
  }

  const occurrences: Occurrence[] = [];
  const oneOff = (located: Located, key: string): void => {
    const event = new ICAL.Event(located.component, { exceptions: [] });
    const start = zones.instant(event.startDate, tzidOf(located.component, 'dtstart'), located.line);
    const end = located.component.hasProperty('dtend')
      ? zones.instant(event.endDate, tzidOf(located.component, 'dtend'), located.line)
      : start + event.duration.toSeconds() * 1000;
    occurrences.push({ item: located.component, start, end, key, line: located.line });
  };
  const recurring: { uid: string; located: Located; event: Event }[] = [];
  for (const [uid, entry] of masters) {
    if (entry.event.isRecurring()) recurring.push({ uid, ...entry });
    else oneOff(entry.located, uid);
  }
  for (const o of orphans)
    oneOff(o, `${text(o.component, 'uid')}/${String(o.component.getFirstPropertyValue('recurrence-id'))}`);

  const endless = recurring.find(({ located }) =>
    located.component.getAllProperties('rrule').some((p) => {
      const rule = p.getFirstValue() as InstanceType<typeof ICAL.Recur>;
      return !rule.count && !rule.until;
    }),
  );
  const span = window ?? (endless ? spanOf(occurrences, zone) : undefined);
  if (endless && !span) {
    throw new ImportError(
      `the event "${text(endless.located.component, 'summary')}" repeats without end (RRULE without COUNT or UNTIL) and the calendar has no one-off events to bound it: give --from YYYY-MM-DD --to YYYY-MM-DD`,
      endless.located.line,
    );
  }
  for (const r of recurring) expand(r, span, zones, occurrences, warnings);

  const sessions: SourceSession[] = [];
  for (const o of occurrences) {
    if (window && (o.end <= window.start || o.start >= window.end)) continue;
    const { title, translations } = eventTitles(o.item);
    if (!title) {
      untitled += 1;
      continue;
    }
    if (!(o.end > o.start)) {
      warnings.push({ line: o.line, message: `"${title}" left out: it ends when it starts (no DTEND or DURATION?)` });
      continue;
    }
    const online = joinLink(o.item);
    sessions.push({
      line: o.line,
      key: o.key,
      title,
      start: o.start,
      end: o.end,
      venueName: text(o.item, 'location') || calendarName,
      organizers: organiser(o.item),
      cancelled: text(o.item, 'status').toUpperCase() === 'CANCELLED',
      ...(online && { online }),
      ...(translations && { translations }),
    });
  }
  if (allDay)
    warnings.push({
      line: 1,
      message: `${allDay} all-day event${allDay === 1 ? '' : 's'} skipped (a session needs a start and an end time)`,
    });
  if (untitled)
    warnings.push({ line: 1, message: `${untitled} event${untitled === 1 ? '' : 's'} without SUMMARY skipped` });
  const programme = buildSourceProgramme(
    sessions,
    zone,
    'ical',
    warnings,
    window
      ? `This is an iCalendar file, but none of its ${events.length} events is a timed event between --from and --to`
      : `This is an iCalendar file, but none of its ${events.length} events is a timed event with a title`,
  );
  return { programme, warnings };
}

function expand(
  { uid, located, event }: { uid: string; located: Located; event: Event },
  span: Window | undefined,
  zones: Zones,
  into: Occurrence[],
  warnings: ImportWarning[],
): void {
  const masterTzid = tzidOf(located.component, 'dtstart');
  const iterator = event.iterator();
  let count = 0;
  for (let next = iterator.next(); next; next = iterator.next()) {
    const start = zones.instant(next, masterTzid, located.line);
    if (span && start >= span.end) break;
    if (count >= MAX_OCCURRENCES) {
      warnings.push({
        line: located.line,
        message: `"${event.summary}" repeats more than ${MAX_OCCURRENCES} times; the rest are left out (narrow with --from and --to)`,
      });
      break;
    }
    const details = event.getOccurrenceDetails(next);
    const item = details.item.component;
    const itemTzid = item === located.component ? masterTzid : tzidOf(item, 'dtstart');
    const itemStart = zones.instant(details.startDate, itemTzid, located.line);
    const itemEnd = zones.instant(
      details.endDate,
      item === located.component ? (tzidOf(item, 'dtend') ?? masterTzid) : (tzidOf(item, 'dtend') ?? itemTzid),
      located.line,
    );
    if (span && itemEnd <= span.start) continue;
    count += 1;
    const recurrence = DateTime.fromMillis(start, { zone: 'UTC' }).toFormat("yyyyMMdd'T'HHmmss'Z'");
    into.push({ item, start: itemStart, end: itemEnd, key: `${uid}/${recurrence}`, line: located.line });
  }
}
