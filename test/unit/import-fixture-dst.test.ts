// A second, fictional programme in the UN format (test/fixtures/un-programme-dst-2025.txt):
// Vienna, 24–28 October 2025, across the end of summer time (Sunday 26 October), with rooms and
// time forms the reference programme does not have.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProgrammeSchema, type Session } from '../../shared/model.ts';
import { parseUnProgramme } from '../../server/interchange/readers/un-programme.ts';

const text = readFileSync(new URL('../fixtures/un-programme-dst-2025.txt', import.meta.url), 'utf8');
const { programme, warnings } = parseUnProgramme(text);

function byTitle(prefix: string, day?: string): Session {
  const found = programme.sessions.filter((s) => s.title.startsWith(prefix) && (!day || s.start.startsWith(day)));
  expect(found, prefix).toHaveLength(1);
  return found[0]!;
}

const lineOf = (fragment: string): number => text.split('\n').findIndex((l) => l.includes(fragment)) + 1;

describe('a programme across the daylight-saving change', () => {
  it('is valid and reads every row but the one with an unreadable time', () => {
    expect(ProgrammeSchema.safeParse(programme).success).toBe(true);
    expect(programme.timezone).toBe('Europe/Vienna');
    const rows = text.split('\n').filter((l) => l.includes('\t') && !/^\t*Venue$/.test(l));
    expect(programme.sessions).toHaveLength(rows.length - 1);
  });

  it('uses +02:00 on Friday 24 and +01:00 on Monday 27', () => {
    const friday = byTitle('LIGHTHOUSES AND THE LAW');
    expect([friday.start, friday.end]).toEqual(['2025-10-24T09:00:00+02:00', '2025-10-24T09:50:00+02:00']);
    const monday = byTitle('MAPPING THE SEABED');
    expect([monday.start, monday.end]).toEqual(['2025-10-27T09:00:00+01:00', '2025-10-27T09:50:00+01:00']);
    // Wall-clock 10:00 both days, so the UTC instants differ by three days and one hour.
    const fridayPlenary = programme.sessions.find((s) => s.id === 'plenary-2025-10-24-1000')!;
    const mondayPlenary = programme.sessions.find((s) => s.id === 'plenary-2025-10-27-1000')!;
    expect(fridayPlenary.start).toBe('2025-10-24T10:00:00+02:00');
    expect(mondayPlenary.start).toBe('2025-10-27T10:00:00+01:00');
    expect(Date.parse(mondayPlenary.start) - Date.parse(fridayPlenary.start)).toBe((3 * 24 + 1) * 3600_000);
    for (const s of programme.sessions) {
      expect(s.start.endsWith(s.start.startsWith('2025-10-24') ? '+02:00' : '+01:00')).toBe(true);
    }
  });

  it.each([
    ['TIDES, TRADE AND TRUST', '2025-10-24T11:30:00+02:00', '2025-10-24T12:20:00+02:00'], // 11.30 a.m.–12.20 p.m.
    ['SAFE PASSAGE FOR SMALL BOATS', '2025-10-24T12:30:00+02:00', '2025-10-24T13:20:00+02:00'], // 12.30–1.20 p.m.
    ['BUOYS & BEACONS', '2025-10-24T13:00:00+02:00', '2025-10-24T13:50:00+02:00'], // 1-1.50 p.m. (hyphen)
    ['EVENING RECEPTION', '2025-10-24T18:00:00+02:00', '2025-10-24T19:00:00+02:00'], // 6–7 p.m.
    ['NAVIGATING REGULATION', '2025-10-27T11:00:00+01:00', '2025-10-27T12:20:00+01:00'], // 11–12.20 p.m.
    ['LUNCHTIME BRIEFING', '2025-10-27T12:00:00+01:00', '2025-10-27T13:00:00+01:00'], // 12 noon–1 p.m.
    ['OPENING OF THE EXHIBITION', '2025-10-27T16:30:00+01:00', '2025-10-27T17:20:00+01:00'], // 4.30 p.m., no end
  ])('reads the time of %s', (title, start, end) => {
    const day = start.slice(0, 10);
    const session = byTitle(title, day);
    expect([session.start, session.end]).toEqual([start, end]);
  });

  it('warns about the unreadable time and the missing end, naming their lines', () => {
    expect(warnings).toEqual([
      { line: lineOf('half past nine'), message: expect.stringContaining('cannot read the time "half past nine"') },
      { line: lineOf('4.30 p.m.'), message: expect.stringContaining('no end time') },
    ]);
    expect(programme.sessions.some((s) => s.title.includes('NOBODY CAN READ'))).toBe(false);
  });

  it('derives venue ids from the first part of the name and orders the venues', () => {
    expect(programme.venues).toEqual([
      { id: 'Plenary', name: 'Plenary Hall, M-Building', kind: 'room' },
      { id: 'Board-Room-B', name: 'Board Room B, C-Building', kind: 'room' },
      { id: 'CR1', name: 'CR1', kind: 'room' },
      { id: 'M0E', name: 'M0E', kind: 'room' },
      { id: 'M0E79', name: 'M0E79', kind: 'room' },
      { id: 'Online', name: 'Online', kind: 'online' },
    ]);
    expect(byTitle('TIDES, TRADE AND TRUST').venueId).toBe('Board-Room-B');
  });

  it('places plenary rows under their room heading', () => {
    const committee = programme.sessions.find((s) => s.agendaItems?.[0]?.code === '3')!;
    expect(committee.venueId).toBe('Board-Room-B');
    expect(committee.id).toBe('plenary-2025-10-24-1500-Board-Room-B');
    expect(programme.sessions.find((s) => s.id === 'plenary-2025-10-24-1500')!.venueId).toBe('Plenary');
    expect(programme.sessions.find((s) => s.id === 'plenary-2025-10-27-1500')!.title).toBe('Plenary: Items 4 and 5');
  });

  it('reads organisers, meeting details, entities and HTML', () => {
    expect(byTitle('LIGHTHOUSES AND THE LAW').organizers).toEqual({
      lead: 'Atlantis',
      partners: ['Lemuria', 'Bolivia (Plurinational State of)', 'Office of Harbours and Docks'],
    });
    expect(byTitle('TIDES, TRADE AND TRUST').organizers.partners).toEqual([
      'Port Authority (North, South and East)',
      'El Dorado',
    ]);
    const buoys = byTitle('BUOYS & BEACONS');
    expect(buoys.title).toBe('BUOYS & BEACONS: A PRIMER');
    expect(buoys.online).toEqual({ meetingId: '912 3456 7890', passcode: '424242' });
    expect(buoys.venueId).toBe('Online');
    const seabed = byTitle('MAPPING THE SEABED');
    expect(seabed.title).toBe('MAPPING THE SEABED');
    expect(seabed.organizers).toEqual({ lead: 'Office of Harbours and Docks', partners: ['Lemuria'] });
    expect(seabed.venueId).toBe('Online');
    expect(byTitle('OPENING OF THE EXHIBITION').kind).toBe('exhibition');
  });

  it('gives a title repeated on another day its own id', () => {
    const friday = byTitle('SAFE PASSAGE FOR SMALL BOATS', '2025-10-24');
    const monday = byTitle('SAFE PASSAGE FOR SMALL BOATS', '2025-10-27');
    expect(friday.id).toMatch(/^event-2025-10-24-[0-9a-f]{8}$/);
    expect(monday.id).toMatch(/^event-2025-10-27-[0-9a-f]{8}$/);
  });

  it('takes another zone when asked', () => {
    const { programme: ny } = parseUnProgramme(text, { timezone: 'America/New_York' });
    expect(ny.timezone).toBe('America/New_York');
    expect(ny.sessions.find((s) => s.title.startsWith('LIGHTHOUSES'))!.start).toBe('2025-10-24T09:00:00-04:00');
  });
});
