// `npm run import -- FILE`: two smoke tests through a real child process (argv, pipes, exit
// code), the rest through runCli in-process; and loadProgrammeFile for the server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProgrammeSchema } from '../../shared/model.ts';
import { loadProgrammeFile } from '../../server/interchange/load-file.ts';
import { runCli } from '../../server/interchange/cli.ts';
import { REPO as repo, runInProcess, spawnCli, type CliRun } from '../support/cli.ts';

const bundled = 'programme/crimecop12-programme.txt';
const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const spawnImport = (...args: string[]): Promise<CliRun> => spawnCli('server/interchange/cli.ts', args);
const runImport = (...args: string[]): Promise<CliRun> => runInProcess(() => runCli(args));

const lines = (text: string): string[] => text.split('\n').filter((l) => l.length > 0);

describe('import CLI', { timeout: 60_000 }, () => {
  it('prints the normalised schedule as JSON and the warnings as FILE:LINE (a real process)', async () => {
    const run = await spawnImport(bundled);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(Object.keys(output)).toEqual(['timezone', 'venues', 'sessions']);
    expect(ProgrammeSchema.safeParse(output).success).toBe(true);
    expect(output.sessions).toHaveLength(73);
    expect(run.stdout.startsWith('{\n  "timezone": "Europe/Vienna",\n')).toBe(true);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(new RegExp(`^${bundled}:82: warning: "2\\.10 p\\.m\\." has no end time`)),
    ]);
  });

  it('takes --timezone', async () => {
    const run = await runImport(bundled, '--timezone', 'Europe/London');
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output.timezone).toBe('Europe/London');
    expect(output.sessions[0].start).toBe('2024-10-14T10:00:00+01:00');
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.txt'), /nope\.txt: cannot read the file: no such file$/],
    ['an empty file', () => file('empty.txt', ' \n\t\n'), /empty\.txt: the file is empty$/],
    [
      'a binary file',
      () => file('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d])),
      /image\.png: binary file/,
    ],
    [
      'a file that is not UTF-8',
      () => file('latin1.txt', Buffer.from([0x43, 0xf4, 0x74, 0x65, 0x0a])),
      /latin1\.txt: binary file \(not valid UTF-8/,
    ],
    [
      'a JSON file',
      () => file('schedule.json', '{"schedule": {}}'),
      /schedule\.json: This is JSON, but .*not a recognised schedule format \(expected UN programme text/,
    ],
    ['a directory', () => dir, /is a directory/],
  ])('exits 1 with one line on stderr for %s', async (_kind, makePath, message) => {
    const run = await runImport(makePath());
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
  });

  it('exits 1 naming each bad row as FILE:LINE, then one summary line', async () => {
    const path = file('schedule.csv', 'title,start\nA,10:00\n');
    const run = await runImport(path);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([
      `${path}:2: error: start: "10:00" has no date and the row has no date column`,
      expect.stringMatching(/schedule\.csv: 1 error, nothing imported: row 2: start: "10:00" has no date/),
    ]);
  });

  it('a date far from the rest of the file is a FILE:LINE error naming the field', async () => {
    const rows = [
      'id,title,start,end,venue_id',
      'a,A,2024-10-14T10:00,2024-10-14T11:00,CR3',
      'b,B,2100-10-14T10:00,2100-10-14T11:00,CR3',
      'c,C,2024-10-15T10:00,2024-10-15T11:00,CR3',
    ];
    const path = file('far.csv', rows.join('\n'));
    const run = await runImport(path);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)[0]).toMatch(
      new RegExp(
        `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: error: start: 2100-10-14 is more than a year away`,
      ),
    );
    expect(lines(run.stderr)).toHaveLength(3);
  });

  it('exits 1 with a usage line when no file is given (a real process)', async () => {
    const run = await spawnImport();
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([expect.stringContaining('usage: npm run import -- FILE [--timezone ZONE]')]);
  });
});

describe('loadProgrammeFile', () => {
  it('returns the programme and hands warnings over as FILE:LINE lines', () => {
    const path = join(repo, bundled);
    const seen: string[] = [];
    const programme = loadProgrammeFile(path, { onWarning: (_w, formatted) => seen.push(formatted) });
    expect(programme.sessions).toHaveLength(73);
    expect(seen).toEqual([expect.stringMatching(/crimecop12-programme\.txt:82: warning: /)]);
  });

  it('throws a one-line error for unusable files', () => {
    expect(() => loadProgrammeFile(file('prose.txt', 'Just some prose.\nNothing more.'))).toThrow(
      /prose\.txt: not a recognised schedule format/,
    );
    expect(() => loadProgrammeFile(join(dir, 'missing.txt'))).toThrow(
      /missing\.txt: cannot read the file: no such file/,
    );
  });
});
