/**
 * GET /api/calendar.ics and /api/venues/:id/calendar.ics: the schedule as iCalendar (RFC 5545)
 * for calendar apps to subscribe to.
 *
 * - Times in the venue's zone: DTSTART;TZID=Europe/Vienna with that zone's VTIMEZONE, so clients
 *   show the right local time across a daylight-saving change whatever their own zone.
 * - UID "<session id>.<schedule id>@venue-signage": stable per session and the same from every
 *   host name, so a re-subscribed calendar updates events instead of duplicating them; the
 *   schedule's own random id (made when the data directory was seeded) keeps two servers' "s1"
 *   apart, as RFC 5545 wants UIDs globally unique.
 * - SEQUENCE = version - 1: 0 as first published, one more on each change (RFC 5545 §3.8.7.4).
 * - Cancelled sessions stay in the feed with STATUS:CANCELLED, so subscribed calendars drop them.
 * - The join link as an RFC 7986 CONFERENCE property. Passcodes only where staff chose to show
 *   them on screens: the feed is public.
 */
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Schedule, Session, Venue } from '../../../shared/model.ts';
import { CONFERENCE_PLACEHOLDER, finishCalendar, vtimezoneOf } from './ical-text.ts';
import { byStartThenVenue } from './export-order.ts';

export const UID_DOMAIN = 'venue-signage';

export function sessionUid(session: Pick<Session, 'id'>, scheduleId: string | undefined): string {
  return scheduleId ? `${session.id}.${scheduleId}@${UID_DOMAIN}` : `${session.id}@${UID_DOMAIN}`;
}

function description(session: Session): string {
  const { lead, partners } = session.organizers;
  const lines: string[] = [];
  if (lead) lines.push(`Organized by ${lead}${partners.length ? `, with ${partners.join(', ')}` : ''}`);
  else if (partners.length) lines.push(`With ${partners.join(', ')}`);
  for (const item of session.agendaItems ?? []) lines.push(`Item ${item.code}. ${item.title}`);
  const online = session.online;
  if (online?.meetingId) lines.push(`Meeting ID: ${online.meetingId}`);
  if (online?.passcode && online.showPasscode) lines.push(`Passcode: ${online.passcode}`);
  if (online?.url) lines.push(`Join online: ${online.url}`);
  return lines.join('\n');
}

/** The calendar of the whole schedule, or of one venue when `venue` is given. */
export function calendarIcs(schedule: Schedule, venue?: Venue): string {
  const zone = schedule.timezone;
  // UTC needs no VTIMEZONE: its times are written with "Z".
  const vtimezone = zone === 'UTC' || zone === 'Etc/UTC' ? null : vtimezoneOf(zone);
  const venues = new Map(schedule.venues.map((v) => [v.id, v]));
  const calendar = ical({
    name: venue ? `${venue.name} — schedule` : 'Schedule',
    prodId: { company: 'venue-signage', product: 'schedule', language: 'EN' },
  });
  calendar.x('X-WR-TIMEZONE', zone);

  const links = new Map<string, string>();
  const sessions = schedule.sessions.filter((s) => !venue || s.venueId === venue.id).sort(byStartThenVenue(schedule));
  for (const session of sessions) {
    const when = (iso: string) => (vtimezone ? DateTime.fromISO(iso, { zone: vtimezone.tzid }) : new Date(iso));
    const event = calendar.createEvent({
      id: sessionUid(session, schedule.scheduleId),
      sequence: session.version - 1,
      start: when(session.start),
      end: when(session.end),
      ...(vtimezone && { timezone: vtimezone.tzid }),
      summary: session.title,
      location: venues.get(session.venueId)?.name ?? session.venueId,
      description: description(session),
      status: session.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    if (session.online?.url) {
      const key = String(links.size);
      links.set(key, session.online.url);
      event.x(CONFERENCE_PLACEHOLDER, key);
    }
  }
  return finishCalendar(calendar.toString(), vtimezone?.block ?? null, links);
}
