/** The venue file beside the bundled programme: directions and the demo join link on seeding. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PROGRAMME } from '../../server/platform/config.ts';
import { loadProgrammeFile } from '../../server/interchange/load-file.ts';
import { applyVenueFile } from '../../server/interchange/venue-details.ts';

describe('venue file', () => {
  const programme = loadProgrammeFile(BUNDLED_PROGRAMME, { onWarning: () => {} });

  it('gives the bundled rooms their building, floor and directions, and online sessions a join link', () => {
    expect(programme.venues.find((v) => v.id === 'M7')).toMatchObject({
      building: 'M-Building',
      floor: '1st floor',
      directions: 'M-Building, 1st floor, turn left',
    });
    expect(programme.venues.find((v) => v.id === 'CR3')).toMatchObject({ building: 'C-Building' });
    const online = programme.sessions.filter((s) => s.venueId === 'Online');
    expect(online.length).toBeGreaterThan(0);
    for (const session of online) expect(session.online?.url).toMatch(/^https:\/\//);
  });

  it('names the file and the field when the file is wrong', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'venues-'));
    const file = path.join(dir, 'x-venues.json');
    writeFileSync(file, JSON.stringify({ venues: { NOPE: { floor: '1st' } } }));
    expect(() => applyVenueFile(programme, file)).toThrow(`${file}: venues.NOPE: no such venue in the programme`);
    writeFileSync(file, JSON.stringify({ venues: { M7: { floor: '' } } }));
    expect(() => applyVenueFile(programme, file)).toThrow(/venues\.M7\.floor/);
    writeFileSync(file, '{');
    expect(() => applyVenueFile(programme, file)).toThrow(/not JSON/);
  });
});
