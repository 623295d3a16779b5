// The small readers the UN importer is made of: cells, organisers, agenda items, venues, online details.
import { describe, expect, it } from 'vitest';
import { cleanCell, columns } from '../../server/interchange/readers/text.ts';
import { parseOrganizers, splitTitleAndOrganizers } from '../../server/interchange/readers/organizers.ts';
import { parseAgendaItems, plenaryTitle } from '../../server/interchange/readers/agenda.ts';
import { VenueRegistry, canonicalVenueName, venueIdOf } from '../../server/interchange/readers/venues.ts';
import { parseOnlineDetails } from '../../server/interchange/readers/online.ts';

describe('cells', () => {
  it('strips tags, decodes entities, ignores empty columns and trailing blanks', () => {
    expect(columns('2–2.50 p.m.\t<p>A &amp; B</p> <p>Organized by C</p>\t<p>Online</p> ')).toEqual([
      '2–2.50 p.m.',
      'A & B Organized by C',
      'Online',
    ]);
    expect(columns('\t\tVenue\t \t')).toEqual(['Venue']);
    expect(columns(' ')).toEqual([]);
    expect(cleanCell('&lt;b&gt; stays text &#8211; &#x2014; &quot;q&quot; &unknown;')).toBe(
      '<b> stays text – — "q" &unknown;',
    );
  });
});

describe('organisers', () => {
  it('splits the title from "Organized by" and partners on commas outside parentheses', () => {
    expect(
      splitTitleAndOrganizers(
        'TRANSNATIONAL ORGANIZED CRIME TODAY Organized by Peru, with Bolivia (Plurinational State of), Colombia',
      ),
    ).toEqual({
      title: 'TRANSNATIONAL ORGANIZED CRIME TODAY',
      organizers: { lead: 'Peru', partners: ['Bolivia (Plurinational State of)', 'Colombia'] },
    });
  });

  it('keeps "and" inside names and commas inside parentheses', () => {
    expect(
      parseOrganizers('X, with Crime Prevention and Criminal Justice Section, Cellule (CNLTP, Senegal), Y and Z'),
    ).toEqual({
      lead: 'X',
      partners: ['Crime Prevention and Criminal Justice Section', 'Cellule (CNLTP, Senegal)', 'Y and Z'],
    });
  });

  it('takes the lead up to ", with", commas and all', () => {
    expect(
      parseOrganizers(
        'Global Programme against Money-Laundering, Proceeds of Crime and the Financing of Terrorism, with Section A',
      ),
    ).toEqual({
      lead: 'Global Programme against Money-Laundering, Proceeds of Crime and the Financing of Terrorism',
      partners: ['Section A'],
    });
    expect(parseOrganizers('Italy')).toEqual({ lead: 'Italy', partners: [] });
    expect(parseOrganizers('Organisation (with friends, and others), with B.')).toEqual({
      lead: 'Organisation (with friends, and others)',
      partners: ['B'],
    });
  });

  it('leaves a title without organisers whole, and accepts "Organised by"', () => {
    expect(splitTitleAndOrganizers('A TITLE ALONE')).toEqual({
      title: 'A TITLE ALONE',
      organizers: { lead: '', partners: [] },
    });
    expect(splitTitleAndOrganizers('TITLE Organised by UK').organizers.lead).toBe('UK');
  });
});

describe('agenda items', () => {
  it('splits items run together on one line, keeping "(continued)"', () => {
    const agenda = parseAgendaItems(
      'Item 2. Review of the Convention Item 2 (a). Organized Crime Convention (continued)',
    );
    expect(agenda).toEqual({
      lead: '',
      items: [
        { code: '2', title: 'Review of the Convention' },
        { code: '2 (a)', title: 'Organized Crime Convention (continued)' },
      ],
    });
    expect(plenaryTitle(agenda)).toBe('Plenary: Items 2 and 2 (a)');
  });

  it('titles plenary meetings by their item codes', () => {
    const title = (text: string) => plenaryTitle(parseAgendaItems(text));
    expect(title('Item 5. Technical assistance')).toBe('Plenary: Item 5');
    expect(title('Item 2 (b). A Item 2 (c). B')).toBe('Plenary: Items 2 (b) and (c)');
    expect(title('Item 1 (a). A Item 1 (b). B Item 1 (c). C')).toBe('Plenary: Items 1 (a)–(c)');
    expect(title('Item 6. A Item 7. B')).toBe('Plenary: Items 6 and 7');
    expect(title('Informal consultations')).toBe('Informal consultations');
    expect(title('High-level segment Item 3. General debate')).toBe('High-level segment');
  });
});

describe('venues', () => {
  it('derives short URL-safe ids from the first part of the name', () => {
    expect(venueIdOf('CR3')).toBe('CR3');
    expect(venueIdOf('Board Room B, C-Building')).toBe('Board-Room-B');
    expect(venueIdOf('Salle Étoile (2nd floor)')).toBe('Salle-Etoile-2nd-floor');
    expect(venueIdOf('Plenary Room, M-Building')).toBe('Plenary');
    expect(canonicalVenueName('Plenary Room, M-Building')).toBe('Plenary Hall, M-Building');
    expect(canonicalVenueName(' online ')).toBe('Online');
  });

  it('registers each venue once and keeps ids distinct', () => {
    const registry = new VenueRegistry();
    expect(registry.idFor('Room B, C-Building')).toBe('Room-B');
    expect(registry.idFor('Room B, M-Building')).toBe('Room-B-M-Building');
    expect(registry.idFor('Room  B, C-Building')).toBe('Room-B');
    expect(registry.idFor('Online')).toBe('Online');
    expect(registry.idFor('Plenary Room, M-Building')).toBe('Plenary');
    expect(registry.idFor('Plenary Hall, M-Building')).toBe('Plenary');
    expect(registry.list().map((v) => v.id)).toEqual(['Plenary', 'Room-B', 'Room-B-M-Building', 'Online']);
  });
});

describe('online details', () => {
  it('reads meeting ID, passcode and link', () => {
    expect(parseOnlineDetails('Meeting ID: 813 5443 5881 Passcode: 709166')).toEqual({
      meetingId: '813 5443 5881',
      passcode: '709166',
    });
    expect(parseOnlineDetails('Join https://zoom.example/j/1 Meeting ID 1 2')).toEqual({
      meetingId: '1 2',
      url: 'https://zoom.example/j/1',
    });
    expect(parseOnlineDetails('CR3')).toBeNull();
  });
});
