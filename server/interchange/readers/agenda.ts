/**
 * Plenary rows list their agenda items run together on one line:
 * "Item 1 (a). Opening of the session Item 1 (b). Election of officers …".
 */
import type { AgendaItem } from '../../../shared/model.ts';

/** "Item 2." or "Item 1 (a)." followed by the item's title. Capital I: titles say "item" in prose. */
const ITEM = /\bItem\s+(\d+)(?:\s*\(\s*([a-z]{1,4})\s*\))?\s*\.(?:\s+|$)/g;

export interface ParsedAgenda {
  /** Text before the first item (e.g. "Informal consultations"); empty for a pure agenda row. */
  lead: string;
  items: AgendaItem[];
}

export function parseAgendaItems(text: string): ParsedAgenda {
  const matches = [...text.matchAll(ITEM)];
  const first = matches[0];
  if (!first) return { lead: text.trim(), items: [] };
  const items = matches.map((m, i) => {
    const next = matches[i + 1];
    const title = text.slice(m.index + m[0].length, next ? next.index : text.length).trim();
    return { code: m[2] ? `${m[1]} (${m[2]})` : m[1]!, title };
  });
  return { lead: text.slice(0, first.index).trim(), items };
}

/**
 * The readable title of a plenary meeting, in the UN's own way of citing agenda items:
 * "Plenary: Item 1 (f)", "Plenary: Items 1 (a)–(f)", "Plenary: Items 2 (b) and (c)",
 * "Plenary: Items 6 and 7". We chose codes over the first item's title because a room's door
 * display shows the meeting for three hours: the full list is in agendaItems, and staff mark the
 * item under discussion with currentAgendaItem.
 */
export function plenaryTitle(agenda: ParsedAgenda): string {
  const { lead, items } = agenda;
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return lead || 'Plenary meeting';
  if (lead) return lead;
  if (items.length === 1) return `Plenary: Item ${first.code}`;
  const joiner = items.length === 2 ? ' and ' : '–';
  return `Plenary: Items ${first.code}${joiner}${shortCode(last.code, first.code)}`;
}

/** "1 (f)" after "1 (a)" is written "(f)". */
function shortCode(code: string, previous: string): string {
  const [number, letter] = code.split(' ');
  const [previousNumber, previousLetter] = previous.split(' ');
  return letter && previousLetter && number === previousNumber ? letter : code;
}
