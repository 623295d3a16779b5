// c3voc schedule.json: our export checked against the vendored c3voc schema, the round trip, and
// the importer on a real pretalx export and on frab-style files (start-only times, past midnight).
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../shared/model.ts';
import { scheduleFromProgramme } from '../../server/schedule/seed.ts';
import { c3vocSchedule } from '../../server/interchange/writers/c3voc-export.ts';
import { parseDuration } from '../../server/interchange/readers/c3voc-format.ts';
import { parseC3voc } from '../../server/interchange/readers/c3voc.ts';
import { ImportProblemsError } from '../../server/interchange/import-error.ts';
import { readSchedule } from '../../server/interchange/detect-format.ts';
import { ImportError } from '../../server/interchange/import-types.ts';
import { parseUnProgramme } from '../../server/interchange/readers/un-programme.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const bundled = read('../../programme/crimecop12-programme.txt');
const pretalx = read('../fixtures/interchange/pretalx-democon-day1.json');
const schema = JSON.parse(read('../fixtures/interchange/c3voc-schema.json'));

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addMetaSchema(draft6);
addFormats(ajv);
ajv.addFormat('color', /^#(?:[0-9a-f]{3}){1,2}$/i);
const validate = ajv.compile(schema);

function bundledSchedule(): Schedule {
  return scheduleFromProgramme(parseUnProgramme(bundled).programme);
}

const options = { baseUrl: 'https://signage.example.org/', now: Date.parse('2024-10-01T00:00:00Z') };

/** A frab-style document around the given days (no `date`, times as "HH:MM" and durations). */
function frabDoc(days: unknown[], conference: Record<string, unknown> = { time_zone_name: 'Europe/Berlin' }): string {
  return JSON.stringify(
    { schedule: { version: '1', conference: { title: 'Camp', acronym: 'camp', ...conference, days } } },
    null,
    2,
  );
}

function event(id: number, title: string, start: string, duration: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    guid: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    title,
    start,
    duration,
    room: 'Curie',
    persons: [{ id: 1, public_name: 'jinxx' }],
    ...extra,
  };
}

