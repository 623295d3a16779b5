/**
 * Proof that a change reached the screens: how many of the known screens have confirmed rendering
 * a revision (or a later one), and which ones lag — offline, or connected but not there yet.
 */
import type { DisplayStatus } from '../../shared/protocol.ts';

export interface Delivery {
  revision: number;
  delivered: number;
  total: number;
  /** Screens that have not shown the revision yet, offline ones first. */
  lagging: DisplayStatus[];
}

/** The screens delivery counts: staff-paired or long-connected ones, not preview tabs (fleet ghost rule). */
export function countedDisplays(displays: readonly DisplayStatus[]): DisplayStatus[] {
  return displays.filter((d) => d.counted !== false);
}

export function deliveryOf(all: DisplayStatus[], revision: number): Delivery {
  const displays = countedDisplays(all);
  const lagging = displays
    .filter((d) => d.revision < revision)
    .sort((a, b) => Number(a.connected) - Number(b.connected) || a.name.localeCompare(b.name));
  return { revision, delivered: displays.length - lagging.length, total: displays.length, lagging };
}

/** "delivered to 38/40 screens" */
export function deliveryText(delivery: Delivery): string {
  return `delivered to ${delivery.delivered}/${delivery.total} ${delivery.total === 1 ? 'screen' : 'screens'}`;
}

/** "Lobby (offline), CR3 door and 2 more" — who is still missing the change. */
export function laggingText(delivery: Delivery, limit = 3): string {
  const names = delivery.lagging.slice(0, limit).map((d) => (d.connected ? d.name : `${d.name} (offline)`));
  const more = delivery.lagging.length - names.length;
  if (more > 0) return `${names.join(', ')} and ${more} more`;
  if (names.length < 2) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
