/**
 * Which languages a screen shows: `?lang=` (with `&every=`) on its URL wins over what staff
 * assigned, which wins over what the screen stored for an offline restart.
 */
import type { Language } from '../../shared/languages.ts';
import {
  ROTATION_SECONDS,
  SINGLE_DEFAULT,
  parseScreenLanguages,
  type ScreenLanguages,
} from '../../shared/language-rotation.ts';

export function screenLanguages(search: string, assigned: ScreenLanguages | undefined): ScreenLanguages {
  return parseScreenLanguages(search) ?? assigned ?? SINGLE_DEFAULT;
}

/** Staff's choice as the fleet sends it; `language` alone comes from a server from before rotations. */
export function assignedLanguages(message: {
  language?: Language | undefined;
  languages?: Language[] | undefined;
  rotationSeconds?: number | undefined;
}): ScreenLanguages | undefined {
  const languages = message.languages ?? (message.language ? [message.language] : undefined);
  return languages && { languages, seconds: message.rotationSeconds ?? ROTATION_SECONDS.default };
}
