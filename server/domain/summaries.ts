/** Wording of journal summaries: short, human, in venue time ("Moved “X” from CR3 to M7"). */
import type { Announcement, Session } from '../../shared/model.ts';
import { formatClock, formatDay, parseInstant, venueDay } from '../../shared/time.ts';

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

/** "13:00–14:00", prefixed with the day ("Tuesday 15 October 13:00–14:00") when asked. */
export function slot(session: Pick<Session, 'start' | 'end'>, zone: string, withDay = false): string {
  const times = `${clock(session.start, zone)}–${clock(session.end, zone)}`;
  return withDay ? `${formatDay(parseInstant(session.start, zone), zone)} ${times}` : times;
}

export function sameDay(a: string, b: string, zone: string): boolean {
  return venueDay(parseInstant(a, zone), zone) === venueDay(parseInstant(b, zone), zone);
}

export function announcementLabel(announcement: Announcement): string {
  return excerpt(announcement.text);
}