describe('c3voc export', () => {
  it('is valid against the c3voc schema and leaves cancelled sessions out', () => {
    const schedule = bundledSchedule();
    const cancelled = schedule.sessions[4]!;
    schedule.sessions[4] = { ...cancelled, status: 'cancelled' };
    const doc = c3vocSchedule(schedule, options);
    expect(validate(doc), ajv.errorsText(validate.errors)).toBe(true);
    const events = doc.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
    expect(events).toHaveLength(schedule.sessions.length - 1);
    expect(events.map((e) => e.slug)).not.toContain(cancelled.id);
    expect(doc.schedule.conference).toMatchObject({
      start: '2024-10-14',
      end: '2024-10-18',
      daysCount: 5,
      time_zone_name: 'Europe/Vienna',
    });
  });

  it('writes times in the venue zone, durations as HH:MM and the join link as a link', () => {
    const schedule = bundledSchedule();
    const s = schedule.sessions.find((x) => x.id === 'plenary-2024-10-14-1000')!;
    Object.assign(s, { online: { url: 'https://meet.example/j/42' } });
    const doc = c3vocSchedule(schedule, options);
    const plenary = doc.schedule.conference.days[0]!.rooms['Plenary Hall, M-Building']![0]!;
    expect(plenary).toMatchObject({
      date: '2024-10-14T10:00:00+02:00',
      start: '10:00',
      duration: '03:00',
      track: 'Plenary',
      url: 'https://signage.example.org/display/room/Plenary',
      links: [{ url: 'https://meet.example/j/42', title: 'Join online' }],
    });
    expect(plenary.description).toMatch(/^Item 1 \(a\)\. Opening of the session\n/);
    expect(validate(doc), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('round trips: export → import gives the same sessions (cancelled ones left out)', () => {
    const schedule = bundledSchedule();
    schedule.sessions[7] = { ...schedule.sessions[7]!, status: 'cancelled' };
    const result = readSchedule(JSON.stringify(c3vocSchedule(schedule, options), null, 2));
    expect(result.format).toBe('c3voc');
    expect(result.warnings).toEqual([]);
    const pick = ({ id, title, start, end, venueId, kind, organizers }: Schedule['sessions'][number]) => ({
      id,
      title,
      start,
      end,
      venueId,
      kind,
      organizers,
    });
    const expected = schedule.sessions.filter((s) => s.status === 'scheduled').map(pick);
    expect(result.programme.sessions.map(pick).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      expected.sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(result.programme.venues).toEqual(schedule.venues);
  });
});

describe('c3voc import of a real pretalx export', () => {
  it('is the kind of document the vendored schema describes', () => {
    expect(validate(JSON.parse(pretalx)), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('reads rooms as venues and talks as sessions, the offsets of "date" winning over time_zone_name', () => {
    const { programme, warnings } = readSchedule(pretalx);
    // pretalx wrote time_zone_name UTC but +01:00 dates: the offsets are what people saw.
    expect(programme.timezone).toBe('Etc/GMT-1');
    expect(programme.venues).toEqual([
      { id: 'Gray-Room', name: 'Gray Room', kind: 'room' },
      { id: 'Tan-Room', name: 'Tan Room', kind: 'room' },
    ]);
    expect(programme.sessions).toHaveLength(12);
    // Ids from the guid (the schema deprecates the integer id).
    const first = programme.sessions.find((s) => s.id === 'c3voc-8079583e-8321-506c-95af-fd2903a5f075')!;
    expect(first).toMatchObject({
      title: 'Focused 5thgeneration hardware',
      venueId: 'Gray-Room',
      kind: 'other',
      organizers: { lead: 'Brian Robinson', partners: [] },
    });
    expect(Date.parse(first.start)).toBe(Date.parse('2020-12-14T09:00:00+01:00'));
    const workshop = programme.sessions.find((s) => s.organizers.partners.length > 0)!;
    expect(workshop.organizers).toEqual({ lead: 'Amy Sanchez', partners: ['Teresa Terrell'] });
    expect(Date.parse(workshop.end) - Date.parse(workshop.start)).toBe(90 * 60_000);
    expect(first.start).toBe('2020-12-14T09:00:00+01:00');
    expect(warnings).toEqual([
      {
        line: 12,
        message: expect.stringMatching(/time_zone_name says UTC but every event "date" says \+01:00: the offsets win/),
      },
    ]);
  });

  it('shows the times in the zone given with --timezone', () => {
    const { programme, warnings } = readSchedule(pretalx, { timezone: 'Europe/Berlin' });
    expect(programme.timezone).toBe('Europe/Berlin');
    expect(programme.sessions.find((s) => s.id === 'c3voc-8079583e-8321-506c-95af-fd2903a5f075')!.start).toBe(
      '2020-12-14T09:00:00+01:00',
    );
    expect(warnings).toEqual([]);
  });
});

describe('c3voc import of frab-style files', () => {
  it('reads durations "H:MM", "HH:MM" and "D:HH:MM"', () => {
    expect([parseDuration('1:00'), parseDuration('00:45'), parseDuration('27:30'), parseDuration('1:02:00')]).toEqual([
      60, 45, 1650, 1560,
    ]);
    expect([parseDuration('1:75'), parseDuration('1:25:00'), parseDuration('soon')]).toEqual([null, null, null]);
  });

  it('puts start-only events before the day change-over on the next calendar day', () => {
    const text = frabDoc([
      {
        index: 1,
        date: '2019-08-21',
        day_start: '2019-08-21T10:00:00+02:00',
        day_end: '2019-08-22T04:00:00+02:00',
        rooms: {
          Curie: [
            event(1, 'Opening', '11:00', '1:00'),
            event(2, 'Late night', '23:30', '2:00'),
            event(3, 'After midnight', '01:30', '0:45'),
          ],
          Tent: [event(4, 'Exhibition', '12:00', '1:02:00', { room: 'Tent' })],
        },
      },
    ]);
    const { programme, warnings } = parseC3voc(text);
    expect(warnings).toEqual([]);
    const byId = new Map(programme.sessions.map((s) => [s.id.replace(/^c3voc-0{8}-0{4}-4000-8000-0*/, 'c3voc-'), s]));
    expect(byId.get('c3voc-1')).toMatchObject({
      start: '2019-08-21T11:00:00+02:00',
      end: '2019-08-21T12:00:00+02:00',
      organizers: { lead: 'jinxx', partners: [] },
    });
    expect(byId.get('c3voc-2')).toMatchObject({ start: '2019-08-21T23:30:00+02:00', end: '2019-08-22T01:30:00+02:00' });
    expect(byId.get('c3voc-3')).toMatchObject({ start: '2019-08-22T01:30:00+02:00', end: '2019-08-22T02:15:00+02:00' });
    expect(byId.get('c3voc-4')).toMatchObject({
      start: '2019-08-21T12:00:00+02:00',
      end: '2019-08-22T14:00:00+02:00',
      venueId: 'Tent',
    });
  });

  it("needs a zone: the conference's time_zone_name or --timezone", () => {
    const day = {
      index: 1,
      date: '2019-08-21',
      day_start: '2019-08-21T10:00:00+02:00',
      day_end: '2019-08-22T04:00:00+02:00',
      rooms: { Curie: [event(1, 'Opening', '11:00', '1:00')] },
    };
    expect(() => parseC3voc(frabDoc([day], {}))).toThrow(
      /time_zone_name is missing: give the venue's time zone with --timezone/,
    );
    expect(parseC3voc(frabDoc([day], {}), { timezone: 'Europe/Vienna' }).programme.sessions[0]!.start).toBe(
      '2019-08-21T11:00:00+02:00',
    );
  });

  it('refuses a file with unreadable events, listing each with its line, and imports nothing', () => {
    const text = frabDoc([
      {
        index: 1,
        date: '2019-08-21',
        day_start: '2019-08-21T10:00:00+02:00',
        day_end: '2019-08-22T04:00:00+02:00',
        rooms: {
          Curie: [
            event(1, 'Fine', '11:00', '1:00'),
            event(2, '', '12:00', '1:00'),
            event(3, 'Endless', '13:00', 'soon'),
          ],
        },
      },
    ]);
    let error: unknown;
    try {
      parseC3voc(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportProblemsError);
    const lines = text.split('\n');
    const problems = (error as ImportProblemsError).problems;
    expect(problems.map((p) => p.message)).toEqual([
      'event "": title: must not be empty',
      expect.stringMatching(/^event "Endless": duration: "soon" must be like/),
    ]);
    expect(lines[problems[0]!.line - 1]).toContain('00000000-0000-4000-8000-000000000002');
    expect(lines[problems[1]!.line - 1]).toContain('00000000-0000-4000-8000-000000000003');
  });

  it('names the line where broken JSON breaks', () => {
    const text = '{\n  "schedule": {\n    "version": "1",\n    "conference": {\n      "days": [,]\n    }\n  }\n}\n';
    expect(() => readSchedule(text)).toThrow(ImportError);
    expect(() => readSchedule(text)).toThrow(/^line 5: not valid JSON/);
  });
});
