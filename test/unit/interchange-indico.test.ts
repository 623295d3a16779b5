// Indico timetable export: contributions and breaks inside blocks, the block as track, rooms, people.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportProblemsError } from '../../server/interchange/import-error.ts';
import { readSchedule } from '../../server/interchange/detect-format.ts';
import type { Programme } from '../../shared/model.ts';
import { scheduleFromProgramme } from '../../server/schedule/seed.ts';
import { scheduleCsv } from '../../server/interchange/writers/csv-export.ts';
import { c3vocSchedule } from '../../server/interchange/writers/c3voc-export.ts';

const text = readFileSync(join(import.meta.dirname, '../fixtures/interchange/indico-timetable.json'), 'utf8');

/** Sessions with the room's name in place of its id (and of the planned one's). */
const byRoomName = (programme: Programme) => {
  const name = (id: string) => programme.venues.find((v) => v.id === id)?.name;
  return programme.sessions.map((s) => ({
    ...s,
    venueId: name(s.venueId),
    planned: { ...s.planned, venueId: name(s.planned.venueId) },
  }));
};
const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

describe('Indico timetable JSON', () => {
  it('reads entries inside session blocks, the block title as track prefix and kind', () => {
    const { format, programme, warnings } = readSchedule(text);
    expect(format).toBe('indico');
    expect(warnings).toEqual([]);
    expect(programme.timezone).toBe('Europe/Vienna');
    expect(programme.sessions.map((s) => [s.id, s.title, s.start, s.end, s.kind, s.venueId])).toEqual([
      [
        'indico-a42c1',
        'Plenary: Opening statements',
        '2024-10-14T10:00:00+02:00',
        '2024-10-14T11:00:00+02:00',
        'plenary',
        'Plenary-Hall-M-Building',
      ],
      [
        'indico-a42b2',
        'Plenary: Coffee break',
        '2024-10-14T11:00:00+02:00',
        '2024-10-14T11:15:00+02:00',
        'plenary',
        'Foyer',
      ],
      ['indico-a42c3', 'Side event: water', '2024-10-14T13:15:00+02:00', '2024-10-14T14:30:00+02:00', 'other', 'CR3'],
    ]);
    expect(programme.sessions[0]!.organizers).toEqual({ lead: 'Speaker, Sam', partners: [] });
    expect(programme.sessions[2]!.organizers).toEqual({ lead: 'Lee Host', partners: [] });
  });

  it('refuses entries it cannot read, naming the path and line', () => {
    const broken = text.replace('"time": "11:15:00"', '"time": "later"');
    try {
      readSchedule(broken);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportProblemsError);
      expect((error as ImportProblemsError).problems).toEqual([
        { line: 39, message: 'results.42.20241014.s0.entries.b2: endDate: "2024-10-14 later" is not a date and time' },
      ]);
    }
  });

  it('says what it saw when the timetable is empty', () => {
    expect(() => readSchedule(JSON.stringify({ _type: 'HTTPAPIResult', results: { 42: {} } }))).toThrow(
      /^This looks like Indico JSON, but its timetable has no contributions/,
    );
  });
  it("reads the timetable example of Indico's own HTTP API documentation", () => {
    const docs = readFileSync(join(import.meta.dirname, '../fixtures/interchange/indico-docs-timetable.json'), 'utf8');
    const { format, programme } = readSchedule(docs);
    expect(format).toBe('indico');
    expect(programme.timezone).toBe('Europe/Zurich');
    expect(programme.venues.map((v) => v.name)).toEqual(['160-1-009']);
    expect(programme.sessions.map((s) => [s.id, s.title, s.start, s.end])).toEqual([
      ['indico-a137346t0', 'Contrib 1', '2013-04-29T16:00:00+02:00', '2013-04-29T16:30:00+02:00'],
    ]);
  });

  // We write no Indico JSON: the round trip is fixture → import → our export → import, which must
  // give the same sessions, and stay the same when done again.
  it.each(['indico-timetable.json', 'indico-docs-timetable.json'])(
    'round trips %s through our CSV and our c3voc export',
    (name) => {
      const fixture = readFileSync(join(import.meta.dirname, '../fixtures/interchange', name), 'utf8');
      const { programme } = readSchedule(fixture);
      const viaCsv = readSchedule(scheduleCsv(scheduleFromProgramme(programme)));
      expect(viaCsv.format).toBe('csv');
      expect(viaCsv.programme.sessions).toEqual(programme.sessions);
      // The same rooms (a CSV lists them in the order sessions use them).
      expect(byId(viaCsv.programme.venues)).toEqual(byId(programme.venues));
      expect(readSchedule(scheduleCsv(scheduleFromProgramme(viaCsv.programme))).programme).toEqual(viaCsv.programme);

      const c3voc = JSON.stringify(
        c3vocSchedule(scheduleFromProgramme(programme), { baseUrl: 'https://signage.example.org/', now: 0 }),
      );
      const viaC3voc = readSchedule(c3voc);
      expect(viaC3voc.format).toBe('c3voc');
      // c3voc carries the id, title, times, room, kind (as its track) and organisers. Rooms go by
      // name only: the c3voc reader derives its own venue ids (UN style, "Plenary" for "Plenary
      // Hall (M-Building)"), so rooms are compared by name.
      expect(byRoomName(viaC3voc.programme)).toEqual(byRoomName(programme));
    },
  );
});
