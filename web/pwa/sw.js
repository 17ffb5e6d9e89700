/**
 * 通办's service worker, written to web/dist/sw.js at build with the precache list filled in
 * (web/pwa/plugin.ts): the page and what the home and tracking pages load are cached at install,
 * so that the portal starts, and a tracking page once loaded shows again, without a network.
 * Pages: network first, the cached page when offline. Hashed assets: cache first (they never
 * change). 全程一码 answers (public by their code): network first, the last answer when offline.
 * Nothing else — no signed-in answer — is ever cached.
 */
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const SHELL = `tongban-shell-${VERSION}`;
const RUNTIME = 'tongban-runtime';
const RUNTIME_ENTRIES = 150;
const PAGE = '/';
const SERVER_PATHS = ['/api/', '/oidc', '/openapi.json', '/docs', '/healthz', '/readyz', '/metrics'];
const TRACKING = /^\/api\/track\/[^/]+(?:\/qr\.svg)?$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('tongban-shell-') && k !== SHELL).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && !SERVER_PATHS.some((p) => url.pathname.startsWith(p))) {
    event.respondWith(page(request));
  } else if (url.pathname.startsWith('/assets/') || PRECACHE.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else if (TRACKING.test(url.pathname)) {
    event.respondWith(networkFirst(request));
  }
});

/** Every page path answers the one app page: the newest seen is kept for offline starts. */
async function page(request) {
  try {
    const response = await fetch(request);
    // A light page (server/src/modules/pages) is one page's first paint, not the app: never the offline start.
    const light = response.headers.get('x-light-page') === '1';
    if (response.ok && !light && (response.headers.get('content-type') ?? '').startsWith('text/html')) {
      const cache = await caches.open(SHELL);
      await cache.put(PAGE, response.clone());
    }
    return response;
  } catch (offline) {
    const cached = await caches.match(PAGE);
    if (cached) return cached;
    throw offline;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await remember(request, response.clone());
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) await remember(request, response.clone());
    return response;
  } catch (offline) {
    const cached = await caches.match(request);
    if (cached) return cached;
    throw offline;
  }
}

/** Into the runtime cache, which keeps its newest entries only. */
async function remember(request, response) {
  const cache = await caches.open(RUNTIME);
  await cache.put(request, response);
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - RUNTIME_ENTRIES)).map((k) => cache.delete(k)));
}
