// Issue 15 (4): iCal UIDs unique across servers, the venue's own zone name in TZID (aliases too),
// and the per-venue feed read by two independent parsers: ical.js and Python's icalendar.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Schedule } from '../../shared/model.ts';
import { scheduleFromProgramme } from '../../server/schedule/seed.ts';
import { calendarIcs } from '../../server/interchange/writers/ical-export.ts';
import { parseUnProgramme } from '../../server/interchange/readers/un-programme.ts';

const dstText = readFileSync(new URL('../fixtures/un-programme-dst-2025.txt', import.meta.url), 'utf8');

function scheduleIn(zone: string, scheduleId: string): Schedule {
  return { ...scheduleFromProgramme(parseUnProgramme(dstText).programme), timezone: zone, scheduleId };
}

function icalJsEvents(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const zones = calendar.getAllSubcomponents('vtimezone').map((vtz) => {
    const zone = new ICAL.Timezone(vtz);
    ICAL.TimezoneService.register(zone);
    return zone.tzid;
  });
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      tzid: vevent.getFirstProperty('dtstart')!.getParameter('tzid'),
      start: event.startDate.toUnixTime() * 1000,
    };
  });
  return { zones, events };
}

afterEach(() => ICAL.TimezoneService.reset());

const PYTHON = '/usr/bin/python3';
const PYTHON_READER = `
import sys, json
try:
    import icalendar
except ImportError:
    print("MISSING")
    sys.exit(3)
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
out = []
for ev in cal.walk("VEVENT"):
    start = ev.decoded("DTSTART")
    out.append({"uid": str(ev.get("UID")), "tzid": ev["DTSTART"].params.get("TZID"), "start": start.timestamp() * 1000})
print(json.dumps({"zones": [str(z.get("TZID")) for z in cal.walk("VTIMEZONE")], "events": out}))
`;

/** The feed as Python's icalendar reads it; fails with one clear line when the module is absent. */
function pythonEvents(ics: string): { zones: string[]; events: Array<{ uid: string; tzid: string; start: number }> } {
  const run = spawnSync(PYTHON, ['-c', PYTHON_READER], { input: ics, encoding: 'utf8' });
  if (run.error || run.stdout.trim() === 'MISSING') {
    throw new Error(
      `Python's icalendar is not installed for ${PYTHON}: apt-get install python3-icalendar (.ci/run does it)`,
    );
  }
  if (run.status !== 0) throw new Error(`python icalendar refused the feed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

describe('iCal export: UIDs and zones', () => {
  it('makes UIDs from the schedule id: two servers with the same session ids never share one', () => {
    const a = icalJsEvents(calendarIcs(scheduleIn('Europe/Vienna', 'aaaa1111bbbb2222'))).events.map((e) => e.uid);
    const b = icalJsEvents(calendarIcs(scheduleIn('Europe/Vienna', 'cccc3333dddd4444'))).events.map((e) => e.uid);
    expect(a.length).toBeGreaterThan(0);
    expect(a.filter((uid) => b.includes(uid))).toEqual([]);
    expect(a.every((uid) => /\.aaaa1111bbbb2222@venue-signage$/.test(uid))).toBe(true);
    // Stable: the same schedule gives the same UIDs again.
    expect(icalJsEvents(calendarIcs(scheduleIn('Europe/Vienna', 'aaaa1111bbbb2222'))).events.map((e) => e.uid)).toEqual(
      a,
    );
  });

  for (const zone of ['Europe/Amsterdam', 'Europe/Oslo', 'Europe/Luxembourg', 'America/Montreal']) {
    it(`writes the alias zone ${zone} under its own name, with the right instants`, () => {
      const schedule = scheduleIn(zone, 'aaaa1111bbbb2222');
      const ics = calendarIcs(schedule);
      expect(ics).toContain(`BEGIN:VTIMEZONE\r\nTZID:${zone}\r\n`);
      const { zones, events } = icalJsEvents(ics);
      expect(zones).toEqual([zone]);
      expect(new Set(events.map((e) => e.tzid))).toEqual(new Set([zone]));
      const expected = new Map(
        schedule.sessions.map((s) => [`${s.id}.aaaa1111bbbb2222@venue-signage`, Date.parse(s.start)]),
      );
      for (const event of events) expect(event.start).toBe(expected.get(event.uid));
    });
  }

  it('gives a per-venue feed that ical.js and Python icalendar read to the same events and instants', () => {
    const schedule = scheduleIn('Europe/Amsterdam', 'aaaa1111bbbb2222');
    const venue = schedule.venues.find((v) => schedule.sessions.some((s) => s.venueId === v.id))!;
    const ics = calendarIcs(schedule, venue);
    const fromJs = icalJsEvents(ics);
    const fromPython = pythonEvents(ics);
    expect(fromPython.zones).toEqual(['Europe/Amsterdam']);
    const byUid = (list: Array<{ uid: string; start: number }>) => new Map(list.map((e) => [e.uid, e.start]));
    expect(byUid(fromPython.events)).toEqual(byUid(fromJs.events));
    expect(fromPython.events).toHaveLength(schedule.sessions.filter((s) => s.venueId === venue.id).length);
    expect(new Set(fromPython.events.map((e) => e.tzid))).toEqual(new Set(['Europe/Amsterdam']));
  });
});
