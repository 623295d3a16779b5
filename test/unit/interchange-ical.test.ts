// The iCalendar feed, read back with an independent parser (ical.js) that computes times from the
// feed's own VTIMEZONE: right across the DST change in Vienna, stable UIDs, SEQUENCE, STATUS.
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Schedule } from '../../shared/model.ts';
import { scheduleFromProgramme } from '../../server/schedule/seed.ts';
import { openScheduleService } from '../../server/schedule/service.ts';
import { calendarIcs, sessionUid } from '../../server/interchange/writers/ical-export.ts';
import { parseUnProgramme } from '../../server/interchange/readers/un-programme.ts';

const dstText = readFileSync(new URL('../fixtures/un-programme-dst-2025.txt', import.meta.url), 'utf8');
const dstProgramme = () => parseUnProgramme(dstText).programme;

interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  location: string;
  description: string;
  tzid: string | null;
  start: number;
  end: number;
  conference: Array<{ value: string; type: string; feature: unknown }>;
}

/** Parses a feed with ical.js, registering only the VTIMEZONEs the feed itself carries. */
function parseFeed(ics: string): { calendar: ICAL.Component; events: ParsedEvent[]; zones: string[] } {
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
      sequence: event.sequence,
      status: String(vevent.getFirstPropertyValue('status')),
      summary: event.summary,
      location: event.location,
      description: event.description,
      tzid: vevent.getFirstProperty('dtstart')!.getParameter('tzid') as string | null,
      start: event.startDate.toUnixTime() * 1000,
      end: event.endDate.toUnixTime() * 1000,
      conference: vevent
        .getAllProperties('conference')
        .map((p) => ({ value: String(p.getFirstValue()), type: p.type, feature: p.getParameter('feature') })),
    };
  });
  return { calendar, events, zones };
}

afterEach(() => ICAL.TimezoneService.reset());

describe('iCalendar feed', () => {
  it('carries the venue zone as VTIMEZONE and gives the right instants on both sides of the DST change', async () => {
    const schedule = scheduleFromProgramme(dstProgramme());
    const ics = calendarIcs(schedule);
    const { calendar, events, zones } = parseFeed(ics);
    expect(zones).toEqual(['Europe/Vienna']);
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//venue-signage//schedule//EN');
    expect(events).toHaveLength(schedule.sessions.length);
    for (const event of events) expect(event.tzid).toBe('Europe/Vienna');
    const byUid = new Map(events.map((e) => [e.uid, e]));
    // Friday 24 October 2025 is summer time (+02:00), Monday 27 October winter time (+01:00).
    expect(byUid.get('plenary-2025-10-24-1000@venue-signage')!.start).toBe(Date.parse('2025-10-24T08:00:00Z'));
    expect(byUid.get('plenary-2025-10-27-1000@venue-signage')!.start).toBe(Date.parse('2025-10-27T09:00:00Z'));
    expect(byUid.get('plenary-2025-10-27-1000@venue-signage')!.end).toBe(Date.parse('2025-10-27T12:00:00Z'));
    for (const session of schedule.sessions) {
      const event = byUid.get(`${session.id}@venue-signage`)!;
      expect([event.start, event.end]).toEqual([Date.parse(session.start), Date.parse(session.end)]);
    }
    expect(ics).toContain('DTSTART;TZID=Europe/Vienna:20251027T100000\r\n');
    // RFC 5545: CRLF line ends, the last line's included, and DTSTAMP in UTC.
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
  });

  it('has UIDs that depend on the session only, never on the host or the render', async () => {
    const schedule = scheduleFromProgramme(dstProgramme());
    const uids = (s: Schedule) =>
      parseFeed(calendarIcs(s))
        .events.map((e) => e.uid)
        .sort();
    const first = uids(schedule);
    expect(first).toEqual(schedule.sessions.map((s) => `${s.id}@venue-signage`).sort());
    const moved = {
      ...schedule,
      sessions: schedule.sessions.map((s) => ({ ...s, venueId: 'CR1', title: `${s.title}!` })),
    };
    expect(uids(moved)).toEqual(first);
  });

  it('writes SEQUENCE = version − 1, STATUS, location, organisers and the join link', async () => {
    const schedule = scheduleFromProgramme(dstProgramme());
    const online = schedule.sessions.find((s) => s.venueId === 'Online' && s.online)!;
    Object.assign(online, {
      status: 'cancelled',
      version: 3,
      online: { ...online.online, url: 'https://meet.example/j/9?pwd=a,b;c' },
    });
    const { events } = parseFeed(calendarIcs(schedule));
    const event = events.find((e) => e.uid === `${online.id}@venue-signage`)!;
    expect(event).toMatchObject({ sequence: 2, status: 'CANCELLED', location: 'Online', summary: online.title });
    expect(event.conference).toEqual([{ value: 'https://meet.example/j/9?pwd=a,b;c', type: 'uri', feature: 'VIDEO' }]);
    expect(event.description).toContain(`Meeting ID: ${online.online!.meetingId}`);
    // The passcode stays off the public feed unless staff chose to show it on screens.
    expect(event.description).not.toContain('Passcode');
    const reception = events.find((e) => e.summary.startsWith('EVENING RECEPTION'))!;
    expect(reception).toMatchObject({
      sequence: 0,
      status: 'CONFIRMED',
      location: 'CR1',
      description: 'Organized by El Dorado, with Atlantis',
    });
  });

  it('shows the passcode when staff chose to show it', async () => {
    const schedule = scheduleFromProgramme(dstProgramme());
    const online = schedule.sessions.find((s) => s.online?.passcode)!;
    online.online = { ...online.online, showPasscode: true };
    const event = parseFeed(calendarIcs(schedule)).events.find((e) => e.uid === `${online.id}@venue-signage`)!;
    expect(event.description).toContain(`Passcode: ${online.online.passcode}`);
  });

  it("lists only one venue's sessions in that venue's feed", async () => {
    const schedule = scheduleFromProgramme(dstProgramme());
    const cr1 = schedule.venues.find((v) => v.id === 'CR1')!;
    const { calendar, events } = parseFeed(calendarIcs(schedule, cr1));
    expect(events.map((e) => e.location)).toEqual(['CR1', 'CR1', 'CR1']);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('CR1 — schedule');
  });

  it('raises SEQUENCE when a session changes through the service', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interchange-ical-'));
    const service = await openScheduleService({
      dataDir: dir,
      seed: dstProgramme,
      now: () => Date.parse('2025-10-24T08:00:00Z'),
    });
    try {
      const id = 'event-2025-10-24-74e0a795';
      const sequence = () =>
        parseFeed(calendarIcs(service.schedule())).events.find(
          (e) => e.uid === sessionUid({ id }, service.schedule().scheduleId),
        )!.sequence;
      expect(sequence()).toBe(0);
      await service.updateSession(id, { start: '2025-10-24T09:10', end: '2025-10-24T10:00' }, { name: 'alice' });
      expect(sequence()).toBe(1);
      await service.updateSession(id, { status: 'cancelled' }, { name: 'alice' });
      expect(sequence()).toBe(2);
    } finally {
      await service.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes UTC times without a VTIMEZONE for a venue on UTC', async () => {
    const schedule = { ...scheduleFromProgramme(dstProgramme()), timezone: 'UTC' };
    const ics = calendarIcs(schedule);
    const { events, zones } = parseFeed(ics);
    expect(zones).toEqual([]);
    expect(events[0]!.start).toBe(Date.parse(schedule.sessions[0]!.start));
    expect(ics).toContain('DTSTART:20251024T070000Z');
  });
});
