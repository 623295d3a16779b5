/** Which screen a URL asks for: /display/room/<venueId> or /display/lobby. */

import { VENUE_ID_PATTERN } from '../../shared/id-rules.ts';

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
  return VENUE_ID_PATTERN.test(venueId) ? { view: 'room', venueId } : null;
}

/** The bare /display page: a screen whose assignment staff choose (it shows a pairing code first). */
export function isManagedPath(pathname: string): boolean {
  return pathname.replace(/\/+$/, '') === '/display';
}

export function sameRoute(a: DisplayRoute | null, b: DisplayRoute | null): boolean {
  if (a?.view === 'room' && b?.view === 'room') return a.venueId === b.venueId;
  return a?.view === b?.view;
}
