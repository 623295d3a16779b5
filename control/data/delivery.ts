/**
 * Proof that a change reached the screens: how many of the known screens have confirmed rendering
 * a revision (or a later one), and which ones lag — offline, or connected but not there yet.
 */
import type { DisplayStatus } from '../../shared/protocol.ts';
import type { PanelMessages } from '../i18n/messages.ts';
import { panelLocale } from '../i18n/panel-locale.ts';

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
export function deliveryText(delivery: Delivery, t: PanelMessages = panelLocale.messages): string {
  return t.dlvDelivered(delivery.delivered, delivery.total);
}

/**
 * "Lobby (offline), CR3 door and 2 more" — who is still missing the change. The "2 more" is the
 * list's last item, so each language's list punctuation (Chinese 、, Arabic و) applies to all of it.
 */
export function laggingText(delivery: Delivery, t: PanelMessages = panelLocale.messages, limit = 3): string {
  const names = delivery.lagging.slice(0, limit).map((d) => (d.connected ? d.name : t.dlvOffline(d.name)));
  const more = delivery.lagging.length - names.length;
  return t.listAnd(more > 0 ? [...names, t.dlvMore(more)] : names);
}
