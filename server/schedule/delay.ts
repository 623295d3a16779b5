/**
 * Delaying (or bringing forward) a session, optionally with the rest of its room's day: the
 * usual "everything in CR3 runs 15 minutes late" in one change and one undo.
 */
import { DelayInputSchema, type DelayInput } from '../../shared/commands.ts';
import type { Session } from '../../shared/model.ts';
import { MINUTE, toVenueIso, venueDay } from '../../shared/time.ts';
import { parseInstant } from '../../shared/time-parse.ts';
import type { Context, PendingChange } from './change.ts';
import { assertNoClash } from './clash.ts';
import { ConflictError, validate } from '../platform/errors.ts';
import { checkVersion, requireSession } from './rules.ts';
import { clock, quote } from './summaries.ts';

export function delaySession(ctx: Context, id: string, raw: DelayInput): PendingChange<Session[]> {
  const input = validate(DelayInputSchema, raw);
  const { schedule } = ctx;
  const zone = schedule.timezone;
  const session = requireSession(schedule, id);
  checkVersion(session, input.expectedVersion);
  if (session.status === 'cancelled') {
    throw new ConflictError(`${quote(session.title)} is cancelled; reinstate it before delaying it`, {
      reason: 'cancelled',
    });
  }

  const start = parseInstant(session.start, zone);
  const day = venueDay(start, zone);
  const following = input.shiftFollowing
    ? schedule.sessions
        .filter(
          (s) =>
            s.id !== id &&
            s.venueId === session.venueId &&
            s.status !== 'cancelled' &&
            parseInstant(s.start, zone) >= start &&
            venueDay(parseInstant(s.start, zone), zone) === day,
        )
        .sort((a, b) => parseInstant(a.start, zone) - parseInstant(b.start, zone))
    : [];

  const shift = input.minutes * MINUTE;
  const moved = [session, ...following].map((s): Session => ({
    ...s,
    start: toVenueIso(parseInstant(s.start, zone) + shift, zone),
    end: toVenueIso(parseInstant(s.end, zone) + shift, zone),
    version: s.version + 1,
  }));
  // The shifted sessions keep their order among themselves, so only the sessions left in place
  // (earlier ones, or another day's) can be run into.
  assertNoClash(schedule, moved, input.force);

  const verb = input.minutes > 0 ? 'Delayed' : 'Brought forward';
  const others = following.length > 0 ? ` and ${following.length} following in ${session.venueId}` : '';
  const delayed = moved[0]!;
  return {
    operation: 'session.delay',
    summary: `${verb} ${quote(session.title)} by ${Math.abs(input.minutes)} min (now ${clock(delayed.start, zone)})${others}`,
    params: {
      op: 'session.delay',
      title: session.title,
      minutes: input.minutes,
      start: delayed.start,
      venueId: session.venueId,
      following: following.length,
    },
    sessionId: id,
    ops: moved.map((s) => ({ type: 'session' as const, session: s })),
    value: moved,
  };
}
