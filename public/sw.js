// VeriSpec's service worker: the page's own files, so the visit after the first works offline.
// Installing stores what precache.json lists (the page, its code, the shipped model's
// manifest; written by vite.precache.ts), so one online visit is enough.
// Hashed build assets (assets/*) never change: cache first (yosys is stored on first use).
// Everything else of this origin (the page, model.json, calibration.json): the network first,
// the cache when offline.
// Model graphs and onnxruntime's .wasm are not kept here: the model worker keeps them in
// Cache Storage by content. Responses are stored whole, headers included, so the
// cross-origin isolation headers the page needs (COOP/COEP) come back from the cache too.
const CACHE = 'verispec-shell-__PRECACHE_VERSION__';

/** Stores every listed file; one that fails is fetched again when the page asks for it. */
async function precache() {
  const response = await fetch('precache.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`precache.json: HTTP ${response.status}`);
  const { files } = await response.json();
  const cache = await caches.open(CACHE);
  await Promise.all(files.map(async (path) => {
    try {
      const file = await fetch(path, { cache: 'no-cache' });
      if (file.ok) await cache.put(path, file);
    } catch (error) {
      console.warn(`offline copy of ${path} not stored:`, error);
    }
  }));
}

/** Drops earlier builds' files. */
async function dropOldCaches() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith('verispec-shell-') && name !== CACHE).map((name) => caches.delete(name)));
}

self.addEventListener('install', (event) => event.waitUntil(precache().then(() => self.skipWaiting())));
self.addEventListener('activate', (event) => event.waitUntil(dropOldCaches().then(() => self.clients.claim())));

/** Large binary model files: left to the model worker's own cache. */
const isModelGraph = (url) => /\.(onnx|bin)$/.test(url.pathname);

// Stored responses are matched ignoring Vary: a server's `Vary: Origin` would make a module
// import (which sends Origin) miss the copy stored at install (which did not).
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreVary: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate', ignoreVary: true });
    if (hit) return hit;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || isModelGraph(url)) return;
  event.respondWith(url.pathname.includes('/assets/') ? cacheFirst(request) : networkFirst(request));
});
