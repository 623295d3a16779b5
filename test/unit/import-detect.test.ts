// The format registry: the content decides which importer reads a file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATS, readSchedule } from '../../server/interchange/detect-format.ts';
import { parseUnProgramme } from '../../server/interchange/readers/un-programme.ts';

const programmeText = readFileSync(new URL('../../programme/crimecop12-programme.txt', import.meta.url), 'utf8');

describe('readSchedule', () => {
  it('recognises the UN programme text and gives the same result as its parser', () => {
    const result = readSchedule(programmeText);
    expect(result.format).toBe('un-programme');
    // The line of each session is the window check's business inside readSchedule, not its answer.
    const { sessionLines: _lines, ...parsed } = parseUnProgramme(programmeText);
    expect(result).toMatchObject({ format: 'un-programme', ...parsed });
    expect(result.fields).toContain('venueId');
    expect(readSchedule(programmeText, { timezone: 'UTC' }).programme.timezone).toBe('UTC');
  });

  it('names what it saw when JSON is of no known kind', () => {
    const text = JSON.stringify({ schedule: { conference: { days: [] } } }, null, 2);
    expect(() => readSchedule(text)).toThrow(
      /^This is JSON, but neither c3voc schedule.json nor an Indico timetable; not a recognised schedule format/,
    );
  });

  it('takes a CSV with title and start columns as a spreadsheet, refusing bad rows by line', () => {
    const text = 'id,title,start,end,venue\n1,Opening,2024-10-14T10:00,soon,Plenary\n';
    expect(() => readSchedule(text)).toThrow(/^1 error, nothing imported: row 2: end: "soon" is not a time/);
  });

  it.each([
    ['prose', 'Dear colleagues,\nthe conference takes place from Monday 14 October.\nKind regards'],
    ['a day header without any timed row', 'MONDAY, 14 OCTOBER\nSIDE EVENTS\n'],
  ])('refuses %s with a message naming the expected format', (_kind, text) => {
    expect(() => readSchedule(text)).toThrow(/^not a recognised schedule format \(expected UN programme text/);
  });

  it('lists every registered format in that message', () => {
    expect(FORMATS.map((f) => f.name)).toEqual([
      'un-programme',
      'csv',
      'c3voc-v2',
      'c3voc',
      'ical',
      'frab-xml',
      'indico',
      'spreadsheet',
    ]);
    for (const format of FORMATS) expect(() => readSchedule('{}')).toThrow(format.description);
  });
});
