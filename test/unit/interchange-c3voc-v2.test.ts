// c3voc schedule v2 (status field, one events list) and v1 keyed by guid (merged pretalx exports).
import { describe, expect, it } from 'vitest';
import { readSchedule } from '../../server/interchange/detect-format.ts';
import { scheduleFromProgramme } from '../../server/schedule/seed.ts';
import { scheduleCsv } from '../../server/interchange/writers/csv-export.ts';
import { c3vocSchedule } from '../../server/interchange/writers/c3voc-export.ts';

const v2 = (events: unknown[]): string =>
  JSON.stringify(
    {
      $schema: 'https://c3voc.de/schedule/schema2.json',
      schedule: {
        version: '1',
        conference: {
          acronym: 'camp',
          title: 'Camp',
          time_zone_name: 'Europe/Berlin',
          tracks: [{ slug: 'plenary', name: 'Plenary' }],
          days: [
            { index: 1, date: '2024-12-27', start: '2024-12-27T09:30:00+01:00', end: '2024-12-28T06:00:00+01:00' },
          ],
        },
        events,
      },
    },
    null,
    2,
  );
const talk = (guid: string, title: string, extra: Record<string, unknown> = {}) => ({
  guid,
  title,
  start: '2024-12-27T10:30:00+01:00',
  end: '2024-12-27T11:00:00+01:00',
  room: { name: 'Saal  1', guid: 'r1' },
  track: { slug: 'plenary' },
  participants: [{ name: 'Ada Example', role: 'speaker' }, { name: 'Bo Sample' }],
  ...extra,
});

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

describe('c3voc schedule v2', () => {
  it('reads events, rooms, participants, track kinds and the status field', () => {
    const text = v2([
      talk('0c16ffaa-709d-599f-959f-9a38b911361a', 'Opening'),
      talk('b1740c2f-0c44-5f1b-89ed-456a9eecf0b8', 'Withdrawn talk', { status: 'canceled', track: 'Science' }),
    ]);
    const { format, programme, warnings } = readSchedule(text);
    expect(format).toBe('c3voc-v2');
    expect(warnings).toEqual([]);
    expect(programme.venues).toEqual([{ id: 'Saal-1', name: 'Saal 1', kind: 'room' }]);
    expect(programme.sessions.map((s) => [s.id, s.title, s.kind, s.status])).toEqual([
      ['c3voc-0c16ffaa-709d-599f-959f-9a38b911361a', 'Opening', 'plenary', 'scheduled'],
      ['c3voc-b1740c2f-0c44-5f1b-89ed-456a9eecf0b8', 'Withdrawn talk', 'other', 'cancelled'],
    ]);
    expect(programme.sessions[0]!.organizers).toEqual({ lead: 'Ada Example', partners: ['Bo Sample'] });
  });

  // We write c3voc v1, not v2: the round trip is v2 file → import → our export → import, which
  // must give the same sessions, and stay the same when done again.
  it('round trips through our CSV (status included) and our c3voc export (scheduled sessions)', () => {
    const text = v2([
      talk('0c16ffaa-709d-599f-959f-9a38b911361a', 'Opening'),
      talk('b1740c2f-0c44-5f1b-89ed-456a9eecf0b8', 'Withdrawn talk', { status: 'canceled', track: 'Science' }),
      talk('5e1c0c3a-6a43-4bde-9a5e-2b1f0a3c9d10', 'Night session', {
        start: '2024-12-28T01:30:00+01:00',
        end: '2024-12-28T02:15:00+01:00',
        room: { name: 'Tent' },
      }),
    ]);
    const { programme } = readSchedule(text);
    const viaCsv = readSchedule(scheduleCsv(scheduleFromProgramme(programme)));
    expect(viaCsv.format).toBe('csv');
    expect(viaCsv.programme.sessions).toEqual(programme.sessions);
    // The same rooms (a CSV lists them in the order sessions use them).
    expect(byId(viaCsv.programme.venues)).toEqual(byId(programme.venues));
    expect(readSchedule(scheduleCsv(scheduleFromProgramme(viaCsv.programme))).programme).toEqual(viaCsv.programme);

    const c3voc = c3vocSchedule(scheduleFromProgramme(programme), { baseUrl: 'https://signage.example.org/', now: 0 });
    const viaC3voc = readSchedule(JSON.stringify(c3voc));
    expect(viaC3voc.format).toBe('c3voc');
    // Cancelled sessions are left out of a c3voc export (as pretalx does); the rest come back whole.
    expect(viaC3voc.programme.sessions).toEqual(programme.sessions.filter((s) => s.status === 'scheduled'));
    expect(viaC3voc.programme.sessions).toHaveLength(2);
  });

  it('lists every unreadable event with its line and path, importing nothing', () => {
    const text = v2([talk('g1', 'Fine'), talk('g2', 'No end', { end: 'later' }), talk('g3', '', {})]);
    expect(() => readSchedule(text)).toThrow(
      /^2 errors, nothing imported: line \d+: schedule.events\[1\] "No end": end: "later" is not an ISO date-time; line \d+: schedule.events\[2\] "": title: must not be empty/,
    );
  });
});

describe('c3voc v1 keyed by guid', () => {
  it('imports a merged pretalx export where two talks share an integer id but not their guid', () => {
    const event = (guid: string, title: string, start: string) => ({
      id: 25,
      guid,
      title,
      date: `2020-12-14T${start}:00+01:00`,
      start,
      duration: '00:30',
      room: 'Gray Room',
      persons: [],
    });
    const text = JSON.stringify({
      schedule: {
        version: '1',
        conference: {
          title: 'DemoCon',
          time_zone_name: 'Europe/Berlin',
          days: [
            {
              index: 1,
              date: '2020-12-14',
              day_start: '2020-12-14T04:00:00+01:00',
              day_end: '2020-12-15T03:59:00+01:00',
              rooms: {
                'Gray Room': [
                  event('8079583e-8321-506c-95af-fd2903a5f075', 'Talk', '09:00'),
                  event('9a2e5b1c-0000-4000-8000-000000000002', 'Talk (again)', '15:00'),
                ],
              },
            },
          ],
        },
      },
    });
    const first = readSchedule(text).programme.sessions.map((s) => s.id);
    expect(first).toEqual(['c3voc-8079583e-8321-506c-95af-fd2903a5f075', 'c3voc-9a2e5b1c-0000-4000-8000-000000000002']);
    expect(readSchedule(text).programme.sessions.map((s) => s.id)).toEqual(first);
  });
});
