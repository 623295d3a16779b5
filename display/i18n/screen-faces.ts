/**
 * Keeps a screen's font slices ahead of its schedule: at each new revision, the characters its
 * text can show in each of its languages (screen-text.ts) that no earlier load asked for are
 * fetched, so the titles of later sessions, a title translated since, or the other half of a
 * bilingual rotation are drawn from the cache once the server is out of reach.
 */
import type { Language } from '../../shared/languages.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import type { Schedule } from '../../shared/model.ts';
import type { DisplayRoute } from '../data/route.ts';
import { loadFaces } from './fonts.ts';
import { screenText } from './screen-text.ts';

export class ScreenFaces {
  /** Characters asked for per language; the catalogue's are loaded with the language itself. */
  private readonly requested = new Map<Language, Set<string>>();
  private followed = '';

  /** True when it fetched something (the service worker is then told to keep it). */
  async follow(schedule: Schedule, route: DisplayRoute, catalogues: readonly Messages[]): Promise<boolean> {
    const key = [schedule.scheduleId, schedule.revision, JSON.stringify(route), ...catalogues.map((m) => m.language)];
    if (key.join(' ') === this.followed) return false;
    this.followed = key.join(' ');
    const loads = catalogues.map(({ language }) => {
      const asked = this.requested.get(language) ?? new Set<string>();
      this.requested.set(language, asked);
      const fresh = [...new Set(screenText(schedule, route, language))].filter((c) => !asked.has(c) && c.trim());
      if (fresh.length === 0) return Promise.resolve(false);
      for (const character of fresh) asked.add(character);
      return loadFaces(language, fresh.join('')).then(
        () => true,
        () => {
          // Not fetched (the server out of reach): asked again with the next revision.
          for (const character of fresh) asked.delete(character);
          return false;
        },
      );
    });
    return (await Promise.all(loads)).some(Boolean);
  }
}
