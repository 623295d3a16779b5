/**
 * Importing a schedule file into the live schedule, in two steps staff can follow:
 *   planImport   (pure) what the file would change: sessions added, missing from the file,
 *                moved, retimed, otherwise changed, and how many stay as they are;
 *   importChange (pure) that plan as ONE pending change, which the service commits as one
 *                revision and one journal entry ("Imported schedule: +3, −1, 2 moved").
 *
 * File sessions are matched to live ones by id, else by title (import-match.ts). Sessions
 * the file lacks are cancelled, not deleted (or kept, on request), so screens can still say
 * "Cancelled" and undo brings them back. Only the fields the file's format carries are taken
 * over; planned times stay as first published. Undo is the generic one (change.ts).
 */
import { sameJson } from '../../shared/json.ts';
import {
  ConferenceSchema,
  SessionSchema,
  type Programme,
  type Schedule,
  type Session,
  type Venue,
} from '../../shared/model.ts';
import type { ImportCounts, ImportedField, ImportPlan, MissingSessions, PlanChange } from '../../shared/import-plan.ts';
import type { DeltaOp } from '../../shared/protocol.ts';
import { normaliseIso, parseInstant } from '../../shared/time-parse.ts';
import type { Context, PendingChange } from '../schedule/change.ts';
import { clashMessage } from '../schedule/clash.ts';
import { ConflictError, ValidationError } from '../platform/errors.ts';
import { matchSessions } from './import-match.ts';
import { validate } from '../platform/errors.ts';

/** A schedule file as the importers read it, with the fields its format carries. */
export interface ImportedSchedule {
  format: string;
  fields: readonly ImportedField[];
  programme: Programme;
  warnings: Array<{ line: number; message: string }>;
}

/** Imported venue id → live venue id: same id, else same name, else a venue to add. */
function mapVenues(schedule: Schedule, venues: Venue[], warnings: ImportPlan['warnings']) {
  const ids = new Map<string, string>();
  const added: Venue[] = [];
  for (const venue of venues) {
    const live =
      schedule.venues.find((v) => v.id === venue.id) ??
      schedule.venues.find((v) => v.name.toLowerCase() === venue.name.toLowerCase());
    if (live && live.id === venue.id && (live.name !== venue.name || live.kind !== venue.kind)) {
      warnings.push({
        message: `venue ${live.id} is “${venue.name}” (${venue.kind}) in the file; it stays “${live.name}” (${live.kind})`,
      });
    }
    ids.set(venue.id, live?.id ?? venue.id);
    if (!live) added.push(venue);
  }
  return { ids, added };
}

/**
 * normaliseIso, remembered per string: a file repeats the same few hundred times across thousands
 * of sessions, and luxon's zone lookups were most of planning a 2 MB file.
 */
function isoNormaliser(zone: string): (iso: string) => string {
  const known = new Map<string, string>();
  return (iso) => {
    let normal = known.get(iso);
    if (normal === undefined) known.set(iso, (normal = normaliseIso(iso, zone)));
    return normal;
  };
}

/** The file's session in live terms: live venue ids, times in the live zone's offsets. */
function localise(
  session: Session,
  venueIds: Map<string, string>,
  normalise: (iso: string) => string,
  known: Set<string>,
): Session {
  const venueId = venueIds.get(session.venueId) ?? session.venueId;
  const start = normalise(session.start);
  const end = normalise(session.end);
  const plannedVenue = venueIds.get(session.planned.venueId) ?? session.planned.venueId;
  const planned = known.has(plannedVenue)
    ? { start: normalise(session.planned.start), end: normalise(session.planned.end), venueId: plannedVenue }
    : { start, end, venueId };
  return { ...session, start, end, venueId, planned };
}

function target(live: Session, file: Session, fields: readonly ImportedField[]): Session {
  const after: Record<string, unknown> = { ...live };
  for (const field of fields) {
    if (file[field] === undefined) delete after[field];
    else after[field] = file[field];
  }
  return after as Session;
}

