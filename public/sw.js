// VeriSpec's service worker: the page's own files, so a second visit works offline.
// Hashed build assets (assets/*) never change: cache first. Everything else of this origin
// (the page, model.json, calibration.json, examples): the network first, the cache when offline.
// Model graphs are not kept here: the model worker keeps them in Cache Storage by sha256.
// Responses are stored whole, headers included, so the cross-origin isolation headers the
// page needs (COOP/COEP) come back from the cache too.
const CACHE = 'verispec-shell-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** Large binary model files: left to the model worker's own cache. */
const isModelGraph = (url) => /\.(onnx|bin)$/.test(url.pathname);

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
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
    const hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
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
