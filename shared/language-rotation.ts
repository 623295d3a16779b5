/**
 * A screen's languages: one, or two that take turns (a bilingual venue's English / French). The
 * bounds and the turn arithmetic live here, free of zod, because the door display imports them
 * within its JavaScript budget; screen-languages-schema.ts checks staff input against the same bounds.
 */
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages.ts';

/** Seconds each language stays on a door (and on a lobby of one page) before the other one. */
export const ROTATION_SECONDS = { min: 5, max: 60, default: 10 } as const;

/** One language, or two that alternate: three would keep a reader waiting too long for theirs. */
export const MAX_SCREEN_LANGUAGES = 2;

export interface ScreenLanguages {
  /** One or two distinct languages, the first shown first. */
  languages: readonly Language[];
  /** Seconds per language when there are two. */
  seconds: number;
}

export const SINGLE_DEFAULT: ScreenLanguages = { languages: [DEFAULT_LANGUAGE], seconds: ROTATION_SECONDS.default };

/** Whole seconds within the bounds; anything that is not a number gets the default. */
export function clampSeconds(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return ROTATION_SECONDS.default;
  return Math.min(ROTATION_SECONDS.max, Math.max(ROTATION_SECONDS.min, Math.round(value)));
}

/**
 * Reads `lang=en,fr&every=15` (a screen's URL, or what it stored for an offline restart). Unknown
 * codes and repeats are dropped and a third language is ignored; undefined when no language is left.
 */
export function parseScreenLanguages(search: string): ScreenLanguages | undefined {
  const params = new URLSearchParams(search);
  const languages = [...new Set((params.get('lang') ?? '').split(','))].filter(isLanguage);
  if (languages.length === 0) return undefined;
  return { languages: languages.slice(0, MAX_SCREEN_LANGUAGES), seconds: clampSeconds(Number(params.get('every'))) };
}

export function screenLanguagesQuery({ languages, seconds }: ScreenLanguages): string {
  return `lang=${languages.join(',')}&every=${seconds}`;
}

/**
 * Which of the languages shows at a real instant, turning every `periodMs`. Counted from the epoch
 * rather than from the page load, so two screens side by side always show the same language, and
 * a lobby's turn count is the same one its pages follow (display/logic/paging.ts).
 */
export function languageIndexAt(realNow: number, periodMs: number, count: number): number {
  if (count <= 1 || !(periodMs > 0)) return 0;
  return Math.floor(realNow / periodMs) % count;
}
