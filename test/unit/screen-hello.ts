/** What a screen with its own id and token says when it connects (a CR3 door, a lobby or a bare page). */
import type { DisplayHello } from '../../server/fleet/fleet-messages.ts';

export function hello(displayId: string, view: DisplayHello['view'] = 'room'): DisplayHello {
  return {
    socketId: `s-${displayId}`,
    displayId,
    token: `token-of-${displayId}-long-enough`,
    view,
    ...(view === 'room' ? { venueId: 'CR3' } : {}),
    defaultName: () => 'CR3 door',
    revision: 0,
  };
}
