// The bundled reference programme (CrimeCOP12, Vienna, 14–18 October 2024) through the UN
// programme importer, with a real row for every quirk of the format.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProgrammeSchema, type Session } from '../../shared/model.ts';
import { parseUnProgramme } from '../../server/interchange/readers/un-programme.ts';

const text = readFileSync(new URL('../../programme/crimecop12-programme.txt', import.meta.url), 'utf8');
const { programme, warnings } = parseUnProgramme(text);
const sessions = programme.sessions;

function byTitle(prefix: string): Session {
  const found = sessions.filter((s) => s.title.startsWith(prefix));
  expect(found, prefix).toHaveLength(1);
  return found[0]!;
}

/** 1-based number of the one source line containing `fragment`. */
function lineOf(fragment: string): number {
  const numbers = text.split('\n').flatMap((l, i) => (l.includes(fragment) ? [i + 1] : []));
  expect(numbers, fragment).toHaveLength(1);
  return numbers[0]!;
}

describe('CrimeCOP12 programme', () => {
  it('is a valid programme in the Vienna zone', () => {
    expect(ProgrammeSchema.safeParse(programme).success).toBe(true);
    expect(programme.timezone).toBe('Europe/Vienna');
  });

  it('has 10 plenary meetings and 63 other sessions, 14/15/15/10/9 a day', () => {
    const plenary = sessions.filter((s) => s.kind === 'plenary');
    const others = sessions.filter((s) => s.kind !== 'plenary');
    expect(plenary).toHaveLength(10);
    expect(others).toHaveLength(63);
    const perDay = (day: string) => others.filter((s) => s.start.startsWith(day)).length;
    expect(['14', '15', '16', '17', '18'].map((d) => perDay(`2024-10-${d}`))).toEqual([14, 15, 15, 10, 9]);
    // Two plenary meetings a day, 10–13 and 15–18.
    for (const d of ['14', '15', '16', '17', '18']) {
      const day = plenary.filter((s) => s.start.startsWith(`2024-10-${d}`));
      expect(day.map((s) => [s.start, s.end])).toEqual([
        [`2024-10-${d}T10:00:00+02:00`, `2024-10-${d}T13:00:00+02:00`],
        [`2024-10-${d}T15:00:00+02:00`, `2024-10-${d}T18:00:00+02:00`],
      ]);
    }
  });

  it('reads the agenda items of Monday morning, run together on one line', () => {
    const monday = sessions.find((s) => s.id === 'plenary-2024-10-14-1000')!;
    expect(monday.kind).toBe('plenary');
    expect(monday.venueId).toBe('Plenary');
    expect(monday.title).toBe('Plenary: Items 1 (a)–(f)');
    expect(monday.agendaItems).toEqual([
      { code: '1 (a)', title: 'Opening of the session' },
      { code: '1 (b)', title: 'Election of officers' },
      { code: '1 (c)', title: 'Adoption of the agenda and organization of work' },
      { code: '1 (d)', title: 'Participation' },
      { code: '1 (e)', title: 'Adoption of the report of the Bureau on credentials' },
      { code: '1 (f)', title: 'General discussion' },
    ]);
    const afternoon = sessions.find((s) => s.id === 'plenary-2024-10-14-1500')!;
    expect(afternoon.agendaItems).toEqual([{ code: '1 (f)', title: 'General discussion (continued)' }]);
    expect(afternoon.title).toBe('Plenary: Item 1 (f)');
    const friday = sessions.find((s) => s.id === 'plenary-2024-10-18-1500')!;
    expect(friday.agendaItems?.map((i) => i.code)).toEqual(['8', '9']);
    expect(friday.title).toBe('Plenary: Items 8 and 9');
  });

  it('splits organisers on commas outside parentheses (the Peru row)', () => {
    const peru = byTitle('ANDEAN COMMUNITY RESOLUTIVE ACTION PLAN');
    expect(peru.title).toBe('ANDEAN COMMUNITY RESOLUTIVE ACTION PLAN AGAINST TRANSNATIONAL ORGANIZED CRIME');
    expect(peru.organizers).toEqual({
      lead: 'Peru',
      partners: [
        'Bolivia (Plurinational State of)',
        'Colombia',
        'Ecuador',
        'France',
        'UNODC Conference Support Section of the Organized Crime and Illicit Trafficking Branch',
        'UNODC Global Programme on Crimes that Affect the Environment and the Global Initiative against Transnational Organized Crime (GI-TOC)',
        'Andean Community',
      ],
    });
    expect(peru.venueId).toBe('M6');
    expect(peru.kind).toBe('side-event');
  });

  it('keeps a lead that contains a comma whole', () => {
    const row = byTitle('COUNTERING ILLICIT FINANCIAL FLOWS');
    expect(row.organizers.lead).toBe('African Center for Governance, Asset Recovery and Sustainable Development');
    expect(row.organizers.partners).toEqual(['Nigerian Extractive Industries Transparency Initiative (NEITI)']);
  });

  it('reads the meeting ID and passcode column', () => {
    const row = byTitle('COUNTERING ILLICIT FINANCIAL FLOWS');
    expect(row.online).toEqual({ meetingId: '813 5443 5881', passcode: '709166' });
    expect(row.venueId).toBe('Online');
    expect(row.start).toBe('2024-10-15T13:00:00+02:00');
    expect(sessions.filter((s) => s.online)).toHaveLength(1);
  });

  it('strips the HTML of the Wednesday rows', () => {
    const row = byTitle('DISRUPTING ORGANIZED CRIME BY CUTTING FINANCIAL TIES');
    expect(row.title).toBe(
      'DISRUPTING ORGANIZED CRIME BY CUTTING FINANCIAL TIES: OPERATIONAL INSIGHTS INTO “FOLLOW THE MONEY” APPROACHES',
    );
    expect(row.organizers.lead).toBe('Canada');
    expect(row.organizers.partners).toHaveLength(10);
    expect(row.organizers.partners.at(-1)).toBe('UNODC Global Programme against Money-Laundering');
    expect(row.venueId).toBe('Online');
    expect(row.start).toBe('2024-10-16T14:00:00+02:00');
    for (const s of sessions) {
      expect(JSON.stringify(s)).not.toMatch(/<\/?p>/);
    }
  });

  it('gives the start-only "2.10 p.m." row a 50-minute slot and a warning naming its line', () => {
    const row = byTitle('OPENING OF THE EXHIBITION');
    expect(row.kind).toBe('exhibition');
    expect(row.venueId).toBe('M0E');
    expect([row.start, row.end]).toEqual(['2024-10-14T14:10:00+02:00', '2024-10-14T15:00:00+02:00']);
    expect(warnings).toEqual([{ line: lineOf('2.10 p.m.\tOPENING'), message: expect.stringContaining('2.10 p.m.') }]);
  });

  it('reads other time forms: 1.15–2.10 p.m. and 9–9:50 a.m.', () => {
    const ministerial = byTitle('MINISTERIAL EVENT');
    expect([ministerial.start, ministerial.end]).toEqual(['2024-10-14T13:15:00+02:00', '2024-10-14T14:10:00+02:00']);
    const morning = byTitle('REGIONAL APPROACHES TO COMBATING');
    expect([morning.start, morning.end]).toEqual(['2024-10-15T09:00:00+02:00', '2024-10-15T09:50:00+02:00']);
  });

  it('folds "Plenary Room" and "Plenary Hall" into one venue', () => {
    expect(byTitle('MINISTERIAL EVENT').venueId).toBe('Plenary');
    expect(programme.venues.filter((v) => v.name.startsWith('Plenary'))).toEqual([
      { id: 'Plenary', name: 'Plenary Hall, M-Building', kind: 'room' },
    ]);
  });

  it('makes one Online venue of "Online ", "<p>Online</p> " and "Online"', () => {
    const online = sessions.filter((s) => s.venueId === 'Online');
    // 12 rows of the source end in an Online column, in three spellings.
    expect(online.length).toBe(12);
    expect(byTitle('SMUGGLING OF COMMERCIAL GOODS').venueId).toBe('Online'); // "<p>Online</p> "
    expect(byTitle('CURRENT TOPICS IN TRANSNATIONAL').venueId).toBe('Online'); // "Online " with a trailing space
    expect(byTitle('CONTROL OF SMALL ARMS').venueId).toBe('Online'); // "Online" without one
  });

  it('lists venues plenary first, rooms by name, online last', () => {
    expect(programme.venues).toEqual([
      { id: 'Plenary', name: 'Plenary Hall, M-Building', kind: 'room' },
      ...['CR3', 'CR7', 'M0E', 'M0E79', 'M2', 'M3', 'M6', 'M7'].map((id) => ({ id, name: id, kind: 'room' })),
      { id: 'Online', name: 'Online', kind: 'online' },
    ]);
  });

  it('keeps the Tuesday rows after the "(CONTINUED)" page break on Tuesday', () => {
    for (const [prefix, venueId] of [
      ['EmpowerHer', 'M6'],
      ['SAFE AND SECURE STOCKPILE', 'M7'],
      ['SUPPORTING MEMBER STATES', 'M0E79'],
    ] as const) {
      const row = byTitle(prefix);
      expect([row.start, row.end, row.venueId]).toEqual([
        '2024-10-15T14:00:00+02:00',
        '2024-10-15T14:50:00+02:00',
        venueId,
      ]);
    }
  });

  it('publishes every session as planned, scheduled, version 1, with unique ids', () => {
    for (const s of sessions) {
      expect(s.planned).toEqual({ start: s.start, end: s.end, venueId: s.venueId });
      expect(s.status).toBe('scheduled');
      expect(s.version).toBe(1);
      expect(Date.parse(s.end)).toBeGreaterThan(Date.parse(s.start));
    }
    expect(new Set(sessions.map((s) => s.id)).size).toBe(sessions.length);
  });

  it('reads the same with Windows line endings', () => {
    const crlf = parseUnProgramme(text.replace(/\n/g, '\r\n'));
    expect(crlf.programme).toEqual(programme);
    expect(crlf.warnings).toEqual(warnings);
  });
});
