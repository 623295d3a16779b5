/** Room clashes as domain errors; the rule itself is shared/clash.ts, which the panel uses too. */
import type { Schedule, Session } from '../../shared/model.ts';
import { clashText, findRoomHolder } from '../../shared/clash.ts';
import { parseInstant } from '../../shared/time-parse.ts';
import { ConflictError } from '../platform/errors.ts';

/**
 * The first live session of `schedule` that would share a room with `candidate`. Sessions in
 * `ignore` (those moving in the same change) and the candidate itself are left out.
 */
export function findClash(
  schedule: Schedule,
  candidate: Session,
  ignore: ReadonlySet<string> = new Set(),
): Session | undefined {
  if (candidate.status === 'cancelled') return undefined;
  const zone = schedule.timezone;
  const placement = {
    id: candidate.id,
    venueId: candidate.venueId,
    start: parseInstant(candidate.start, zone),
    end: parseInstant(candidate.end, zone),
  };
  return findRoomHolder(schedule, placement, ignore);
}

/** "CR3 is already taken by “X” on Monday 14 October 13:00–14:00" */
export function clashMessage(candidate: Session, clash: Session, zone: string): string {
  return clashText(candidate.venueId, clash, zone, true);
}

export function clashDetails(clash: Session): Record<string, unknown> {
  return { reason: 'clash', clash: { id: clash.id, title: clash.title, start: clash.start, end: clash.end } };
}

/** Throws a 409 naming the clashing session, unless the caller forces the change. */
export function assertNoClash(schedule: Schedule, candidates: Session[], force: boolean | undefined): void {
  if (force) return;
  const moving = new Set(candidates.map((s) => s.id));
  for (const candidate of candidates) {
    const clash = findClash(schedule, candidate, moving);
    if (clash) {
      throw new ConflictError(
        `${clashMessage(candidate, clash, schedule.timezone)}; send force: true to keep both`,
        clashDetails(clash),
      );
    }
  }
}