export function planImport(
  schedule: Schedule,
  imported: ImportedSchedule,
  missing: MissingSessions = 'cancel',
): ImportPlan {
  const zone = schedule.timezone;
  const warnings: ImportPlan['warnings'] = [...imported.warnings];
  if (imported.programme.timezone !== zone) {
    warnings.push({
      message: `the file is in ${imported.programme.timezone}; its times are shown in the venue's zone ${zone}`,
    });
  }
  const venues = mapVenues(schedule, imported.programme.venues, warnings);
  const known = new Set([...schedule.venues, ...venues.added].map((v) => v.id));
  const normalise = isoNormaliser(zone);
  const files = imported.programme.sessions.map((s) => localise(s, venues.ids, normalise, known));

  const matched = matchSessions(schedule.sessions, files, zone);
  const taken = new Set([...matched.values()].map((m) => m.live.id));

  const plan: ImportPlan = {
    format: imported.format,
    baseRevision: schedule.revision,
    added: files.filter((f) => !matched.has(f)).map((f) => ({ ...f, version: 1 })),
    removed: schedule.sessions.filter((s) => !taken.has(s.id) && s.status !== 'cancelled'),
    moved: [],
    retimed: [],
    changed: [],
    unchanged: 0,
    venuesAdded: venues.added,
    translated: files.filter((f) => f.translations !== undefined).length,
    missing,
    warnings,
  };
  // As a seed from the file does (--programme): the conference it names comes along.
  const conference = imported.programme.conference;
  if (conference && !sameJson(conference, schedule.conference ?? null)) {
    plan.conference = { before: schedule.conference ?? null, after: conference };
  }
  for (const [file, { live, by }] of matched) {
    const after = target(live, file, imported.fields);
    const fields = imported.fields.filter((f) => !sameJson(live[f], after[f]));
    const change: PlanChange = { id: live.id, matchedBy: by, fields, before: live, after };
    if (fields.length === 0) plan.unchanged += 1;
    else if (fields.includes('venueId')) plan.moved.push(change);
    else if (fields.includes('start') || fields.includes('end')) plan.retimed.push(change);
    else plan.changed.push(change);
  }
  warnings.push(...clashWarnings(schedule, plan));
  return plan;
}

/** The plan as delta ops against the live schedule (versions raised, missing ones cancelled). */
function opsOf(schedule: Schedule, plan: ImportPlan): DeltaOp[] {
  const byId = new Map(schedule.sessions.map((s) => [s.id, s]));
  const live = (id: string): Session => {
    const session = byId.get(id);
    if (!session)
      throw new ConflictError(`session ${id} no longer exists; preview the import again`, { reason: 'stale' });
    return session;
  };
  const sessions: Session[] = [
    ...plan.added.map((s) => ({ ...s, version: 1 })),
    ...[...plan.moved, ...plan.retimed, ...plan.changed].map((c) => ({ ...c.after, version: live(c.id).version + 1 })),
    ...(plan.missing === 'cancel'
      ? plan.removed.map((s) => ({ ...live(s.id), status: 'cancelled' as const, version: live(s.id).version + 1 }))
      : []),
  ];
  return [
    ...plan.venuesAdded.map((venue): DeltaOp => ({ type: 'venue', venue })),
    ...sessions.map((s): DeltaOp => ({ type: 'session', session: validate(SessionSchema, s) })),
    ...(plan.conference
      ? [{ type: 'conference', conference: validate(ConferenceSchema, plan.conference.after) } satisfies DeltaOp]
      : []),
  ];
}

