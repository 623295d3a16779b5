/**
 * A c3voc v1 file whose time_zone_name contradicts the offsets written in its dates (pretalx
 * writes "UTC" while every date says +01:00): the offsets are what the organisers saw, so they
 * win. When every date carries the same whole-hour offset and the named zone gives another one,
 * the venue zone becomes that fixed offset (Etc/GMT-1 for +01:00, IANA's inverted sign).
 */
import { isObject } from './c3voc-events.ts';
import type { ZoneTimes } from './zone-times.ts';

const OFFSET = /(?:T[\d:.]+)(Z|[+-]\d{2}:?\d{2})$/;

function offsetMinutes(text: string): number | undefined {
  const m = OFFSET.exec(text.trim());
  if (!m) return undefined;
  if (m[1] === 'Z') return 0;
  const digits = m[1]!.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits[0] === '-' ? -minutes : minutes;
}

/** The zone the dates' offsets imply, when they contradict the `declared` zone; else undefined. */
export function zoneFromOffsets(days: unknown[], declared: ZoneTimes): { zone: string; offset: string } | undefined {
  let offset: number | undefined;
  let contradicts = false;
  for (const day of days) {
    if (!isObject(day) || !isObject(day.rooms)) continue;
    for (const list of Object.values(day.rooms)) {
      for (const event of Array.isArray(list) ? list : []) {
        const date = isObject(event) && typeof event.date === 'string' ? event.date : '';
        if (!date) continue;
        const minutes = offsetMinutes(date);
        if (minutes === undefined || (offset !== undefined && minutes !== offset)) return undefined;
        offset = minutes;
        // The date carries its own offset (checked above), so the declared zone only converts it.
        const instant = declared.instant(date);
        if (instant !== undefined && declared.offset(instant) !== minutes) contradicts = true;
      }
    }
  }
  if (offset === undefined || !contradicts || offset % 60 !== 0) return undefined;
  const hours = offset / 60;
  const zone = hours === 0 ? 'UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
  const sign = offset < 0 ? '-' : '+';
  return { zone, offset: `${sign}${String(Math.abs(hours)).padStart(2, '0')}:00` };
}
