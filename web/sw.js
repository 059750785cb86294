// Service worker of the hosted page: on install it caches the app's files, then serves them
// cache-first, so the page works offline after the first visit. Registered by index.html only
// over http(s). The build stamps the cache name below (cmake/SingleFile.cmake), so each build uses
// a new cache and the old one is deleted when the new worker takes over.
'use strict';
const CACHE = 'ahp-survey-@AHP_BUILD_ID@';
const APP_FILES = ['./', './index.html', './ahp-app.js', './ahp-app.wasm', './manifest.webmanifest', './icon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(APP_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('ahp-survey-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

const appPaths = new Set(APP_FILES.map((f) => new URL(f, self.registration.scope).pathname));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (appPaths.has(url.pathname)) {
    // The app's own files: cache first (the query, e.g. ?lang=en, does not change the file).
    event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
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
