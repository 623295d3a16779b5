// The iCalendar reader: zones of every kind, recurrences in a window, repairs of broken feeds.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scheduleFromProgramme } from '../../server/schedule/seed.ts';
import { scheduleCsv } from '../../server/interchange/writers/csv-export.ts';
import { readSchedule } from '../../server/interchange/detect-format.ts';
import { readScheduleFile } from '../../server/interchange/load-file.ts';
import { parseIcal } from '../../server/interchange/readers/ical.ts';

const fixture = (name: string): string =>
  readFileSync(join(import.meta.dirname, '../fixtures/interchange', name), 'utf8');
const ics = (...lines: string[]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const vevent = (...lines: string[]): string[] => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];

describe('iCalendar reader: a room calendar (Outlook style)', () => {
  const { programme, warnings } = readSchedule(fixture('room-calendar.ics'));

  it('maps a Windows TZID through CLDR and expands RRULE, EXDATE and a RECURRENCE-ID override', () => {
    expect(programme.timezone).toBe('Europe/Berlin');
    const standUps = programme.sessions.filter((s) => s.title.startsWith('Weekly stand-up'));
    expect(standUps.map((s) => [s.start, s.title, s.venueId])).toEqual([
      ['2024-03-04T10:00:00+01:00', 'Weekly stand-up', 'Board-Room'],
      ['2024-03-18T14:00:00+01:00', 'Weekly stand-up (moved)', 'Room-4-1'],
      ['2024-03-25T10:00:00+01:00', 'Weekly stand-up', 'Board-Room'],
    ]);
    expect(standUps[0]!.organizers).toEqual({ lead: 'Ana Lima', partners: [] });
  });

  it('reads UTC, DURATION, STATUS:CANCELLED and URL; venues as written, spaces collapsed', () => {
    const keynote = programme.sessions.find((s) => s.title === 'Keynote')!;
    expect(keynote).toMatchObject({
      start: '2024-03-05T09:00:00+01:00',
      end: '2024-03-05T09:45:00+01:00',
      status: 'cancelled',
      online: { url: 'https://meet.example.org/keynote' },
    });
    expect(programme.venues.map((v) => v.name)).toEqual(['Board Room', 'Room 4.1']);
  });

  it('skips all-day events with one counting warning and repairs a fold that lost its space', () => {
    expect(warnings).toEqual([
      { line: 28, message: 'folded line without its leading space: repaired on line 28' },
      { line: 1, message: '1 all-day event skipped (a session needs a start and an end time)' },
    ]);
  });

  it('gives the same ids on a re-import (from UID and occurrence), and round trips through our CSV', () => {
    expect(readSchedule(fixture('room-calendar.ics')).programme.sessions.map((s) => s.id)).toEqual(
      programme.sessions.map((s) => s.id),
    );
    const again = readSchedule(scheduleCsv(scheduleFromProgramme(programme)));
    expect(again.format).toBe('csv');
    expect(again.programme.sessions).toEqual(programme.sessions);
  });
});

describe('iCalendar reader: zones', () => {
  it('reads an IANA TZID without VTIMEZONE, and floating times in X-WR-TIMEZONE', () => {
    const text = ics(
      'X-WR-TIMEZONE:America/New_York',
      ...vevent(
        'UID:a',
        'DTSTART;TZID=Europe/Vienna:20240701T100000',
        'DTEND;TZID=Europe/Vienna:20240701T110000',
        'SUMMARY:Vienna call',
      ),
      ...vevent('UID:b', 'DTSTART:20240701T090000', 'DTEND:20240701T093000', 'SUMMARY:Floating'),
    );
    const { programme } = parseIcal(text);
    expect(programme.timezone).toBe('America/New_York');
    expect(programme.sessions.map((s) => [s.title, s.start])).toEqual([
      ['Vienna call', '2024-07-01T04:00:00-04:00'],
      ['Floating', '2024-07-01T09:00:00-04:00'],
    ]);
  });

  it('maps "Eastern Standard Time" and uses a VTIMEZONE for a name no table knows', () => {
    const custom = [
      'BEGIN:VTIMEZONE',
      'TZID:Customized Time Zone',
      'BEGIN:STANDARD',
      'DTSTART:16010101T000000',
      'TZOFFSETFROM:+0300',
      'TZOFFSETTO:+0300',
      'END:STANDARD',
      'END:VTIMEZONE',
    ];
    const text = ics(
      ...custom,
      ...vevent('UID:a', 'DTSTART;TZID=Eastern Standard Time:20240115T100000', 'DURATION:PT1H', 'SUMMARY:East'),
      ...vevent('UID:b', 'DTSTART;TZID=Customized Time Zone:20240115T100000', 'DURATION:PT1H', 'SUMMARY:Custom'),
    );
    const { programme } = parseIcal(text, { timezone: 'UTC' });
    expect(programme.sessions.map((s) => [s.title, s.start])).toEqual([
      ['Custom', '2024-01-15T07:00:00Z'],
      ['East', '2024-01-15T15:00:00Z'],
    ]);
  });

  it('uses the zone most events name when the calendar declares none', () => {
    const text = ics(
      ...vevent('UID:a', 'DTSTART;TZID=W. Europe Standard Time:20240115T100000', 'DURATION:PT1H', 'SUMMARY:A'),
    );
    expect(parseIcal(text).programme.timezone).toBe('Europe/Berlin');
  });
});

