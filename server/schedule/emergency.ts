/** The emergency message: one action takes over every screen, one action gives them back. */
import { EmergencyInputSchema } from '../../shared/commands.ts';
import type { Emergency } from '../../shared/model.ts';
import { toVenueIso } from '../../shared/time.ts';
import type { Context, PendingChange } from './change.ts';
import { ConflictError } from '../platform/errors.ts';
import { validate } from '../platform/errors.ts';
import { excerpt } from './summaries.ts';

export function setEmergency(ctx: Context, text: string): PendingChange<Emergency> {
  const input = validate(EmergencyInputSchema, { text });
  const emergency: Emergency = { text: input.text, since: toVenueIso(ctx.now, ctx.schedule.timezone) };
  const verb = ctx.schedule.emergency ? 'Emergency message changed' : 'Emergency message on';
  return {
    operation: 'emergency.set',
    summary: `${verb}: ${excerpt(emergency.text)}`,
    params: { op: 'emergency.set', text: excerpt(emergency.text), changed: ctx.schedule.emergency !== null },
    ops: [{ type: 'emergency', emergency }],
    value: emergency,
  };
}

export function clearEmergency(ctx: Context): PendingChange<null> {
  if (!ctx.schedule.emergency) {
    throw new ConflictError('no emergency message is active', { reason: 'no-emergency' });
  }
  return {
    operation: 'emergency.clear',
    summary: 'Emergency message off',
    params: { op: 'emergency.clear' },
    ops: [{ type: 'emergency', emergency: null }],
    value: null,
  };
}
