// frab/pentabarf schedule.xml: zone, date or day + start with change-over, durations, persons.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scheduleFromProgramme } from '../../server/schedule/seed.ts';
import { scheduleCsv } from '../../server/interchange/writers/csv-export.ts';
import { ImportProblemsError } from '../../server/interchange/import-error.ts';
import { readSchedule } from '../../server/interchange/detect-format.ts';
import { parseFrabDuration } from '../../server/interchange/readers/frab-xml.ts';

const xml = readFileSync(join(import.meta.dirname, '../fixtures/interchange/frab-schedule.xml'), 'utf8');
const fosdem = (events: string): string =>
  `<?xml version="1.0"?>\n<schedule>\n<conference><title>FOSDEM</title></conference>\n<day index="1" date="2024-02-03">\n<room name="Janson">\n${events}\n</room>\n</day>\n</schedule>\n`;

describe('frab schedule.xml', () => {
  it('reads rooms as venues, persons as organisers, <date> or day + start (after the change-over: next day)', () => {
    const { format, programme, warnings } = readSchedule(xml);
    expect(format).toBe('frab-xml');
    expect(warnings).toEqual([]);
    expect(programme.timezone).toBe('Europe/Berlin');
    expect(programme.venues.map((v) => [v.id, v.name])).toEqual([
      ['Curie-Hall', 'Curie Hall'],
      ['Tent', 'Tent'],
    ]);
    expect(programme.sessions.map((s) => [s.id, s.title, s.start, s.end, s.kind])).toEqual([
      [
        'c3voc-11111111-1111-4111-8111-111111111111',
        'Opening & welcome',
        '2024-08-14T11:00:00+02:00',
        '2024-08-14T11:45:00+02:00',
        'plenary',
      ],
      [
        'c3voc-33333333-3333-4333-8333-333333333333',
        'Exhibition',
        '2024-08-14T12:00:00+02:00',
        '2024-08-15T14:00:00+02:00',
        'other',
      ],
      [
        'c3voc-22222222-2222-4222-8222-222222222222',
        'After midnight',
        '2024-08-15T01:30:00+02:00',
        '2024-08-15T03:00:00+02:00',
        'other',
      ],
    ]);
    expect(programme.sessions[0]!.organizers).toEqual({ lead: 'Ada Example', partners: ['Bo Sample'] });
  });

  it('round trips through our CSV', () => {
    const { programme } = readSchedule(xml);
    expect(readSchedule(scheduleCsv(scheduleFromProgramme(programme))).programme.sessions).toEqual(programme.sessions);
  });

  it('reads durations [D:]HH:MM[:SS]', () => {
    expect(['00:50', '1:30', '01:30:00', '1:02:00', '0:01:00:00', 'soon', '1:75'].map(parseFrabDuration)).toEqual([
      50,
      90,
      90,
      1560,
      60,
      null,
      null,
    ]);
  });

  it('needs --timezone when the file names no zone (FOSDEM)', () => {
    const text = fosdem('<event id="7"><start>09:30</start><duration>00:25</duration><title>Welcome</title></event>');
    expect(() => readSchedule(text)).toThrow(
      /This is a frab schedule.xml without conference\/time_zone_name \(FOSDEM writes none\): give the venue's time zone with --timezone/,
    );
    const { programme } = readSchedule(text, { timezone: 'Europe/Brussels' });
    expect(programme.sessions[0]).toMatchObject({
      id: 'c3voc-7',
      start: '2024-02-03T09:30:00+01:00',
      end: '2024-02-03T09:55:00+01:00',
      venueId: 'Janson',
    });
  });

  it('refuses bad events with their lines, broken XML with its line, and entity declarations', () => {
    const bad = fosdem(
      '<event id="7"><start>09:30</start><duration>soon</duration><title>A</title></event>\n<event id="8"><start>25:00</start><duration>00:30</duration><title>B</title></event>',
    );
    const error = (() => {
      try {
        readSchedule(bad, { timezone: 'Europe/Brussels' });
      } catch (e) {
        return e;
      }
    })() as ImportProblemsError;
    expect(error).toBeInstanceOf(ImportProblemsError);
    expect(error.problems).toEqual([
      { line: 6, message: expect.stringMatching(/event "A": duration "soon"/) },
      { line: 7, message: expect.stringMatching(/event "B": start: "25:00" is not a clock time/) },
    ]);
    expect(() => readSchedule('<schedule>\n<day>\n</schedule>', { timezone: 'UTC' })).toThrow(
      /^line \d+: This is a frab schedule.xml, but it is not well-formed XML/,
    );
    expect(() =>
      readSchedule('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<schedule></schedule>'),
    ).toThrow(/declares XML entities \(<!ENTITY>\), which are refused for safety/);
  });
});
