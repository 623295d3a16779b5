/**
 * Synthetic programmes in the UN programme text format (the layout of
 * programme/crimecop12-programme.txt): a title block with the dates, "SIDE EVENTS", a day header
 * per day and one tab-separated row per session — time, title with organisers, room.
 */
import { DateTime } from 'luxon';

export interface SyntheticOptions {
  /** First day, yyyy-MM-dd. */
  firstDay: string;
  days: number;
  rooms: number;
  slotsPerDay: number;
  /** Start of the first slot and the step between slots, in minutes (default 9:00, 25 min). */
  dayStart?: number;
  slotStep?: number;
  /** Length of each session in minutes (default 20). */
  length?: number;
}

function point(minutes: number): { text: string; meridiem: string } {
  const hour24 = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const hour = hour24 % 12 === 0 ? 12 : hour24 % 12;
  return {
    text: minute === 0 ? String(hour) : `${hour}.${String(minute).padStart(2, '0')}`,
    meridiem: hour24 < 12 ? 'a.m.' : 'p.m.',
  };
}

/** "9–9.20 a.m.", "11.40 a.m.–12 p.m.": the meridiem once when both ends share it, as printed. */
export function timeRangeText(start: number, end: number): string {
  const a = point(start);
  const b = point(end);
  return a.meridiem === b.meridiem
    ? `${a.text}–${b.text} ${b.meridiem}`
    : `${a.text} ${a.meridiem}–${b.text} ${b.meridiem}`;
}

export function syntheticUnProgramme(options: SyntheticOptions): string {
  const { days, rooms, slotsPerDay } = options;
  const dayStart = options.dayStart ?? 9 * 60;
  const step = options.slotStep ?? 25;
  const length = options.length ?? 20;
  const first = DateTime.fromISO(options.firstDay, { zone: 'UTC' });
  const last = first.plus({ days: days - 1 });
  const span =
    first.month === last.month
      ? `${first.day}–${last.day} ${last.toFormat('LLLL yyyy')}`
      : `${first.toFormat('d LLLL')}–${last.toFormat('d LLLL yyyy')}`;
  const lines = [
    'United Nations',
    '',
    'Synthetic conference',
    '',
    `Vienna, ${days === 1 ? first.toFormat('d LLLL yyyy') : span}`,
    '',
    'PROGRAMME',
    '',
    'SIDE EVENTS',
    '',
  ];
  let n = 0;
  for (let d = 0; d < days; d++) {
    const day = first.plus({ days: d });
    lines.push(day.toFormat('cccc, d LLLL').toUpperCase(), '', 'Venue', '');
    for (let slot = 0; slot < slotsPerDay; slot++) {
      const start = dayStart + slot * step;
      for (let room = 1; room <= rooms; room++) {
        n++;
        const title = `SYNTHETIC SESSION ${String(n).padStart(5, '0')}: COOPERATION AGAINST TRANSNATIONAL ORGANIZED CRIME`;
        const organizers = `Organized by Member State ${n % 193}, with UNODC Section ${n % 17}, Partner Organization ${n % 31}`;
        lines.push(`${timeRangeText(start, start + length)}\t${title} ${organizers}\tCR${room}`);
      }
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
