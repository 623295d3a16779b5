/** Which screen a URL asks for: /display/room/<venueId> or /display/lobby. */

// The rule of VenueId in shared/model.ts, repeated because importing it would bring zod into
// the screens' bundle. An address that breaks it can never name a room.
const VENUE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export type DisplayRoute = { view: 'room'; venueId: string } | { view: 'lobby' };

export function parseRoute(pathname: string): DisplayRoute | null {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/display/lobby') return { view: 'lobby' };
  const room = /^\/display\/room\/([^/]+)$/.exec(path);
  if (!room) return null;
  let venueId: string;
  try {
    venueId = decodeURIComponent(room[1]!);
  } catch {
    return null;
  }
  return VENUE_ID.test(venueId) ? { view: 'room', venueId } : null;
}
