/** ICU-like plural choice through Intl.PluralRules: the catalogue gives a form per CLDR category. */
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
