/**
 * Plural forms through the platform's CLDR rules (Intl.PluralRules), so Russian's one/few/many and
 * Arabic's six forms need no table of our own; screens and panel catalogues both use it. `#` in a
 * form is the number, formatted for the language.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rulesByLocale = new Map<string, Intl.PluralRules>();

/** The form for `count` in `locale`, with `#` replaced by the number. */
export function plural(locale: string, count: number, forms: PluralForms): string {
  let rules = rulesByLocale.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesByLocale.set(locale, rules);
  }
  const form = forms[rules.select(count)] ?? forms.other;
  return form.replaceAll('#', count.toLocaleString(locale));
}

/** "10 minutes", "10 دقائق", "2 мегабайта": a count of a unit in the language's own plural form. */
export function unitAmount(locale: string, unit: 'minute' | 'second' | 'megabyte', count: number): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(count);
}
