// Organisers' spreadsheets: headers in four languages, --columns, date forms, all-or-nothing rows.
import { describe, expect, it } from 'vitest';
import { scheduleFromProgramme } from '../../server/schedule/seed.ts';
import { scheduleCsv } from '../../server/interchange/writers/csv-export.ts';
import { ImportProblemsError } from '../../server/interchange/import-error.ts';
import { readSchedule } from '../../server/interchange/detect-format.ts';
import { parseColumnsOption } from '../../server/interchange/readers/spreadsheet-columns.ts';

const zone = { timezone: 'Europe/Paris' };
const slots = (text: string, options: Parameters<typeof readSchedule>[1] = zone) =>
  readSchedule(text, options).programme.sessions.map((s) => [s.title, s.start, s.end, s.venueId, s.organizers.lead]);

describe('spreadsheet CSV/TSV', () => {
  it.each([
    ['English', 'Title,Date,Start,End,Room,Organiser\nOpening,2024-10-14,10:00,11:30,Room A,Ana\n'],
    ['French (semicolons)', 'Titre;Date;Début;Fin;Salle;Organisateur\nOpening;14/10/2024;10:00;11:30;Room A;Ana\n'],
    [
      'German (tabs)',
      'Titel\tDatum\tBeginn\tEnde\tRaum\tVeranstalter\nOpening\t14.10.2024\t10:00\t11:30\tRoom A\tAna\n',
    ],
    ['Spanish', 'Título,Fecha,Inicio,Fin,Sala,Organizador\nOpening,14/10/2024,10:00,11:30,Room A,Ana\n'],
  ])('reads %s headers', (_language, text) => {
    expect(readSchedule(text, zone).format).toBe('spreadsheet');
    expect(slots(text)).toEqual([
      ['Opening', '2024-10-14T10:00:00+02:00', '2024-10-14T11:30:00+02:00', 'Room-A', 'Ana'],
    ]);
  });

  it('takes dates and times in one cell, and a --columns mapping for headers of its own', () => {
    const text = 'Talk name,Kick-off,Wrap-up,Where\nKeynote,2024-10-14 09:00,2024-10-14 10:00,Main hall\n';
    expect(() => readSchedule(text, zone)).toThrow(/not a recognised schedule format/);
    const options = { ...zone, columns: parseColumnsOption('title=Talk name,start=Kick-off,end=Wrap-up,room=Where') };
    expect(slots(text, options)).toEqual([
      ['Keynote', '2024-10-14T09:00:00+02:00', '2024-10-14T10:00:00+02:00', 'Main-hall', ''],
    ]);
    expect(() => readSchedule(text, { ...zone, columns: { title: 'Talk' } })).toThrow(
      '--columns: the file has no column "Talk" (its columns: Talk name, Kick-off, Wrap-up, Where)',
    );
    expect(() => parseColumnsOption('title')).toThrow(/--columns: "title" is not FIELD=Header/);
  });

  it('refuses the whole file, listing every bad row with its line', () => {
    const text =
      'Title,Date,Start,End,Room\nFine,2024-10-14,10:00,11:00,A\n,2024-10-14,10:00,11:00,A\nLate,31/02/2024,10:00,11:00,A\nBackwards,2024-10-14,12:00,11:00,A\n';
    try {
      readSchedule(text, zone);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportProblemsError);
      expect((error as ImportProblemsError).problems).toEqual([
        { line: 3, message: 'Title: empty' },
        { line: 4, message: 'Date: "31/02/2024" is not YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY' },
        { line: 4, message: expect.stringMatching(/^Start: /) },
        { line: 4, message: expect.stringMatching(/^End: /) },
        { line: 5, message: 'End: must be after the start' },
      ]);
    }
  });

  it('warns about the assumed zone and keeps our own CSV export recognised as ours, round trip included', () => {
    const text = 'Title,Date,Start,End,Room\nOpening,2024-10-14,10:00,11:00,A\n';
    const { programme, warnings } = readSchedule(text);
    expect(warnings).toEqual([
      { line: 1, message: expect.stringMatching(/names no time zone: times are read in Europe\/Vienna/) },
    ]);
    const ours = readSchedule(scheduleCsv(scheduleFromProgramme(programme)));
    expect(ours.format).toBe('csv');
    expect(ours.programme.sessions).toEqual(programme.sessions);
  });
});
