/** Plain words for what a screen reported about itself: browser, screen size, clock skew. */
import type { DisplayStatus } from '../../shared/protocol.ts';

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
export function skewText(skewMs: number | undefined): string {
  if (skewMs === undefined) return '';
  const seconds = Math.abs(skewMs) / 1000;
  if (seconds < 0.1) return 'clock on time';
  // skew = server - device: a positive skew means the device clock is behind.
  return `clock ${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s ${skewMs > 0 ? 'behind' : 'ahead'}`;
}

export function deviceSummary(display: DisplayStatus): string {
  const screen = display.screen ? `${display.screen.width}×${display.screen.height} ${display.screen.orientation}` : '';
  return [browserName(display.userAgent), screen, skewText(display.clockSkewMs)].filter(Boolean).join(' · ');
}
