/**
 * A VEVENT's title and its translations. RFC 5545 lets SUMMARY carry a LANGUAGE parameter
 * (`SUMMARY;LANGUAGE=fr:Ouverture`), and multilingual feeds repeat SUMMARY once per language.
 * The original is the first SUMMARY without LANGUAGE, else the first one; every other SUMMARY
 * whose LANGUAGE is one of ours ("fr", "fr-CH") is that language's title. One SUMMARY alone is
 * the title, whatever its LANGUAGE says.
 */
import type ICAL from 'ical.js';
import { matchLanguage } from '../../../shared/languages.ts';
import type { Session } from '../../../shared/model.ts';
import { withTranslations } from '../../../shared/translations.ts';

type Component = InstanceType<typeof ICAL.Component>;

export function eventTitles(component: Component): { title: string } & Pick<Session, 'translations'> {
  const summaries = component
    .getAllProperties('summary')
    .map((property) => {
      const value = property.getFirstValue();
      const language = property.getParameter('language');
      return {
        text: typeof value === 'string' ? value.trim() : '',
        language: typeof language === 'string' ? language : undefined,
      };
    })
    .filter((summary) => summary.text !== '');
  const original = summaries.find((s) => s.language === undefined) ?? summaries[0];
  if (!original) return { title: '' };
  const found: NonNullable<Session['translations']> = {};
  const originalLanguage = matchLanguage(original.language);
  for (const summary of summaries) {
    const language = matchLanguage(summary.language);
    if (summary === original || !language || language === originalLanguage || found[language]) continue;
    found[language] = { title: summary.text };
  }
  return { title: original.text, ...withTranslations(found) };
}
