// The shortcuts that keep a 2 MB import under a second must answer exactly as the slow paths did.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { headerLine } from '../../server/interchange/readers/text.ts';
import { ZoneTimes } from '../../server/interchange/readers/zone-times.ts';
import { readSchedule } from '../../server/interchange/detect-format.ts';
import { toVenueIso } from '../../shared/time.ts';

describe('headerLine', () => {
  it('is the first non-blank line, whatever the line endings, without a byte-order mark', () => {
    expect(headerLine('\uFEFF\n  \r\nTitle;Start\r\nx;y')).toBe('Title;Start');
    expect(headerLine('\r\rid,title\rrow')).toBe('id,title');
    expect(headerLine('only line')).toBe('only line');
    expect(headerLine('\n \n')).toBe('');
    expect(headerLine('')).toBe('');
  });

  it('is empty for a line far too long to be a row of column names (a one-line JSON feed)', () => {
    expect(headerLine(`title,start,${'x'.repeat(70_000)}\nrow`)).toBe('');
  });
});

describe('a one-line c3voc feed larger than a header line', () => {
  it('is still read as c3voc, not tried as CSV', () => {
    const events = Array.from({ length: 800 }, (_, i) => ({
      guid: `g-${i}`,
      title: `Talk ${i} with a title long enough to grow the file`,
      date: '2024-10-14T10:00:00+02:00',
      duration: '00:30',
      room: `Room ${i % 3}`,
    }));
    const text = JSON.stringify({
      schedule: {
        version: '1',
        conference: { time_zone_name: 'Europe/Vienna', days: [{ date: '2024-10-14', rooms: { R: events } }] },
      },
    });
    expect(text.length).toBeGreaterThan(64 * 1024);
    const result = readSchedule(text);
    expect(result.format).toBe('c3voc');
    expect(result.programme.sessions).toHaveLength(800);
    expect(result.programme.sessions[0]).toMatchObject({
      start: '2024-10-14T10:00:00+02:00',
      end: '2024-10-14T10:30:00+02:00',
    });
  });
});

describe('ZoneTimes', () => {
  const zone = 'Europe/Vienna';
  const times = new ZoneTimes(zone);
  // Around the autumn change (03:00 CEST → 02:00 CET on 2024-10-27) and a plain day.
  const samples = [
    '2024-10-27T01:30:00+02:00',
    '2024-10-27T02:30:00+02:00',
    '2024-10-27T02:30:00+01:00',
    '2024-10-27T02:30',
    '2024-10-14T13:00',
    '2024-10-14T11:00:00Z',
    '2024-10-14T13:00:00.750+02:00',
  ];

  it.each(samples)('reads %s as luxon does, twice the same', (iso) => {
    const expected = DateTime.fromISO(iso, { zone }).toMillis();
    expect(times.instant(iso)).toBe(expected);
    expect(times.instant(iso)).toBe(expected);
    expect(times.iso(expected)).toBe(toVenueIso(expected, zone));
    expect(times.offset(expected)).toBe(DateTime.fromMillis(expected, { zone }).offset);
  });

  it('gives undefined for what is not a date-time, and remembers that too', () => {
    expect(times.instant('14 October')).toBeUndefined();
    expect(times.instant('14 October')).toBeUndefined();
  });
});
