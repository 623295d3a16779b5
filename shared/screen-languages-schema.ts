/**
 * Staff's choice of a screen's languages, checked by the fleet route (400 naming the field) and by
 * the panel's screen editor (a message next to the field) with this one schema.
 */
import { z } from 'zod';
import { LANGUAGES } from './languages.ts';
import { MAX_SCREEN_LANGUAGES, ROTATION_SECONDS } from './language-rotation.ts';

export const ScreenLanguage = z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` });

export const ScreenLanguageList = z
  .array(ScreenLanguage, { error: 'must be a list of one or two language codes' })
  .min(1, 'must name at least one language')
  .max(MAX_SCREEN_LANGUAGES, 'must name one language, or two that take turns')
  .refine((languages) => new Set(languages).size === languages.length, 'must name two different languages');

export const RotationSeconds = z
  .int({ error: 'must be a whole number of seconds' })
  .min(ROTATION_SECONDS.min, `must be at least ${ROTATION_SECONDS.min} seconds`)
  .max(ROTATION_SECONDS.max, `must be at most ${ROTATION_SECONDS.max} seconds`);

export const ScreenLanguagesSchema = z.strictObject({
  languages: ScreenLanguageList,
  rotationSeconds: RotationSeconds.optional(),
});
export type ScreenLanguagesInput = z.infer<typeof ScreenLanguagesSchema>;