/** Rooms the import would double-book: staff see them in the preview (the import still applies). */
function clashWarnings(schedule: Schedule, plan: ImportPlan): Array<{ message: string }> {
  // The schedule as the plan leaves it, by id: applyDelta copies the session list once per op,
  // quadratic for a file of 12,000 new sessions. The plan's ops are only sessions, venues and the
  // conference, each replacing the one with its id.
  const sessionsAfter = new Map(schedule.sessions.map((s) => [s.id, s]));
  const venuesAfter = new Map(schedule.venues.map((v) => [v.id, v]));
  for (const op of opsOf(schedule, plan)) {
    if (op.type === 'session') sessionsAfter.set(op.session.id, op.session);
    else if (op.type === 'venue') venuesAfter.set(op.venue.id, op.venue);
  }
  const after = { sessions: [...sessionsAfter.values()], venues: [...venuesAfter.values()] };
  const touched = new Set([...plan.added, ...plan.moved, ...plan.retimed, ...plan.changed].map((s) => s.id));
  const rooms = new Set(after.venues.filter((v) => v.kind === 'room').map((v) => v.id));
  const instants = new Map<string, number>();
  const instantOf = (iso: string): number => {
    let instant = instants.get(iso);
    if (instant === undefined) instants.set(iso, (instant = parseInstant(iso, schedule.timezone)));
    return instant;
  };
  // One sweep per room over its sessions in start order (each time parsed once): comparing every
  // touched session with every other was quadratic, minutes for a file of 11,000 events.
  const byRoom = new Map<string, Array<{ session: Session; start: number; end: number }>>();
  for (const session of after.sessions) {
    if (session.status === 'cancelled' || !rooms.has(session.venueId)) continue;
    const slot = {
      session,
      start: instantOf(session.start),
      end: instantOf(session.end),
    };
    const list = byRoom.get(session.venueId);
    if (list) list.push(slot);
    else byRoom.set(session.venueId, [slot]);
  }
  const warnings: Array<{ message: string }> = [];
  for (const slots of byRoom.values()) {
    slots.sort((a, b) => a.start - b.start);
    let latest: (typeof slots)[number] | undefined;
    for (const slot of slots) {
      const holder = latest && latest.end > slot.start ? latest.session : undefined;
      if (holder && (touched.has(slot.session.id) || touched.has(holder.id))) {
        const session = touched.has(slot.session.id) ? slot.session : holder;
        const clash = session === holder ? slot.session : holder;
        warnings.push({
          message: `${clashMessage(session, clash, schedule.timezone)}: “${session.title}” would share the room`,
        });
      }
      if (!latest || slot.end > latest.end) latest = slot;
    }
  }
  return warnings;
}

export function countsOf(plan: ImportPlan): ImportCounts {
  return {
    added: plan.added.length,
    cancelled: plan.missing === 'cancel' ? plan.removed.length : 0,
    moved: plan.moved.length,
    retimed: plan.retimed.length,
    changed: plan.changed.length,
    unchanged: plan.unchanged,
    venuesAdded: plan.venuesAdded.length,
    ...(plan.conference && { conference: true as const }),
  };
}

/** "Imported schedule: +3, −1, 2 moved, 1 retimed, 4 changed" (zero counts left out). */
export function importSummary(counts: ImportCounts): string {
  const parts = [
    counts.added && `+${counts.added}`,
    counts.cancelled && `−${counts.cancelled}`,
    counts.moved && `${counts.moved} moved`,
    counts.retimed && `${counts.retimed} retimed`,
    counts.changed && `${counts.changed} changed`,
    counts.venuesAdded && `${counts.venuesAdded} new ${counts.venuesAdded === 1 ? 'venue' : 'venues'}`,
    counts.conference && 'conference details',
  ].filter(Boolean);
  return `Imported schedule: ${parts.join(', ') || 'no changes'}`;
}

export function importChange(ctx: Context, plan: ImportPlan): PendingChange<ImportCounts> {
  const { schedule } = ctx;
  if (plan.baseRevision !== schedule.revision) {
    throw new ConflictError(
      `the schedule changed since the preview (now revision ${schedule.revision}, the preview was of revision ${plan.baseRevision}); preview the file again`,
      { reason: 'stale', revision: schedule.revision },
      'expectedRevision',
    );
  }
  const ops = opsOf(schedule, plan);
  if (ops.length === 0) throw new ValidationError('nothing to import: the file matches the live schedule');
  const counts = countsOf(plan);
  const { added, cancelled, moved, retimed, changed, venuesAdded } = counts;
  const params = {
    op: 'schedule.import' as const,
    ...{ added, cancelled, moved, retimed, changed, venuesAdded },
    conference: counts.conference === true,
  };
  return { operation: 'schedule.import', summary: importSummary(counts), params, ops, value: counts };
}
