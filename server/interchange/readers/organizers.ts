/**
 * "TITLE Organized by LEAD, with PARTNER, PARTNER" → title, lead and partners.
 *
 * Partners are separated by commas outside parentheses only: "Bolivia (Plurinational State of)"
 * and "Cellule Nationale … (CNLTP, Senegal)" are one partner each, and "and" is never a separator
 * ("… Environment and the Global Initiative …" is one name). The lead runs up to the first
 * ", with " because leads contain commas too ("African Center for Governance, Asset Recovery
 * and Sustainable Development, with …").
 */
import type { Organizers } from '../../../shared/model.ts';

/** Case-sensitive on purpose: titles are in capitals and may contain "ORGANIZED CRIME". */
const ORGANIZED_BY = /\bOrgani[sz]ed by\b/g;

export function splitTitleAndOrganizers(text: string): { title: string; organizers: Organizers } {
  const matches = [...text.matchAll(ORGANIZED_BY)];
  const last = matches.at(-1);
  if (!last) return { title: text.trim(), organizers: { lead: '', partners: [] } };
  const title = text.slice(0, last.index).trim();
  const organizers = parseOrganizers(text.slice(last.index + last[0].length));
  return { title, organizers };
}

/** "X, with A, B" (the part after "Organized by"). */
export function parseOrganizers(text: string): Organizers {
  const clean = text.trim().replace(/[.;]$/, '').trim();
  const withAt = indexOutsideParentheses(clean, /^,\s*with\s/i);
  if (withAt < 0) return { lead: clean, partners: [] };
  const lead = clean.slice(0, withAt).trim();
  const rest = clean.slice(withAt).replace(/^,\s*with\s+/i, '');
  return { lead, partners: splitOutsideParentheses(rest) };
}

/** Splits on commas at parenthesis depth 0; drops empty pieces. */
export function splitOutsideParentheses(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Index of the first position at depth 0 where `pattern` matches the rest of the text; -1 if none. */
function indexOutsideParentheses(text: string, pattern: RegExp): number {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '(') depth += 1;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && ch === ',' && pattern.test(text.slice(i))) return i;
  }
  return -1;
}