describe('iCalendar reader: recurrences and the window', () => {
  const endless = vevent(
    'UID:daily',
    'DTSTART;TZID=Europe/Vienna:20240902T090000',
    'DTEND;TZID=Europe/Vienna:20240902T091500',
    'RRULE:FREQ=DAILY',
    'SUMMARY:Briefing',
  );

  it('refuses an endless rule with no window to derive, naming its line and the options', () => {
    expect(() => parseIcal(ics(...endless))).toThrow(
      /^line 4: the event "Briefing" repeats without end .*give --from YYYY-MM-DD --to YYYY-MM-DD/,
    );
  });

  it('expands within --from/--to (venue-local, inclusive)', () => {
    const { programme } = parseIcal(ics(...endless), { from: '2024-09-03', to: '2024-09-05' });
    expect(programme.sessions.map((s) => s.start)).toEqual([
      '2024-09-03T09:00:00+02:00',
      '2024-09-04T09:00:00+02:00',
      '2024-09-05T09:00:00+02:00',
    ]);
  });

  it('bounds an endless rule by the days of the one-off events by default', () => {
    const oneOff = vevent(
      'UID:conf',
      'DTSTART;TZID=Europe/Vienna:20240904T100000',
      'DTEND;TZID=Europe/Vienna:20240905T170000',
      'SUMMARY:Conference',
    );
    const { programme } = parseIcal(ics(...endless, ...oneOff));
    expect(programme.sessions.filter((s) => s.title === 'Briefing').map((s) => s.start.slice(0, 10))).toEqual([
      '2024-09-04',
      '2024-09-05',
    ]);
  });

  it('expands RDATE (the real Zimbra export from ical.js: monthly rule with UNTIL plus two RDATEs)', () => {
    const { programme, warnings } = readSchedule(fixture('zimbra-recur-finite.ics'));
    expect(warnings).toEqual([]);
    expect(programme.timezone).toBe('America/Los_Angeles');
    expect(programme.sessions.map((s) => s.start)).toEqual([
      '2012-10-02T10:00:00-07:00',
      '2012-11-05T10:00:00-08:00',
      '2012-11-06T10:00:00-08:00',
      '2012-11-10T10:00:00-08:00',
      '2012-12-04T10:00:00-08:00',
    ]);
    expect(programme.sessions[0]).toMatchObject({
      title: 'Crazy Event Thingy!',
      venueId: 'PLACE',
      organizers: { lead: 'James Lal', partners: [] },
    });
  });
});

describe('iCalendar reader: broken feeds and refusals', () => {
  it('repairs stray spaces and blank lines, and reports them', () => {
    const text = ics(
      'BEGIN:VEVENT ',
      'UID:a',
      'DTSTART :20240101T100000Z',
      '',
      'DTEND:20240101T110000Z',
      'SUMMARY:Spaces',
      'END:VEVENT',
    );
    const { programme, warnings } = parseIcal(text, { timezone: 'UTC' });
    expect(programme.sessions).toHaveLength(1);
    expect(warnings.map((w) => w.message)).toEqual([
      'spaces after BEGIN/END: repaired on line 4',
      'spaces around a property name: repaired on line 6',
      'blank line: repaired on line 7',
    ]);
  });

  it('replaces a stray Latin-1 byte and warns, keeping the rest of the feed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ical-bytes-'));
    const path = join(dir, 'feed.ics');
    const text = ics(
      ...vevent('UID:a', 'DTSTART:20240101T100000Z', 'DTEND:20240101T110000Z', 'SUMMARY:Caf\u00e9 talk'),
    );
    writeFileSync(path, Buffer.from(text, 'latin1'));
    const { programme, warnings } = readScheduleFile(path, { timezone: 'UTC' });
    expect(programme.sessions[0]!.title).toBe('Caf\uFFFD talk');
    expect(warnings[0]).toEqual({ line: 8, message: expect.stringMatching(/^1 byte sequence is not UTF-8/) });
  });

  it('says what it saw when there are no events', () => {
    expect(() => readSchedule(ics('BEGIN:VTODO', 'UID:t', 'SUMMARY:Do it', 'END:VTODO'))).toThrow(
      'This is an iCalendar file, but it has no VEVENT (only 1 VTODO)',
    );
  });
});
