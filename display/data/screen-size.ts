/** The viewport a screen renders into, as the fleet view shows it, and when it changes. */
import type { DisplayScreen } from '../../shared/protocol.ts';

/** A window being resized reports its size once it has settled. */
const RESIZE_SETTLE_MS = 1_000;

export function browserScreen(): DisplayScreen | undefined {
  if (typeof window === 'undefined') return undefined;
  const { innerWidth: width, innerHeight: height } = window;
  return { width, height, orientation: height > width ? 'portrait' : 'landscape' };
}

/** Calls the listener once a resize (or a rotation) has settled; returns the unsubscribe. */
export function onResizeSettled(listener: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onResize = () => {
    clearTimeout(timer);
    timer = setTimeout(listener, RESIZE_SETTLE_MS);
  };
  window.addEventListener('resize', onResize);
  return () => {
    clearTimeout(timer);
    window.removeEventListener('resize', onResize);
  };
}
