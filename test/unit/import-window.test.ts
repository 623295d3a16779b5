/**
 * Issue 14: imported files obey the ±1 year date window of staff edits (shared/session-window.ts).
 * A far session is a line (or row) error naming the field; nothing of the file is read.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sessionsOutsideWindow } from '../../shared/session-window.ts';
import { readSchedule } from '../../server/interchange/detect-format.ts';
import { ImportProblemsError } from '../../server/interchange/import-error.ts';
import { readScheduleFile } from '../../server/interchange/load-file.ts';

const ZONE = 'Europe/Vienna';
const at = (day: string) => ({ start: `${day}T10:00:00+02:00`, end: `${day}T11:00:00+02:00` });
const problemsOf = (read: () => unknown): ImportProblemsError => {
  try {
    read();
  } catch (error) {
    if (error instanceof ImportProblemsError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
};

const dir = mkdtempSync(join(tmpdir(), 'import-window-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sessionsOutsideWindow (the staff-edit rule applied to a list)', () => {
  it('judges each session by all the others, so one typo among many is found', () => {
    const sessions = [at('2024-10-14'), at('2024-10-15'), at('2100-10-14'), at('2025-09-01')];
    expect(sessionsOutsideWindow(sessions, ZONE)).toEqual([
      { index: 2, field: 'start', message: expect.stringMatching(/^start: 2100-10-14 is more than a year away/) },
      { index: 2, field: 'end', message: expect.stringMatching(/^end: 2100-10-14 is more than a year away/) },
    ]);
  });

  it('a single session is judged by the live schedule it joins; with none, anything goes', () => {
    expect(sessionsOutsideWindow([at('2100-10-14')], ZONE)).toEqual([]);
    expect(sessionsOutsideWindow([at('2100-10-14')], ZONE, [at('2024-10-14')])).toHaveLength(2);
    expect(sessionsOutsideWindow([at('2025-06-02')], ZONE, [at('2024-10-14')])).toEqual([]);
  });
});

describe('readSchedule refuses far dates with their line', () => {
  it('CSV: the row and the field, in the one-line CLI message naming the file', () => {
    const csv = [
      'id,title,start,end,venue_id',
      'a,Opening,2024-10-14T10:00,2024-10-14T11:00,CR3',
      'b,Typo,2100-10-14T12:00,2100-10-14T13:00,CR3',
      'c,Closing,2024-10-15T10:00,2024-10-15T11:00,CR3',
    ].join('\n');
    expect(problemsOf(() => readSchedule(csv, { timezone: ZONE })).problems).toEqual([
      { line: 3, message: expect.stringMatching(/^start: 2100-10-14 is more than a year away .*\(“Typo”\)$/) },
      { line: 3, message: expect.stringMatching(/^end: 2100-10-14 /) },
    ]);
    const path = join(dir, 'typo.csv');
    writeFileSync(path, csv);
    expect(() => readScheduleFile(path)).toThrow(
      /typo\.csv: 2 errors, nothing imported: row 3: start: 2100-10-14 is more than a year away/,
    );
  });

  it('c3voc JSON: the line of the event', () => {
    const pretalx = readFileSync(new URL('../fixtures/interchange/pretalx-democon-day1.json', import.meta.url), 'utf8');
    const far = pretalx.replace('"date": "2020-12-14T09:30:00+01:00"', '"date": "2100-12-14T09:30:00+01:00"');
    const lines = far.split('\n');
    const dateLine = lines.findIndex((l) => l.includes('2100-12-14T09:30')) + 1;
    const guidLine = lines.findIndex((l) => l.includes('2d64f8e2-26ee-529f-b5ab-3b3f326e31b9')) + 1;
    const { problems } = problemsOf(() => readSchedule(far));
    expect(problems[0]).toMatchObject({ line: guidLine, message: expect.stringMatching(/^start: 2100-12-14/) });
    expect(guidLine).toBeLessThan(dateLine);
    expect(readSchedule(pretalx).programme.sessions.length).toBeGreaterThan(1);
  });

  it('a one-row file is judged by the live sessions it joins (cancelled ones left out)', () => {
    const csv = 'id,title,start,end,venue_id\nb,Typo,2100-10-14T12:00,2100-10-14T13:00,CR3\n';
    const live = [{ ...at('2024-10-14'), status: 'scheduled' as const }];
    expect(problemsOf(() => readSchedule(csv, { timezone: ZONE }, live)).problems[0]).toMatchObject({ line: 2 });
    const cancelled = [{ ...at('2024-10-14'), status: 'cancelled' as const }];
    expect(readSchedule(csv, { timezone: ZONE }, cancelled).programme.sessions).toHaveLength(1);
  });

  it('the bundled UN programme reads as before (all within its week)', () => {
    const text = readFileSync(new URL('../../programme/crimecop12-programme.txt', import.meta.url), 'utf8');
    expect(readSchedule(text).programme.sessions.length).toBeGreaterThan(50);
  });
});
