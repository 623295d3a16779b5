/**
 * axe-core's serious and critical violations of a page as it is now: what the screen and panel
 * accessibility tests assert on. The page needs `bypassCSP` (our CSP rightly refuses the injected
 * script).
 *
 * Only serious and critical violations fail a test, so the rules that can only ever report minor
 * or moderate ones (landmarks, heading order, region…) are switched off: a rule's violation takes
 * the highest impact of its failing checks, or the rule's own impact where it sets one, so a rule
 * none of whose checks can be serious never decides a test. Every other rule runs as axe runs it
 * by default. Read from the axe build itself, so a new axe version decides afresh; where its
 * metadata is not what we read, every rule runs.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

export async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    type CheckRef = string | { id: string };
    type Rule = { id: string; impact?: string; any: CheckRef[]; all: CheckRef[]; none: CheckRef[] };
    const axe = (window as any).axe;
    const rules: Rule[] | undefined = axe._audit?.rules;
    const checks: Record<string, { impact?: string }> | undefined = axe._audit?.data?.checks;
    const decides = (impact: string | undefined) =>
      impact === undefined || impact === 'serious' || impact === 'critical';
    const neverSerious = (rule: Rule) => {
      if (rule.impact) return !decides(rule.impact);
      const ids = [...rule.any, ...rule.all, ...rule.none].map((check) =>
        typeof check === 'string' ? check : check.id,
      );
      return ids.length > 0 && ids.every((id) => checks?.[id] && !decides(checks[id].impact));
    };
    const off = rules && checks ? rules.filter(neverSerious).map((rule) => [rule.id, { enabled: false }]) : [];
    const result = await axe.run(document, { resultTypes: ['violations'], rules: Object.fromEntries(off) });
    return result.violations as Violation[];
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A violation in one line: the rule, its impact, what it asks for and where. */
export function describeViolation(v: Violation): string {
  return `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`;
}

export function describeViolations(violations: Violation[]): string {
  return violations.map(describeViolation).join('\n');
}
