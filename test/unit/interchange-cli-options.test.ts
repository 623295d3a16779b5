// `npm run import` options --timezone, --from/--to and --columns (runCli in-process).
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../server/interchange/cli.ts';

const fixture = (name: string): string => join(import.meta.dirname, '../fixtures/interchange', name);

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const code = runCli(args);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

afterEach(() => vi.restoreAllMocks());

describe('import CLI options', () => {
  it('--from/--to narrow a calendar to the days asked for', () => {
    const result = run([fixture('room-calendar.ics'), '--from', '2024-03-18', '--to', '2024-03-31']);
    expect(result.code).toBe(0);
    const { timezone, sessions } = JSON.parse(result.stdout) as { timezone: string; sessions: { start: string }[] };
    expect(timezone).toBe('Europe/Berlin');
    expect(sessions.map((s) => s.start)).toEqual(['2024-03-18T14:00:00+01:00', '2024-03-25T10:00:00+01:00']);
    expect(result.stderr).toMatch(/room-calendar\.ics:28: warning: folded line/);
  });

  it('--timezone sets the venue zone of a file that names none', () => {
    const result = run([fixture('frab-schedule.xml'), '--timezone', 'Europe/Vienna']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).timezone).toBe('Europe/Vienna');
  });

  it.each([
    [
      ['x.ics', '--from', '2024-3-1', '--to', '2024-03-02'],
      /^import: --from: "2024-3-1" is not a date \(expected YYYY-MM-DD\) \(usage: /,
    ],
    [['x.ics', '--from', '2024-03-01'], /^import: --from and --to go together \(usage: /],
    [['x.csv', '--columns', 'title'], /^import: --columns: "title" is not FIELD=Header/],
    [
      [fixture('frab-schedule.xml'), '--timezone', 'Mars/Olympus'],
      /^import: .*--timezone: unknown time zone "Mars\/Olympus"/,
    ],
    [
      [fixture('room-calendar.ics'), '--from', '2024-03-10', '--to', '2024-03-01'],
      /^import: .*--to 2024-03-01 is before --from 2024-03-10/,
    ],
  ])('refuses bad options with one line and exit 1: %j', (args, message) => {
    const result = run(args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});
