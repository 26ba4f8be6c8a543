// «Асинхронность» offline: the service worker (offline/README.md). offline/render.py
// writes book/html/sw.js from this file, with VERSION (a hash of every cached file's
// path and bytes) and FILES (the site's files, relative to this script) filled in.
'use strict';
/* global VERSION, FILES */
const PREFIX = 'asinkhronnost-';
const CACHE = PREFIX + VERSION;

// Install: the whole book into a cache named after this build. A changed chapter
// changes VERSION, so the browser sees a new sw.js and installs it next to the old one.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'no-cache' }))))
    .then(() => self.skipWaiting()));
});

// Activate: drop the caches of earlier builds, take the open pages over at once.
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// Pages: network first (never a stale chapter while online), the cache when offline.
// Everything else has the hash of its content in its name (mdBook's
// `book-1830cf7a.js`): cache first is never stale.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true })
        .then((hit) => hit || cache.match('404.html')))));
    return;
  }
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true })
    .then((hit) => hit || fetch(request))));
});
