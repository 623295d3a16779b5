// Rows the importer cannot read are reported with their line number, never dropped silently;
// input it cannot use at all is an ImportError with one clear line.
import { describe, expect, it } from 'vitest';
import { parseUnProgramme } from '../../server/interchange/readers/un-programme.ts';
import { ImportError } from '../../server/interchange/import-types.ts';

/** A small programme; `rows` are side-event lines of Monday 14 October 2024, from line 11 on. */
function programmeWith(rows: string[], title = 'Vienna, 14–18 October 2024'): string {
  return [
    'United Nations',
    title,
    'PROGRAMME',
    'MONDAY, 14 OCTOBER',
    'Plenary Hall, M-Building',
    '10 a.m.–1 p.m.\tItem 1. Opening of the session',
    'SIDE EVENTS',
    'MONDAY, 14 OCTOBER',
    'Venue',
    '1–1.50 p.m.\tA GOOD ROW Organized by Italy\tCR3',
    ...rows,
  ].join('\n');
}

describe('warnings', () => {
  it('name the line of each row that cannot be read, and keep the good rows', () => {
    const { programme, warnings } = parseUnProgramme(
      programmeWith([
        '\tNO TIME AT ALL Organized by Peru\tCR3', // 11
        'at teatime\tUNKNOWN TIME FORM Organized by Peru\tCR3', // 12
        '2–2.50 p.m.\tNO VENUE COLUMN Organized by Peru', // 13
        '2–2.50 p.m.\tONLY MEETING DETAILS Organized by Peru\tMeeting ID: 1 2 3', // 14
        '3–1 p.m.\tIMPLAUSIBLE SPAN Organized by Peru\tCR3', // 15
        '2–2.50 p.m. NO TABS Organized by Peru CR3', // 16
        'A STRAY LINE OF TEXT', // 17
        '2–2.50 p.m.\tWITH AN ODD COLUMN Organized by Peru\tRoom note\tCR7', // 18
      ]),
    );
    expect(warnings.map((w) => w.line)).toEqual([11, 12, 13, 14, 15, 16, 17, 18]);
    expect(warnings[0]!.message).toContain('cannot read the time "NO TIME AT ALL Organized by Peru"');
    expect(warnings[1]!.message).toContain('cannot read the time "at teatime"');
    expect(warnings[2]!.message).toContain('no venue column');
    expect(warnings[3]!.message).toContain('no venue column');
    expect(warnings[4]!.message).toContain('"3–1 p.m."');
    expect(warnings[5]!.message).toContain('without tab-separated columns');
    expect(warnings[6]!.message).toContain('line not understood');
    expect(warnings[7]!.message).toContain('unexpected column "Room note" ignored');
    expect(programme.sessions.map((s) => s.title)).toEqual(['Plenary: Item 1', 'A GOOD ROW', 'WITH AN ODD COLUMN']);
  });

  it('reject rows the model cannot hold, by line, instead of failing the import', () => {
    const longTitle = `${'VERY LONG '.repeat(120)}Organized by Peru`;
    const longVenue = 'Room '.repeat(50);
    const { programme, warnings } = parseUnProgramme(
      programmeWith([`2–2.50 p.m.\t${longTitle}\tCR3`, `2–2.50 p.m.\tSHORT Organized by Peru\t${longVenue}`]),
    );
    expect(warnings).toEqual([
      { line: 11, message: expect.stringMatching(/^row rejected: title: /) },
      { line: 12, message: expect.stringContaining('longer than 200 characters') },
    ]);
    expect(programme.sessions).toHaveLength(2);
  });

  it('flag a plenary row with no room heading and a row before any day header', () => {
    const text = [
      'Vienna, 14–18 October 2024',
      '9–10 a.m.\tEARLY ROW\tCR3',
      'MONDAY, 14 OCTOBER',
      '10 a.m.–1 p.m.\tItem 1. Opening of the session',
      'Plenary Hall, M-Building',
      '3–6 p.m.\tItem 2. General debate',
    ].join('\n');
    const { programme, warnings } = parseUnProgramme(text);
    expect(warnings).toEqual([
      { line: 2, message: 'row before any day header; row ignored' },
      { line: 4, message: expect.stringContaining('no room heading') },
    ]);
    expect(programme.sessions.map((s) => s.id)).toEqual(['plenary-2024-10-14-1500']);
  });

  it('flag a day header whose weekday does not match the date', () => {
    const text = programmeWith([]).replace('SIDE EVENTS\nMONDAY, 14 OCTOBER', 'SIDE EVENTS\nTUESDAY, 14 OCTOBER');
    expect(parseUnProgramme(text).warnings).toEqual([
      { line: 8, message: 'day header "TUESDAY, 14 OCTOBER": 2024-10-14 is a Monday, not a Tuesday' },
    ]);
  });

  it('flag an unknown city and fall back to Vienna time', () => {
    const { programme, warnings } = parseUnProgramme(programmeWith([], 'Atlantis City, 14–18 October 2024'));
    expect(programme.timezone).toBe('Europe/Vienna');
    expect(warnings).toEqual([{ line: 2, message: expect.stringContaining('no time zone known for "Atlantis City"') }]);
    expect(parseUnProgramme(programmeWith([], 'New York, 14–18 October 2024')).programme.timezone).toBe(
      'America/New_York',
    );
  });
});

describe('unusable input', () => {
  const fails = (text: string, options = {}): string => {
    try {
      parseUnProgramme(text, options);
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).not.toContain('\n');
      return (error as Error).message;
    }
    throw new Error('expected an ImportError');
  };

  it('has no year to go by', () => {
    expect(fails('PROGRAMME\nMONDAY, 14 OCTOBER\n1–1.50 p.m.\tX Organized by Y\tCR3')).toMatch(
      /^line 2: cannot date "MONDAY, 14 OCTOBER": no year/,
    );
  });

  it('has no day headers or no readable session', () => {
    expect(fails('Vienna, 14–18 October 2024\nnothing else')).toContain('no day headers');
    expect(
      fails(
        programmeWith([])
          .replace(/\n1–1\.50 p\.m\..*$/, '')
          .replace(/\n10 a\.m\..*\n/, '\n'),
      ),
    ).toContain('no sessions found');
  });

  it('names an unknown time zone', () => {
    expect(fails(programmeWith([]), { timezone: 'Mars/Olympus' })).toBe('unknown time zone "Mars/Olympus"');
  });
});
