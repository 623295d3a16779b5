/** Announcements: free text on every screen, on some venues, or on the lobby, until they expire. */
import { AnnouncementInputSchema, type AnnouncementInput } from '../../shared/commands.ts';
import { hasExpired } from '../../shared/announcements.ts';
import { LOBBY, type Announcement } from '../../shared/model.ts';
import { withTranslations } from '../../shared/translations.ts';
import { MINUTE, toVenueIso } from '../../shared/time.ts';
import { parseInstant } from '../../shared/time-parse.ts';
import type { Context, PendingChange } from './change.ts';
import { NotFoundError, ValidationError, validate } from '../platform/errors.ts';
import { uniqueId } from './new-ids.ts';
import { inputTime } from './rules.ts';
import { clock, excerpt } from './summaries.ts';

function describe(announcement: Announcement, zone: string): string {
  const label = announcement.severity === 'urgent' ? 'Urgent announcement' : 'Announcement';
  const where = announcement.venueIds ? ` (${announcement.venueIds.join(', ')})` : '';
  const from = announcement.startsAt ? ` from ${clock(announcement.startsAt, zone)}` : '';
  const until = announcement.expiresAt ? ` until ${clock(announcement.expiresAt, zone)}` : '';
  return `${label}: ${excerpt(announcement.text)}${where}${from}${until}`;
}

export function createAnnouncement(ctx: Context, raw: AnnouncementInput): PendingChange<Announcement> {
  const input = validate(AnnouncementInputSchema, raw);
  const { schedule, now } = ctx;
  const zone = schedule.timezone;
  const venueIds = input.venueIds && [...new Set(input.venueIds)];
  for (const id of venueIds ?? []) {
    if (id !== LOBBY && !schedule.venues.some((v) => v.id === id)) {
      throw new NotFoundError(`venueIds: no venue with id ${id}`, 'venueIds');
    }
  }
  const startsAt = input.startsAt === undefined ? undefined : inputTime(input.startsAt, zone, 'startsAt');
  // A start already passed is simply "now": staff who type 14:00 at 14:00:20 mean at once.
  const from = startsAt === undefined ? now : Math.max(now, parseInstant(startsAt, zone));
  let expiresAt: string | undefined;
  if (input.expiresAt !== undefined) {
    expiresAt = inputTime(input.expiresAt, zone, 'expiresAt');
    if (parseInstant(expiresAt, zone) <= now) {
      throw new ValidationError(`expiresAt: must be in the future (now ${toVenueIso(now, zone)})`, 'expiresAt');
    }
    if (parseInstant(expiresAt, zone) <= from) {
      throw new ValidationError(`expiresAt: must be after startsAt (${startsAt})`, 'expiresAt');
    }
  } else if (input.expiresInMinutes !== undefined) {
    expiresAt = toVenueIso(from + input.expiresInMinutes * MINUTE, zone);
  }
  const announcement: Announcement = {
    id: uniqueId('ann', 'ann', (x) => schedule.announcements.some((a) => a.id === x)),
    text: input.text,
    ...withTranslations(input.translations),
    severity: input.severity,
    ...(venueIds && { venueIds }),
    ...(startsAt && parseInstant(startsAt, zone) > now && { startsAt }),
    ...(expiresAt && { expiresAt }),
  };
  return {
    operation: 'announcement.create',
    summary: describe(announcement, zone),
    params: {
      op: 'announcement.create',
      severity: announcement.severity,
      text: excerpt(announcement.text),
      ...(announcement.venueIds && { venueIds: announcement.venueIds }),
      ...(announcement.startsAt && { startsAt: announcement.startsAt }),
      ...(announcement.expiresAt && { expiresAt: announcement.expiresAt }),
    },
    ops: [{ type: 'announcement', announcement }],
    value: announcement,
  };
}

export function deleteAnnouncement(ctx: Context, id: string): PendingChange<{ id: string }> {
  const announcement = ctx.schedule.announcements.find((a) => a.id === id);
  if (!announcement) throw new NotFoundError(`no announcement with id ${id}`);
  return {
    operation: 'announcement.delete',
    summary: `Removed ${announcement.severity === 'urgent' ? 'urgent ' : ''}announcement: ${excerpt(announcement.text)}`,
    params: { op: 'announcement.delete', severity: announcement.severity, text: excerpt(announcement.text) },
    ops: [{ type: 'announcement-removed', id }],
    value: { id },
  };
}

/** Removes every announcement whose time is up, as one change; null when none is. */
export function expireAnnouncements(ctx: Context): PendingChange<string[]> | null {
  const zone = ctx.schedule.timezone;
  const expired = ctx.schedule.announcements.filter((a) => hasExpired(a, ctx.now, zone));
  if (expired.length === 0) return null;
  const summary =
    expired.length === 1
      ? `Announcement expired: ${excerpt(expired[0]!.text)}`
      : `${expired.length} announcements expired: ${expired.map((a) => excerpt(a.text, 40)).join('; ')}`;
  return {
    operation: 'announcement.expire',
    summary,
    params: { op: 'announcement.expire', texts: expired.map((a) => excerpt(a.text, expired.length === 1 ? 80 : 40)) },
    ops: expired.map((a) => ({ type: 'announcement-removed' as const, id: a.id })),
    value: expired.map((a) => a.id),
  };
}

/** Epoch ms of the earliest expiry among the live announcements. */
export function nextExpiry(ctx: Pick<Context, 'schedule'>): number | null {
  const zone = ctx.schedule.timezone;
  const times = ctx.schedule.announcements
    .filter((a) => a.expiresAt !== undefined)
    .map((a) => parseInstant(a.expiresAt!, zone));
  return times.length > 0 ? Math.min(...times) : null;
}
