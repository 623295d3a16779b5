/** Plain-words summaries of the display fleet for the Screens section and its tab. */
import type { DisplayStatus } from '../../shared/protocol.ts';
import type { PanelMessages } from '../i18n/messages.ts';
import { panelLocale } from '../i18n/panel-locale.ts';

/** "2 behind, 1 offline", or "" when every screen is connected and has shown the latest revision. */
export function fleetSummary(all: DisplayStatus[], revision: number, t: PanelMessages = panelLocale.messages): string {
  // Preview tabs and test browsers are not the fleet: they would make "(13 offline)" noise.
  const displays = all.filter((d) => d.counted !== false);
  const behind = displays.filter((d) => d.connected && d.revision < revision).length;
  const offline = displays.filter((d) => !d.connected).length;
  return [behind ? t.fleetBehind(behind) : '', offline ? t.fleetOffline(offline) : ''].filter(Boolean).join(', ');
}

/**
 * "3 min", "1 h 5 min": how long a screen has been silent, in real time (lastSeen is the server's
 * real clock, which a simulated venue clock does not move).
 */
export function offlineFor(ms: number, t: PanelMessages = panelLocale.messages): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return t.fleetUnderAMinute;
  if (minutes < 60) return t.fleetMinutes(minutes);
  return t.fleetHoursMinutes(Math.floor(minutes / 60), minutes % 60);
}
