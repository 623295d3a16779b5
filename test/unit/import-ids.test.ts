// Session ids survive re-imports: same input → same ids; one edited row changes only its own id.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUnProgramme } from '../../server/interchange/readers/un-programme.ts';

const text = readFileSync(new URL('../../programme/crimecop12-programme.txt', import.meta.url), 'utf8');
const ids = (source: string): string[] => parseUnProgramme(source).programme.sessions.map((s) => s.id);
const original = ids(text);

/** The source with exactly one occurrence of `from` replaced. */
function edit(from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

function difference(a: string[], b: string[]): { removed: string[]; added: string[] } {
  return { removed: a.filter((id) => !b.includes(id)), added: b.filter((id) => !a.includes(id)) };
}

describe('session ids', () => {
  it('are the same on every import', () => {
    expect(ids(text)).toEqual(original);
    expect(original).toContain('plenary-2024-10-14-1000');
    expect(original.filter((id) => /^event-2024-10-1[4-8]-[0-9a-f]{8}$/.test(id))).toHaveLength(63);
  });

  it('change only for the row whose title was edited', () => {
    const edited = ids(edit('ICAT BRIEFING TO STATES', 'ICAT BRIEFING TO MEMBER STATES'));
    const { removed, added } = difference(original, edited);
    expect(removed).toHaveLength(1);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^event-2024-10-17-/);
  });

  it('do not change when a row moves to another room or time, or its spacing, case or tags change', () => {
    const moved = edit('1–1.50 p.m.\t<p>ICAT BRIEFING TO STATES</p>', '4–4.50 p.m.\t<p>ICAT Briefing   to States</p>');
    const reroomed = moved.replace(
      'Trafficking in Persons, with UNODC Human Trafficking and Migrant Smuggling Section</p>\tM2',
      'Trafficking in Persons, with UNODC Human Trafficking and Migrant Smuggling Section</p>\tCR1',
    );
    expect(reroomed).not.toBe(moved);
    const after = parseUnProgramme(reroomed).programme.sessions;
    expect(after.map((s) => s.id).sort()).toEqual([...original].sort());
    const icat = after.find((s) => s.title === 'ICAT Briefing to States')!;
    expect([icat.start, icat.venueId]).toEqual(['2024-10-17T16:00:00+02:00', 'CR1']);
  });

  it('give true duplicates a deterministic suffix and leave the first one alone', () => {
    const row = text.split('\n').find((l) => l.startsWith('1–1.50 p.m.\t<p>ICAT BRIEFING'))!;
    const later = row.replace('1–1.50 p.m.', '4–4.50 p.m.').replace(/\tM2$/, '\tM3');
    const doubled = text.replace(row, `${row}\n${later}\n${later}`);
    const result = ids(doubled);
    // One parse without the row (not one per id: that parsed the programme a hundred times).
    const withoutRow = ids(text.replace(row, ''));
    const icat = original.filter((id) => !withoutRow.includes(id));
    expect(icat).toHaveLength(1);
    const base = icat[0]!;
    expect(result.filter((id) => id.startsWith(base)).sort()).toEqual([base, `${base}-1600`, `${base}-1600-M3`].sort());
    // Every other id is untouched.
    expect(difference(original, result).removed).toEqual([]);
  });
});
