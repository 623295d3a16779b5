/** Creating, editing and deleting sessions. */
import { NewSessionInputSchema, SessionPatchSchema } from '../../shared/commands.ts';
import type { NewSessionInput, SessionPatch } from '../../shared/commands.ts';
import { SessionSchema, type Session } from '../../shared/model.ts';
import { agendaWithTranslations, withTranslations } from '../../shared/translations.ts';
import type { Context, PendingChange } from './change.ts';
import { assertNoClash } from './clash.ts';
import { ConflictError, ValidationError, validate } from '../platform/errors.ts';
import { uniqueId } from './new-ids.ts';
import { editOperation, editParams, editSummary } from './session-edits.ts';
import { checkOrder, checkWindow, checkVersion, inputTime, requireSession, requireVenue } from './rules.ts';
import { quote, slot } from './summaries.ts';

/** A session's title, room and slot, as the journal's parameters name them. */
function placed(session: Session) {
  return { title: session.title, venueId: session.venueId, start: session.start, end: session.end };
}

/** Last line of defence: the session we are about to store is a valid model Session. */
function checked(session: Session): Session {
  return validate(SessionSchema, session);
}

export function createSession(ctx: Context, raw: NewSessionInput): PendingChange<Session> {
  const input = validate(NewSessionInputSchema, raw);
  const { schedule } = ctx;
  const zone = schedule.timezone;
  if (input.id !== undefined && schedule.sessions.some((s) => s.id === input.id)) {
    throw new ConflictError(`id: a session with id ${input.id} already exists`, { reason: 'exists' }, 'id');
  }
  requireVenue(schedule, input.venueId);
  const start = inputTime(input.start, zone, 'start');
  const end = inputTime(input.end, zone, 'end');
  checkOrder(start, end, zone);
  checkWindow(schedule, { start, end });
  const id = input.id ?? uniqueId(input.title, 'session', (x) => schedule.sessions.some((s) => s.id === x));
  const session = checked({
    id,
    kind: input.kind ?? 'other',
    title: input.title,
    ...withTranslations(input.translations),
    start,
    end,
    venueId: input.venueId,
    organizers: input.organizers ?? { lead: '', partners: [] },
    ...(input.online && { online: input.online }),
    ...(input.agendaItems && { agendaItems: agendaWithTranslations(input.agendaItems) }),
    status: 'scheduled',
    planned: { start, end, venueId: input.venueId },
    version: 1,
  });
  assertNoClash(schedule, [session], input.force);
  return {
    operation: 'session.create',
    summary: `Added ${quote(session.title)} in ${session.venueId}, ${slot(session, zone, true)}`,
    params: { op: 'session.create', ...placed(session) },
    sessionId: id,
    ops: [{ type: 'session', session }],
    value: session,
  };
}

/** Sets a field, or removes it when the patch says null. */
function setOrClear<K extends 'online' | 'agendaItems' | 'currentAgendaItem'>(
  session: Session,
  key: K,
  value: Session[K] | null | undefined,
): void {
  if (value === undefined) return;
  if (value === null) delete session[key];
  else session[key] = value;
}

/**
 * The current agenda item must be one of the session's (resulting) agenda codes, or screens would
 * mark nothing. When an agenda edit drops the item that was current, the marker goes with it.
 */
function settleCurrentAgendaItem(session: Session, requested: string | null | undefined): void {
  const codes = (session.agendaItems ?? []).map((item) => item.code);
  const current = session.currentAgendaItem;
  if (current === undefined || codes.includes(current)) return;
  if (requested === undefined) {
    delete session.currentAgendaItem;
    return;
  }
  const reason =
    codes.length === 0
      ? `${quote(current)} cannot be current: ${quote(session.title)} has no agenda items`
      : `${quote(current)} is not on the agenda of ${quote(session.title)} (${codes.join(', ')})`;
  throw new ValidationError(`currentAgendaItem: ${reason}`, 'currentAgendaItem');
}

export function updateSession(ctx: Context, id: string, raw: SessionPatch): PendingChange<Session> {
  const patch = validate(SessionPatchSchema, raw);
  const { schedule } = ctx;
  const zone = schedule.timezone;
  const before = requireSession(schedule, id);
  checkVersion(before, patch.expectedVersion);
  if (patch.venueId !== undefined) requireVenue(schedule, patch.venueId);

  // `planned` is copied untouched: it records the first publication, never the edits.
  const after: Session = { ...before, version: before.version + 1 };
  if (patch.title !== undefined) after.title = patch.title;
  if (patch.translations !== undefined) {
    delete after.translations;
    Object.assign(after, withTranslations(patch.translations));
  }
  if (patch.venueId !== undefined) after.venueId = patch.venueId;
  if (patch.start !== undefined) after.start = inputTime(patch.start, zone, 'start');
  if (patch.end !== undefined) after.end = inputTime(patch.end, zone, 'end');
  if (patch.status !== undefined) after.status = patch.status;
  if (patch.kind !== undefined) after.kind = patch.kind;
  if (patch.organizers !== undefined) after.organizers = patch.organizers;
  setOrClear(after, 'online', patch.online);
  setOrClear(after, 'agendaItems', patch.agendaItems && agendaWithTranslations(patch.agendaItems));
  setOrClear(after, 'currentAgendaItem', patch.currentAgendaItem);
  settleCurrentAgendaItem(after, patch.currentAgendaItem);
  checkOrder(after.start, after.end, zone);
  if (patch.start !== undefined || patch.end !== undefined) checkWindow(schedule, after, id);
  checked(after);

  // Only a change of place, time or status can create a clash; a retitle of a session that
  // staff already forced into a shared room must not be refused.
  const slotChanged =
    after.venueId !== before.venueId ||
    after.start !== before.start ||
    after.end !== before.end ||
    after.status !== before.status;
  if (slotChanged) assertNoClash(schedule, [after], patch.force);

  return {
    operation: editOperation(before, after),
    summary: editSummary(before, after, zone),
    params: editParams(before, after),
    sessionId: id,
    ops: [{ type: 'session', session: after }],
    value: after,
  };
}

export function deleteSession(ctx: Context, id: string, expectedVersion?: number): PendingChange<{ id: string }> {
  const session = requireSession(ctx.schedule, id);
  checkVersion(session, expectedVersion);
  return {
    operation: 'session.delete',
    summary: `Deleted ${quote(session.title)} (${session.venueId}, ${slot(session, ctx.schedule.timezone, true)})`,
    params: { op: 'session.delete', ...placed(session) },
    sessionId: id,
    ops: [{ type: 'session-removed', id }],
    value: { id },
  };
}
