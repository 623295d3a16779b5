import { describe, expect, it } from 'vitest';
import type { Venue } from '../../shared/model.ts';
import { venueGroups } from '../../shared/venue-groups.ts';

const room = (id: string, extra: Record<string, unknown> = {}): Venue =>
  ({ id, name: id, kind: 'room', ...extra }) as Venue;

describe('venueGroups', () => {
  it('groups rooms by the letters their id starts with, two or more per group, online venues left out', () => {
    const groups = venueGroups([
      room('CR3'),
      room('CR7'),
      room('M2'),
      room('M0E79'),
      room('Plenary'),
      { id: 'Online', name: 'Online', kind: 'online' },
    ]);
    expect(groups.map((g) => [g.key, g.venueIds])).toEqual([
      ['prefix:CR', ['CR3', 'CR7']],
      ['prefix:M', ['M2', 'M0E79']],
    ]);
    expect(groups[1]!.label).toBe('All M rooms (M2, M0E79)');
  });

  it('prefers a building field when venues have one', () => {
    const groups = venueGroups([
      room('CR3', { building: 'C-Building' }),
      room('M2', { building: 'C-Building' }),
      room('M3'),
    ]);
    expect(groups).toEqual([
      { key: 'building:C-Building', label: 'All rooms in C-Building (CR3, M2)', venueIds: ['CR3', 'M2'] },
    ]);
  });
});
