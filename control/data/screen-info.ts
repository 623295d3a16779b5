/** Plain words for what a screen reported about itself: browser, screen size, clock skew. */
import type { DisplayStatus } from '../../shared/protocol.ts';
import type { PanelMessages } from '../i18n/messages.ts';
import { panelLocale } from '../i18n/panel-locale.ts';

/** Checked in this order: Edge and Opera also call themselves Chrome, and Chrome calls itself Safari. */
const BROWSERS: Array<[name: string, pattern: RegExp]> = [
  ['Edge', /Edg\/(\d+)/],
  ['Opera', /OPR\/(\d+)/],
  ['Firefox', /Firefox\/(\d+)/],
  ['Chrome', /Chrom(?:e|ium)\/(\d+)/],
  ['Safari', /Version\/(\d+).*Safari/],
];

/** "Chrome 130", "Firefox 128", … from a User-Agent; "" when it says nothing we know. */
export function browserName(userAgent: string | undefined): string {
  for (const [name, pattern] of BROWSERS) {
    const version = userAgent && pattern.exec(userAgent)?.[1];
    if (version) return `${name} ${version}`;
  }
  return '';
}

/** "clock 0.4 s behind", "clock on time": how far the screen's own clock is off (it corrects for it). */
export function skewText(skewMs: number | undefined, t: PanelMessages = panelLocale.messages): string {
  if (skewMs === undefined) return '';
  const seconds = Math.abs(skewMs) / 1000;
  if (seconds < 0.1) return t.devClockOnTime;
  const rounded = seconds < 10 ? Math.round(seconds * 10) / 10 : Math.round(seconds);
  // skew = server - device: a positive skew means the device clock is behind.
  return skewMs > 0 ? t.devClockBehind(rounded) : t.devClockAhead(rounded);
}

/** What a screen said about itself, in parts: the browser and size are the device's own words (data). */
export function deviceParts(
  display: DisplayStatus,
  t: PanelMessages = panelLocale.messages,
): { browser: string; size: string; orientation: string; clock: string } {
  const screen = display.screen;
  return {
    browser: browserName(display.userAgent),
    size: screen ? `${screen.width}×${screen.height}` : '',
    orientation: screen ? t.devOrientations[screen.orientation] : '',
    clock: skewText(display.clockSkewMs, t),
  };
}
