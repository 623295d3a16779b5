import { describe, expect, it } from 'vitest';
import type { Announcement } from '../../shared/model.ts';
import { LOBBY } from '../../shared/model.ts';
import { LOBBY_SCREEN, announcementsFor } from '../../display/data/announcements.ts';

const at = Date.parse('2024-10-14T13:00:00+02:00');

function announcement(id: string, extra: Partial<Announcement> = {}): Announcement {
  return { id, text: `text ${id}`, severity: 'info', ...extra };
}

describe('announcementsFor', () => {
  const list = [
    announcement('everyone'),
    announcement('cr3', { venueIds: ['CR3'] }),
    announcement('lobby', { venueIds: ['lobby'] }),
    announcement('cr3-and-lobby', { venueIds: ['CR3', 'lobby'], severity: 'urgent' }),
    announcement('empty-list', { venueIds: [] }),
  ];

  it('the lobby id agrees with the model', () => {
    expect(LOBBY_SCREEN).toBe(LOBBY);
  });

  it('shows a door the announcements for every screen and for its room, urgent first', () => {
    expect(announcementsFor(list, 'CR3', at).map((a) => a.id)).toEqual([
      'cr3-and-lobby',
      'everyone',
      'cr3',
      'empty-list',
    ]);
  });

  it('shows the lobby what is addressed to "lobby", not to rooms', () => {
    expect(announcementsFor(list, LOBBY_SCREEN, at).map((a) => a.id)).toEqual([
      'cr3-and-lobby',
      'everyone',
      'lobby',
      'empty-list',
    ]);
  });

  it('hides announcements from the moment they expire, even offline', () => {
    const timed = [
      announcement('past', { expiresAt: '2024-10-14T12:59:59+02:00' }),
      announcement('exactly-now', { expiresAt: '2024-10-14T13:00:00+02:00' }),
      announcement('later', { expiresAt: '2024-10-14T11:30:00Z' }),
    ];
    expect(announcementsFor(timed, 'M7', at).map((a) => a.id)).toEqual(['later']);
  });
});
