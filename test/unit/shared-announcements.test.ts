import { describe, expect, it } from 'vitest';
import type { Announcement } from '../../shared/model.ts';
import { LOBBY } from '../../shared/id-rules.ts';
import { activeAnnouncements, hasExpired } from '../../shared/announcements.ts';

const ZONE = 'Europe/Vienna';
const at = Date.parse('2024-10-14T13:00:00+02:00');

function announcement(id: string, extra: Partial<Announcement> = {}): Announcement {
  return { id, text: `text ${id}`, severity: 'info', ...extra };
}

describe('activeAnnouncements', () => {
  const list = [
    announcement('everyone'),
    announcement('cr3', { venueIds: ['CR3'] }),
    announcement('lobby', { venueIds: ['lobby'] }),
    announcement('cr3-and-lobby', { venueIds: ['CR3', 'lobby'], severity: 'urgent' }),
    announcement('empty-list', { venueIds: [] }),
  ];

  it('shows a door the announcements for every screen and for its room, urgent first', () => {
    expect(activeAnnouncements(list, 'CR3', at, ZONE).map((a) => a.id)).toEqual([
      'cr3-and-lobby',
      'everyone',
      'cr3',
      'empty-list',
    ]);
  });

  it('shows the lobby what is addressed to "lobby", not to rooms', () => {
    expect(activeAnnouncements(list, LOBBY, at, ZONE).map((a) => a.id)).toEqual([
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
    expect(activeAnnouncements(timed, 'M7', at, ZONE).map((a) => a.id)).toEqual(['later']);
  });

  it('reads an expiry written without an offset as venue time, as the server does', () => {
    expect(hasExpired(announcement('local', { expiresAt: '2024-10-14T13:00:00' }), at, ZONE)).toBe(true);
    expect(hasExpired(announcement('local', { expiresAt: '2024-10-14T13:00:01' }), at, ZONE)).toBe(false);
    expect(hasExpired(announcement('none'), at, ZONE)).toBe(false);
  });
});
