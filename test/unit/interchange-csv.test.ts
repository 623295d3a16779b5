// Our CSV: the export's shape, the round trip export → import, and a bad file refused whole with row numbers.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Schedule, Session } from '../../shared/model.ts';
import { scheduleFromProgramme } from '../../server/schedule/seed.ts';
import { scheduleCsv } from '../../server/interchange/writers/csv-export.ts';
import { ImportProblemsError } from '../../server/interchange/import-error.ts';
import { CSV_COLUMNS } from '../../server/interchange/readers/csv-format.ts';
import { parseScheduleCsv } from '../../server/interchange/readers/csv.ts';
import { readSchedule } from '../../server/interchange/detect-format.ts';
import { parseUnProgramme } from '../../server/interchange/readers/un-programme.ts';

const bundled = readFileSync(new URL('../../programme/crimecop12-programme.txt', import.meta.url), 'utf8');
const HEADER = CSV_COLUMNS.join(',');

function bundledSchedule(): Schedule {
  return scheduleFromProgramme(parseUnProgramme(bundled).programme);
}

/** The export's rows as objects keyed by column (BOM and quoting undone by an independent parser). */
function rowsOf(csv: string): Array<Record<string, string>> {
  return parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
}

function problemsOf(text: string): ImportProblemsError {
  try {
    parseScheduleCsv(text);
  } catch (error) {
    if (error instanceof ImportProblemsError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

const sortById = (sessions: Session[]) => [...sessions].sort((a, b) => a.id.localeCompare(b.id));

describe('CSV export', () => {
  it('writes a BOM, the documented header, CRLF line ends and one row per session, cancelled ones included', () => {
    const schedule = bundledSchedule();
    schedule.sessions[3] = { ...schedule.sessions[3]!, status: 'cancelled' };
    const csv = scheduleCsv(schedule);
    expect(csv.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    const rows = rowsOf(csv);
    expect(rows).toHaveLength(schedule.sessions.length);
    expect(rows.filter((r) => r.status === 'cancelled').map((r) => r.id)).toEqual([schedule.sessions[3]!.id]);
    const plenary = rows.find((r) => r.id === 'plenary-2024-10-14-1000')!;
    expect(plenary).toMatchObject({
      kind: 'plenary',
      start: '2024-10-14T10:00:00+02:00',
      end: '2024-10-14T13:00:00+02:00',
      venue_id: 'Plenary',
      venue_name: 'Plenary Hall, M-Building',
      venue_kind: 'room',
      version: '1',
    });
    expect(JSON.parse(plenary.agenda_items!)[0]).toEqual({ code: '1 (a)', title: 'Opening of the session' });
  });

  it('writes partners as a JSON array, so names with commas survive', () => {
    const schedule = bundledSchedule();
    const withComma = schedule.sessions.find((s) => s.organizers.partners.some((p) => p.includes(',')))!;
    const row = rowsOf(scheduleCsv(schedule)).find((r) => r.id === withComma.id)!;
    expect(JSON.parse(row.organizer_partners!)).toEqual(withComma.organizers.partners);
  });

  it('defuses cells a spreadsheet would run as formulas, and the importer takes the apostrophe off again', () => {
    const schedule = bundledSchedule();
    const titles = ['=HYPERLINK("http://evil")', '+1 more', '-minus', '@sum', "'=already quoted"];
    titles.forEach((title, i) => (schedule.sessions[i] = { ...schedule.sessions[i]!, title }));
    const csv = scheduleCsv(schedule);
    const written = rowsOf(csv).map((r) => r.title);
    for (const title of titles) expect(written).toContain(`'${title}`);
    const back = parseScheduleCsv(csv).programme.sessions.map((s) => s.title);
    for (const title of titles) expect(back).toContain(title);
  });
});

describe('CSV round trip', () => {
  it('UN programme → CSV → import gives the same sessions and venues', () => {
    const schedule = bundledSchedule();
    const csv = scheduleCsv(schedule);
    const result = readSchedule(csv);
    expect(result.format).toBe('csv');
    expect(result.warnings).toEqual([]);
    expect(sortById(result.programme.sessions)).toEqual(sortById(schedule.sessions));
    expect(result.programme.venues).toEqual(schedule.venues);
    expect(result.programme.timezone).toBe('Europe/Vienna');
  });

  it('keeps statuses, versions, planned slots and online details', () => {
    const schedule = bundledSchedule();
    const [a, b] = [schedule.sessions[5]!, schedule.sessions[6]!];
    schedule.sessions[5] = { ...a, status: 'cancelled', version: 4 };
    schedule.sessions[6] = {
      ...b,
      start: '2024-10-14T16:00:00+02:00',
      end: '2024-10-14T16:50:00+02:00',
      online: {
        meetingId: '813 5443 5881',
        passcode: '7,0;9"1',
        url: 'https://meet.example/j/1?a=1,2',
        showPasscode: true,
      },
      version: 2,
    };
    const back = new Map(parseScheduleCsv(scheduleCsv(schedule)).programme.sessions.map((s) => [s.id, s]));
    expect(back.get(a.id)).toEqual(schedule.sessions[5]);
    expect(back.get(b.id)).toEqual(schedule.sessions[6]);
    expect(back.get(b.id)!.planned).toEqual(b.planned);
  });
});

describe('CSV import', () => {
  it('reads a minimal hand-written file: venue time, derived ids and defaults', () => {
    const text =
      'title,start,end,venue_name\nOpening,2024-10-14T10:00,2024-10-14T11:00,Conference Room 3\nOnline chat,2024-10-14T10:00,2024-10-14T10:30,online\n';
    const { programme, warnings } = parseScheduleCsv(text, { timezone: 'Europe/Vienna' });
    expect(warnings).toEqual([]);
    expect(programme.venues).toEqual([
      { id: 'Conference-Room-3', name: 'Conference Room 3', kind: 'room' },
      { id: 'Online', name: 'Online', kind: 'online' },
    ]);
    const [opening] = programme.sessions;
    expect(opening).toMatchObject({
      kind: 'other',
      status: 'scheduled',
      start: '2024-10-14T10:00:00+02:00',
      version: 1,
    });
    expect(opening!.id).toMatch(/^event-2024-10-14-[0-9a-f]{8}$/);
    // The same file gives the same ids: re-importing it matches sessions by id.
    expect(parseScheduleCsv(text).programme.sessions.map((s) => s.id)).toEqual(programme.sessions.map((s) => s.id));
  });

  it('accepts " | "-separated partners as people type them', () => {
    const text =
      'title,start,end,venue_id,organizer_lead,organizer_partners\nX,2024-10-14T10:00,2024-10-14T11:00,CR3,UNODC,A | B\n';
    expect(parseScheduleCsv(text).programme.sessions[0]!.organizers).toEqual({ lead: 'UNODC', partners: ['A', 'B'] });
  });

  it('warns when the offsets do not fit the zone the file is read in', () => {
    const text = 'title,start,end,venue_id\nX,2024-10-14T10:00:00-04:00,2024-10-14T11:00:00-04:00,CR3\n';
    const { warnings } = parseScheduleCsv(text);
    expect(warnings).toEqual([
      { line: 2, message: expect.stringMatching(/offsets that Europe\/Vienna does not have.*--timezone/) },
    ]);
    expect(parseScheduleCsv(text, { timezone: 'America/New_York' }).warnings).toEqual([]);
  });

  it('refuses a bad header, naming row 1', () => {
    const error = problemsOf(`${HEADER},room_size\n`);
    expect(error.problems).toEqual([{ line: 1, message: expect.stringMatching(/^unknown column "room_size"/) }]);
    expect(problemsOf('id,title,title,start,end,venue_id\n').problems[0]!.message).toMatch(/"title" appears twice/);
  });

  it('lists every bad row with its row number and imports nothing', () => {
    const text = [
      'id,title,start,end,venue_id,status,kind,organizer_partners,version',
      'ok-1,Fine,2024-10-14T10:00,2024-10-14T11:00,CR3,scheduled,plenary,,1',
      'bad-1,,2024-10-14T10:00,2024-10-14T09:00,CR3,,,,',
      '',
      'bad-2,Typo,2024-13-14T10:00,2024-10-14T11:00,CR3,postponed,workshop,"[""A"",",0',
      'ok-1,Twice,2024-10-15T10:00,2024-10-15T11:00,CR3,,,,',
      '"bad-3",Multi',
    ].join('\r\n');
    const error = problemsOf(text);
    expect(error.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '3: title: must not be empty',
      '3: end: must be after start',
      '5: kind: "workshop" must be one of plenary, side-event, exhibition, other',
      '5: status: "postponed" must be one of scheduled, cancelled',
      '5: start: "2024-13-14T10:00" is not a date-time such as 2024-10-14T13:00:00+02:00',
      '5: organizer_partners: must be a JSON array of names, e.g. ["A", "B"]',
      '5: version: "0" must be a whole number of at least 1',
      '6: id: "ok-1" is already used on row 2',
      '7: start: must not be empty',
      '7: end: must not be empty',
      '7: venue_id: give venue_id or venue_name',
    ]);
    expect(error.message).toMatch(
      /^11 errors, nothing imported: row 3: title: must not be empty; row 3: end: must be after start;/,
    );
  });

  it('counts rows from where a record starts, also after cells with line breaks', () => {
    const text =
      'id,title,start,end,venue_id\na,"Two\nlines",2024-10-14T10:00,2024-10-14T11:00,CR3\nb,X,nope,2024-10-14T11:00,CR3\n';
    expect(problemsOf(text).problems).toEqual([{ line: 4, message: expect.stringMatching(/^start: "nope"/) }]);
  });
});
