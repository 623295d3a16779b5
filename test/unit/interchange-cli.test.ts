// `npm run import -- FILE` recognises the interchange formats by their content (one through a real
// child process, the rest through runCli in-process).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProgrammeSchema } from '../../shared/model.ts';
import { scheduleFromProgramme } from '../../server/schedule/seed.ts';
import { c3vocSchedule } from '../../server/interchange/writers/c3voc-export.ts';
import { scheduleCsv } from '../../server/interchange/writers/csv-export.ts';
import { parseUnProgramme } from '../../server/interchange/readers/un-programme.ts';
import { runCli } from '../../server/interchange/cli.ts';
import { REPO as repo, runInProcess, spawnCli, type CliRun } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'interchange-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const schedule = scheduleFromProgramme(
  parseUnProgramme(readFileSync(join(repo, 'programme/crimecop12-programme.txt'), 'utf8')).programme,
);

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const spawnImport = (...args: string[]): Promise<CliRun> => spawnCli('server/interchange/cli.ts', args);
const runImport = (...args: string[]): Promise<CliRun> => runInProcess(() => runCli(args));

describe('import CLI with the interchange formats', { timeout: 60_000 }, () => {
  it('reads our CSV export (a real process)', async () => {
    const run = await spawnImport(file('schedule.csv', scheduleCsv(schedule)));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const output = ProgrammeSchema.parse(JSON.parse(run.stdout));
    expect(output.sessions).toHaveLength(schedule.sessions.length);
    expect(output.venues).toEqual(schedule.venues);
  });

  it('reads a c3voc schedule.json and takes --timezone', async () => {
    const path = file(
      'schedule.json',
      JSON.stringify(c3vocSchedule(schedule, { baseUrl: 'http://localhost/', now: 0 }), null, 2),
    );
    const run = await runImport(path, '--timezone', 'Europe/London');
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output.timezone).toBe('Europe/London');
    expect(output.sessions[0].start).toBe('2024-10-14T09:00:00+01:00');
  });

  it('prints warnings of a real pretalx export as FILE:LINE', async () => {
    const fixture = join(repo, 'test/fixtures/interchange/pretalx-democon-day1.json');
    const run = await runImport(fixture);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).sessions).toHaveLength(12);
    expect(run.stderr).toMatch(/pretalx-democon-day1\.json:\d+: warning: time_zone_name says UTC/);
  });

  it('exits 1 listing every bad row of a CSV, and prints no schedule', async () => {
    const text =
      'id,title,start,end,venue_id\na,,2024-10-14T10:00,2024-10-14T11:00,CR3\nb,B,2024-10-14T12:00,2024-10-14T11:00,CR3\n';
    const run = await runImport(file('bad.csv', text));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/bad\.csv:2: error: title: must not be empty$/),
      expect.stringMatching(/bad\.csv:3: error: end: must be after start$/),
      expect.stringMatching(
        /bad\.csv: 2 errors, nothing imported: row 2: title: must not be empty; row 3: end: must be after start$/,
      ),
    ]);
  });
});
