/**
 * Asks the browser to keep the screen on. The lock is dropped whenever the page is hidden, so it
 * is asked for again each time the page becomes visible. Browsers without the API (or without a
 * secure context) simply don't get one: kiosk settings have to do it there.
 */
export function keepScreenAwake(): void {
  if (!('wakeLock' in navigator)) return;
  const request = () => {
    if (document.visibilityState !== 'visible') return;
    navigator.wakeLock.request('screen').catch(() => {
      // Refused (power saving, no user activation): nothing more to do.
    });
  };
  document.addEventListener('visibilitychange', request);
  request();
}
