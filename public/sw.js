/*
 * Service worker of the display pages: keeps the app shell (the page and its built assets) so a
 * screen that restarts while the server is down still comes up, then shows its last schedule
 * from localStorage. Schedule data never goes through here: /api and socket.io are left alone.
 *
 * - Pages (navigations): network first, so a new build is picked up at once; the cached copy
 *   when the network fails. Any display URL falls back to the last display page cached, since
 *   every display URL serves the same shell.
 * - /assets/ (content-hashed file names, never change): cache first.
 *
 * What to keep: the URLs the page reports having loaded, plus every asset the build lists in
 * /display-shell.json (vite.config.ts), so a lazy chunk the first visit did not need (the check
 * of the saved state) is there for an offline reboot, plus every font slice of this build that a
 * screen's text made it fetch (cached as fetched, cache first).
 */
const CACHE = 'signage-shell-v1';
const DISPLAY_SHELL = '/display/__shell__';

/** /display itself (a paired screen) and everything under it serve the same display shell. */
function isDisplayPage(path) {
  return path === '/display' || path.startsWith('/display/');
}

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === 'navigate' && isDisplayPage(url.pathname)) {
    event.respondWith(networkFirstPage(request, url));
  }
});

/**
 * The page tells us its own URL and assets, which it fetched before we controlled it. A sender that
 * passes a MessagePort hears 'cached' once the cache holds them and older builds' assets are gone.
 */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache-urls' || !Array.isArray(data.urls)) return;
  const reported = data.urls.filter((u) => typeof u === 'string');
  const done = buildFiles()
    .then(({ assets, fonts }) => cacheShell([...new Set([...reported, ...assets])], fonts))
    .then(() => event.ports[0]?.postMessage('cached'));
  event.waitUntil(done);
});

/**
 * What the build lists (display-shell.json): every asset of the display, fetched ahead, and every
 * font slice, fetched only when a screen's text needs it. Empty without the list (the Vite dev
 * server), and `fonts` is undefined then: this build's fonts are unknown, so none is pruned.
 */
async function buildFiles() {
  const assetPaths = (list) =>
    Array.isArray(list) ? list.filter((path) => typeof path === 'string' && path.startsWith('/assets/')) : undefined;
  try {
    const response = await fetch('/display-shell.json', { cache: 'no-store' });
    if (!response.ok) return { assets: [], fonts: undefined };
    const { assets, fonts } = await response.json();
    return { assets: assetPaths(assets) ?? [], fonts: assetPaths(fonts) };
  } catch {
    return { assets: [], fonts: undefined };
  }
}

/**
 * Caches `urls`, then drops the assets of older builds: hashed names are never reused, so they
 * would pile up forever. What is kept is what this build lists, not what the page reports: the
 * page's resource-timing list stops at 250 entries, and a screen that ran for days would otherwise
 * lose the font slices it fetched late and show boxes at its next offline reboot.
 */
async function cacheShell(urls, fonts) {
  const cache = await caches.open(CACHE);
  await Promise.all(
    urls.map(async (path) => {
      const cached = await cache.match(path);
      if (cached) return;
      const response = await fetch(path);
      if (!response.ok) return;
      if (isDisplayPage(path)) await cache.put(DISPLAY_SHELL, response.clone());
      await cache.put(path, response);
    }),
  ).catch(() => undefined);
  const keep = new Set(urls);
  const buildFonts = fonts === undefined ? undefined : new Set(fonts);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (!path.startsWith('/assets/') || keep.has(path)) continue;
    if (/\.woff2?$/.test(path) && (buildFonts === undefined || buildFonts.has(path))) continue;
    await cache.delete(request);
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirstPage(request, url) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(url.pathname, response.clone());
      await cache.put(DISPLAY_SHELL, response.clone());
    }
    return response;
  } catch (error) {
    const cached = (await cache.match(url.pathname)) || (await cache.match(DISPLAY_SHELL));
    if (cached) return cached;
    throw error;
  }
}
