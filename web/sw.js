// Service worker of the hosted page: keeps the app's files in a cache and serves them cache-first,
// so the page works offline after the first visit. Registered by index.html over http(s) only,
// after the first frame, so it never competes with the page's own downloads. The build stamps
// the cache name below (cmake/SingleFile.cmake) with a hash of ahp-app.wasm + ahp-app.js and
// one of the workbench's (and its reading worker's); each build uses a new cache and the old
// one is deleted when the new worker takes over.
'use strict';
const BUILD_ID = '@AHP_BUILD_ID@';
const CACHE = 'ahp-survey-' + BUILD_ID + '-@AHP_WORKBENCH_ID@';
const APP_FILES = ['./', './ahp-app.js', './ahp-app.wasm', './manifest.webmanifest', './icon.svg'];
// The page under its other name: the same file, cached from the one download of './'.
const PAGE_ALIAS = './index.html';
// The researcher's files: cached the first time they are used (an expert never downloads them),
// then served from the cache like the app's.
const ON_USE_FILES = ['./ahp-workbench.js', './ahp-workbench.wasm', './ahp-reader.js', './ahp-reader.wasm',
                      './ahp-survey.html'];

// The page has just downloaded these files: take them from the browser's HTTP cache
// ('force-cache': no second download, even where the server sends no cache headers), and only
// if that copy is not this build's (an older visit's), from the network.
async function hex(buffer) {
  return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', buffer)),
                    (b) => b.toString(16).padStart(2, '0')).join('');
}
async function cacheApp() {
  const cache = await caches.open(CACHE);
  const fetched = async (mode) => Promise.all(APP_FILES.map((f) => fetch(new Request(f, { cache: mode }))
    .then((r) => { if (!r.ok) throw new Error(f + ': HTTP ' + r.status); return r; })));
  let responses = await fetched('force-cache');
  const js = await responses[1].clone().arrayBuffer();
  const wasm = await responses[2].clone().arrayBuffer();
  const id = (await hex(new TextEncoder().encode((await hex(wasm)) + (await hex(js))))).slice(0, 16);
  if (id !== BUILD_ID && !BUILD_ID.startsWith('@')) responses = await fetched('reload');
  await cache.put(PAGE_ALIAS, responses[0].clone());
  await Promise.all(APP_FILES.map((f, k) => cache.put(f, responses[k])));
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
