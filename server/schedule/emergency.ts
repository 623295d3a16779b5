/** The emergency message: one action takes over every screen, one action gives them back. */
import { EmergencyInputSchema, type EmergencyInput } from '../../shared/commands.ts';
import type { Emergency } from '../../shared/model.ts';
import { toVenueIso } from '../../shared/time.ts';
import { translatedLanguages, withTranslations } from '../../shared/translations.ts';
import type { Context, PendingChange } from './change.ts';
import { ConflictError } from '../platform/errors.ts';
import { validate } from '../platform/errors.ts';
import { excerpt } from './summaries.ts';

/** Puts a message on every screen: `input` is `{ text, translations? }` (or just the text). */
export function setEmergency(ctx: Context, raw: EmergencyInput | string): PendingChange<Emergency> {
  const input = validate(EmergencyInputSchema, typeof raw === 'string' ? { text: raw } : raw);
  const emergency: Emergency = {
    text: input.text,
    ...withTranslations(input.translations),
    since: toVenueIso(ctx.now, ctx.schedule.timezone),
  };
  const verb = ctx.schedule.emergency ? 'Emergency message changed' : 'Emergency message on';
  const languages = translatedLanguages(emergency.translations);
  return {
    operation: 'emergency.set',
    summary: `${verb}: ${excerpt(emergency.text)}${languages.length ? ` (also in ${languages.join(', ')})` : ''}`,
    params: {
      op: 'emergency.set',
      text: excerpt(emergency.text),
      changed: ctx.schedule.emergency !== null,
      ...(languages.length > 0 && { languages }),
    },
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
