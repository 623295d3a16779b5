/**
 * The one title-case function, on every title of the bundled programme against a reviewed
 * expectation file (test/fixtures/title-case/crimecop12-titles.json: original → shown), and on
 * the rules one by one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUnProgramme } from '../../server/interchange/readers/un-programme.ts';
import { displayTitle, isAllCaps, organizerAcronyms, titleCase } from '../../shared/title-case.ts';

const text = readFileSync(new URL('../../programme/crimecop12-programme.txt', import.meta.url), 'utf8');
const { programme } = parseUnProgramme(text);
const expected = JSON.parse(
  readFileSync(new URL('../fixtures/title-case/crimecop12-titles.json', import.meta.url), 'utf8'),
) as Record<string, string>;

describe('title case on the bundled programme', () => {
  it('turns every title into its reviewed expectation', () => {
    const shown = programme.sessions.map((s) => [s.title, displayTitle(s.title, 'title-case', s.organizers)]);
    expect(shown.length).toBeGreaterThan(60);
    for (const [title, result] of shown) expect([title, result]).toEqual([title, expected[title!]]);
    // The expectation file has no stale entries either.
    expect(new Set(Object.keys(expected))).toEqual(new Set(programme.sessions.map((s) => s.title)));
  });

  it('keeps the original when the style is "as written"', () => {
    for (const s of programme.sessions) expect(displayTitle(s.title, 'as-written', s.organizers)).toBe(s.title);
  });
});

describe('title case rules', () => {
  it('lowers short function words except first and after a colon', () => {
    expect(titleCase('THE ROLE OF THE STATE: A VIEW FROM THE SOUTH')).toBe(
      'The Role of the State: A View from the South',
    );
  });
  it('keeps listed acronyms, words with a digit, and possessives', () => {
    expect(titleCase("UNODC'S WORK WITH THE EU AND I2LEC ON COP29")).toBe(
      "UNODC's Work with the EU and I2LEC on COP29",
    );
  });
  it('keeps the capitals the organiser field uses', () => {
    const organizers = { lead: 'European Institute for Crime Prevention and Control (HEUNI)', partners: ['ABCD'] };
    expect(organizerAcronyms(organizers)).toEqual(new Set(['HEUNI', 'ABCD']));
    expect(displayTitle('A BRIEFING BY HEUNI AND ABCD', 'title-case', organizers)).toBe('A Briefing by HEUNI and ABCD');
  });
  it('cases the parts of hyphenated words and leaves mixed-case titles and words alone', () => {
    expect(titleCase('A RULE-OF-LAW RESPONSE')).toBe('A Rule-of-Law Response');
    expect(titleCase('EmpowerHer: SPOTLIGHT ON WOMEN IN CRIMINAL JUSTICE')).toBe(
      'EmpowerHer: Spotlight on Women in Criminal Justice',
    );
    expect(isAllCaps('Plenary: Items 2 (b) and (c)')).toBe(false);
    expect(titleCase('Plenary: Items 2 (b) and (c)')).toBe('Plenary: Items 2 (b) and (c)');
  });
});
