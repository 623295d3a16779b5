/**
 * Registers public/sw.js and hands it the URLs of this page and its assets: they were fetched
 * before the worker controlled the page, so without this a screen's first visit would not be
 * cached and a reboot without network would find nothing.
 */
export function registerServiceWorker(): void {
  // Service workers need a secure context (https, or localhost).
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then(() => cacheLoadedAssets())
    .catch(() => {
      // Without a worker the screen still works; it just cannot restart offline.
    });
}

/** Asks the worker to keep what the page has loaded so far (again after a language's chunk). */
export function cacheLoadedAssets(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  void navigator.serviceWorker.ready.then((registration) => {
    registration.active?.postMessage({ type: 'cache-urls', urls: shellUrls() });
  });
}

function shellUrls(): string[] {
  const assets = performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
    .map((url) => url.pathname);
  return [location.pathname, ...new Set(assets)];
}
