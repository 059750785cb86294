// Service worker of the hosted page: keeps the app's files in a cache and serves them cache-first,
// so the page works offline after the first visit. Registered by index.html over http(s) only,
// after the first frame, so it never competes with the page's own downloads. The build stamps
// the cache name below (cmake/SingleFile.cmake) with a hash of index.html (the survey, its
// program inside) and one of the workbench's (and its reading worker's); each build uses a new
// cache and the old one is deleted when the new worker takes over.
'use strict';
const BUILD_ID = '@AHP_BUILD_ID@';
const CACHE = 'ahp-survey-' + BUILD_ID + '-@AHP_WORKBENCH_ID@';
const APP_FILES = ['./', './manifest.webmanifest', './icon.svg'];
// The page under its other name: the same file, cached from the one download of './'.
const PAGE_ALIAS = './index.html';
// The researcher's files: cached the first time they are used (an expert never downloads them),
// then served from the cache like the app's.
const ON_USE_FILES = ['./ahp-workbench.js', './ahp-workbench.wasm', './ahp-reader.js', './ahp-reader.wasm',
                      './ahp-survey.html'];

// The page has just downloaded these files: take them from the browser's HTTP cache
// ('force-cache': no second download, even where the server sends no cache headers), and only
// if that copy is not this build's (an older visit's), from the network. The page itself was
// downloaded under the address it was opened with (its query too, e.g. ?lang=fa): that is
// where the HTTP cache has it.
async function hex(buffer) {
  return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', buffer)),
                    (b) => b.toString(16).padStart(2, '0')).join('');
}
async function thisBuildsPage() {
  const opened = (await self.clients.matchAll({ type: 'window', includeUncontrolled: true }))
    .map((client) => client.url.split('#')[0]).filter((url) => appPaths.has(new URL(url).pathname));
  for (const address of [...opened, './']) {
    const response = await fetch(new Request(address, { cache: 'force-cache' }));
    if (!response.ok) continue;
    if (BUILD_ID.startsWith('@') || (await hex(await response.clone().arrayBuffer())).slice(0, 16) === BUILD_ID) {
      return response;
    }
  }
  const response = await fetch(new Request('./', { cache: 'reload' }));
  if (!response.ok) throw new Error('./: HTTP ' + response.status);
  return response;
}
async function cacheApp() {
  const cache = await caches.open(CACHE);
  const page = await thisBuildsPage();
  const others = await Promise.all(APP_FILES.slice(1).map((f) => fetch(new Request(f, { cache: 'force-cache' }))
    .then((r) => { if (!r.ok) throw new Error(f + ': HTTP ' + r.status); return r; })));
  await cache.put(PAGE_ALIAS, page.clone());
  await cache.put(APP_FILES[0], page);
  await Promise.all(APP_FILES.slice(1).map((f, k) => cache.put(f, others[k])));
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheApp().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('ahp-survey-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

const appPaths = new Set([...APP_FILES, PAGE_ALIAS].map((f) => new URL(f, self.registration.scope).pathname));
const onUsePaths = new Set(ON_USE_FILES.map((f) => new URL(f, self.registration.scope).pathname));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (appPaths.has(url.pathname)) {
    // The app's own files: cache first (the query, e.g. ?lang=en, does not change the file).
    event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
    return;
  }
  if (onUsePaths.has(url.pathname)) {
    event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
      }
      return response;
    })));
    return;
  }
  // Anything else beside the page (a model file given with ?model=): network first, so an
  // updated model is seen, with the last copy as the offline fallback.
  event.respondWith(fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  }).catch(() => caches.match(request).then((hit) => hit || Response.error())));
});
