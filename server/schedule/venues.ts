/**
 * Staff edits of a venue (name, building, floor, directions) and of the schedule-wide display
 * settings. Both are ordinary changes: one delta op, a journal entry, undoable like any other.
 */
import { SettingsPatchSchema, VenuePatchSchema } from '../../shared/commands.ts';
import type { SettingsPatch, VenuePatch } from '../../shared/commands.ts';
import { VenueSchema, type ScheduleSettings, type Venue } from '../../shared/model.ts';
import type { Context, PendingChange } from './change.ts';
import { ConflictError, validate } from '../platform/errors.ts';
import { requireVenue } from './rules.ts';
import { sameJson } from '../../shared/json.ts';

const OPTIONAL_FIELDS = ['building', 'floor', 'directions'] as const;

export function updateVenue(ctx: Context, id: string, raw: VenuePatch): PendingChange<Venue> {
  const patch = validate(VenuePatchSchema, raw);
  const before = requireVenue(ctx.schedule, id, 'id');
  const venue: Venue = { ...before, ...(patch.name !== undefined && { name: patch.name }) };
  for (const field of OPTIONAL_FIELDS) {
    const value = patch[field];
    if (value === null) delete venue[field];
    else if (value !== undefined) venue[field] = value;
  }
  const changed = [...(['name'] as const), ...OPTIONAL_FIELDS].filter((field) => before[field] !== venue[field]);
  if (changed.length === 0) {
    throw new ConflictError(`venue ${id} already reads like that`, { reason: 'unchanged' });
  }
  return {
    operation: 'venue.update',
    summary: `Venue ${id}: ${changed.map((field) => `${field} ${venue[field] ? `“${venue[field]}”` : 'cleared'}`).join(', ')}`,
    params: {
      op: 'venue.update',
      venueId: id,
      fields: changed.map((field) => ({ field, value: venue[field] ?? null })),
    },
    ops: [{ type: 'venue', venue: validate(VenueSchema, venue) }],
    value: venue,
  };
}

const STYLE_WORDS = { 'as-written': 'as written', 'title-case': 'in title case' } as const;

export function updateSettings(ctx: Context, raw: SettingsPatch): PendingChange<ScheduleSettings> {
  const patch = validate(SettingsPatchSchema, raw);
  const settings: ScheduleSettings = { ...ctx.schedule.settings, ...patch };
  if (sameJson(settings, ctx.schedule.settings ?? {})) {
    throw new ConflictError(`titles are already shown ${STYLE_WORDS[patch.titleStyle]}`, { reason: 'unchanged' });
  }
  return {
    operation: 'settings.update',
    summary: `Titles shown ${STYLE_WORDS[patch.titleStyle]}`,
    params: { op: 'settings.update', titleStyle: patch.titleStyle },
    ops: [{ type: 'settings', settings }],
    value: settings,
  };
}
