// The c3voc export against the newest upstream schema (voc/schedule, vendored as
// test/fixtures/interchange/c3voc-schema-latest.json): every required field, no "answers" on
// events (the schema forbids it there now), the conference title, acronym and day change-over kept.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openScheduleService } from '../../server/schedule/service.ts';
import { parseC3voc } from '../../server/interchange/readers/c3voc.ts';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { scheduleFromProgramme } from '../../server/schedule/seed.ts';
import { parseUnProgramme } from '../../server/interchange/readers/un-programme.ts';
import { c3vocSchedule } from '../../server/interchange/writers/c3voc-export.ts';

const dstText = readFileSync(new URL('../fixtures/un-programme-dst-2025.txt', import.meta.url), 'utf8');

function validator() {
  const schema = JSON.parse(
    readFileSync(new URL('../fixtures/interchange/c3voc-schema-latest.json', import.meta.url), 'utf8'),
  );
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addMetaSchema(draft6);
  addFormats(ajv);
  ajv.addFormat('color', /^#[0-9a-fA-F]{3,8}$/);
  return { validate: ajv.compile(schema), ajv };
}

describe('c3voc export, newest upstream schema', () => {
  it('is valid, without answers on events, and keeps title, acronym and day change-over', async () => {
    const schedule = scheduleFromProgramme(parseUnProgramme(dstText).programme);
    const doc = c3vocSchedule(schedule, {
      baseUrl: 'https://signage.example.org/',
      now: Date.parse('2025-10-24T08:00:00Z'),
      title: 'DemoCon',
      acronym: 'democon2025',
      dayChange: '04:00',
    });
    const { validate, ajv } = validator();
    expect(validate(doc), ajv.errorsText(validate.errors)).toBe(true);
    const events = doc.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
    expect(events.length).toBeGreaterThan(0);
    expect(events.some((e) => 'answers' in e)).toBe(false);
    expect(doc.schedule.conference).toMatchObject({ title: 'DemoCon', acronym: 'democon2025' });
    expect(doc.schedule.conference.days[0]!.day_start).toMatch(/T04:00:00/);
  });

  it('keeps an imported conference title, acronym and day change-over through the store into the export', async () => {
    const text = readFileSync(new URL('../fixtures/interchange/pretalx-democon-day1.json', import.meta.url), 'utf8');
    // The file says UTC but its dates say +01:00; the venue (Berlin) is named, as staff would.
    const { programme } = parseC3voc(text, { timezone: 'Europe/Berlin' });
    expect(programme.conference).toEqual({ title: 'DemoCon', acronym: 'democon', dayChange: '04:00' });
    const dir = mkdtempSync(join(tmpdir(), 'signage-conference-'));
    try {
      const service = await openScheduleService({
        dataDir: dir,
        seed: () => programme,
        now: () => Date.parse('2020-12-14T09:00:00Z'),
      });
      await service.close();
      const reopened = await openScheduleService({
        dataDir: dir,
        seed: () => {
          throw new Error('seeded twice');
        },
        now: () => 0,
      });
      const schedule = reopened.schedule();
      await reopened.close();
      expect(schedule.conference).toEqual(programme.conference);
      const doc = c3vocSchedule(schedule, { baseUrl: 'https://signage.example.org/', now: 0, ...schedule.conference });
      expect(doc.schedule.conference).toMatchObject({ title: 'DemoCon', acronym: 'democon' });
      expect(doc.schedule.conference.days[0]!.day_start).toBe('2020-12-14T04:00:00+01:00');
      const { validate, ajv } = validator();
      expect(validate(doc), ajv.errorsText(validate.errors)).toBe(true);
      // And back: the exported file imports to the same conference and sessions at the same times.
      const again = parseC3voc(JSON.stringify(doc)).programme;
      expect(again.conference).toEqual(programme.conference);
      expect(again.sessions.map((s) => [s.title, Date.parse(s.start), Date.parse(s.end)])).toEqual(
        programme.sessions
          .filter((s) => s.status !== 'cancelled')
          .map((s) => [s.title, Date.parse(s.start), Date.parse(s.end)]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
