// The c3voc export against the newest upstream schema (voc/schedule, vendored as
// test/fixtures/interchange/c3voc-schema-latest.json): every required field, no "answers" on
// events (the schema forbids it there now), the conference title, acronym and day change-over kept.
import { readFileSync } from 'node:fs';
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
  it('is valid, without answers on events, and keeps title, acronym and day change-over', () => {
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
});
