import { describe, expect, it } from 'vitest';
import { clashText, slotLabel } from '../../shared/clash.ts';
import { sameJson } from '../../shared/json.ts';

describe('sameJson', () => {
  it('treats values as the store keeps them: key order and undefined members do not count', () => {
    expect(sameJson({ lead: 'A', partners: ['B'] }, { partners: ['B'], lead: 'A' })).toBe(true);
    expect(sameJson({ meetingId: '1', passcode: undefined }, { meetingId: '1' })).toBe(true);
    expect(sameJson(undefined, undefined)).toBe(true);
  });

  it('tells different values apart, array order included', () => {
    expect(sameJson({ partners: ['A', 'B'] }, { partners: ['B', 'A'] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson(undefined, null)).toBe(false);
    expect(sameJson({ a: null }, { a: 0 })).toBe(false);
  });
});

describe('clash wording', () => {
  const zone = 'Europe/Vienna';
  const holder = { title: 'Taker', start: '2024-10-14T13:00:00+02:00', end: '2024-10-14T13:50:00+02:00' };

  it('names the slot in venue time, with the day when asked', () => {
    expect(slotLabel(holder, zone)).toBe('13:00–13:50');
    expect(slotLabel(holder, zone, true)).toBe('Monday 14 October 13:00–13:50');
  });

  it('words the panel hint and the server refusal from one place', () => {
    expect(clashText('M3', holder, zone)).toBe('M3 is taken by “Taker” 13:00–13:50');
    expect(clashText('CR3', holder, zone, true)).toBe(
      'CR3 is already taken by “Taker” on Monday 14 October 13:00–13:50',
    );
  });
});
