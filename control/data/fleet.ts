/** Plain-words summaries of the display fleet for the Screens section and its tab. */
import type { DisplayStatus } from '../../shared/protocol.ts';

/** "2 behind, 1 offline", or "" when every screen is connected and has shown the latest revision. */
export function fleetSummary(all: DisplayStatus[], revision: number): string {
  // Preview tabs and test browsers are not the fleet: they would make "(13 offline)" noise.
  const displays = all.filter((d) => d.counted !== false);
  const behind = displays.filter((d) => d.connected && d.revision < revision).length;
  const offline = displays.filter((d) => !d.connected).length;
  return [behind ? `${behind} behind` : '', offline ? `${offline} offline` : ''].filter(Boolean).join(', ');
}

/**
 * "3 min", "1 h 5 min": how long a screen has been silent, in real time (lastSeen is the server's
 * real clock, which a simulated venue clock does not move).
 */
export function offlineFor(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
