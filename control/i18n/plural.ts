/**
 * Plural forms through the platform's CLDR rules (Intl.PluralRules), so Russian's one/few/many
 * and Arabic's six forms need no table of our own. `#` in a form is the formatted number.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rulesByLanguage = new Map<string, Intl.PluralRules>();

export function plural(language: string, count: number, forms: PluralForms): string {
  let rules = rulesByLanguage.get(language);
  if (!rules) rulesByLanguage.set(language, (rules = new Intl.PluralRules(language)));
  const form = forms[rules.select(count)] ?? forms.other;
  return form.replaceAll('#', new Intl.NumberFormat(language).format(count));
}
