/** Wording of journal summaries: short, human, in venue time ("Moved “X” from CR3 to M7"). */
import { formatClock, venueDay } from '../../shared/time.ts';
import { parseInstant } from '../../shared/time-parse.ts';

export function quote(title: string): string {
  return `“${title}”`;
}

/** Cuts long free text so the journal stays one line per change. */
export function excerpt(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}

export function clock(iso: string, zone: string): string {
  return formatClock(parseInstant(iso, zone), zone);
}

export { slotLabel as slot } from '../../shared/clash.ts';

export function sameDay(a: string, b: string, zone: string): boolean {
  return venueDay(parseInstant(a, zone), zone) === venueDay(parseInstant(b, zone), zone);
}
