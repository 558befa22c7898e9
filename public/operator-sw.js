/* global self, caches */
// The rest-area console's service worker (scope /operator): the counter's pages stay readable
// when the signal drops. Pages are fetched from the network first and kept; without a network
// the kept copy is shown. Vite's hashed assets never change, so they are served from the cache.
// Form submissions are never touched here: a handover made offline waits in the page's own
// queue (IndexedDB) and is sent when the phone is online again.
const PAGES = "operator-pages-v1";
const ASSETS = "operator-assets-v1";
const PRECACHE = ["/operator", "/operator/arrivals", "/operator/handover", "/operator/uncollected"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const pages = await caches.open(PAGES);
      const assets = await caches.open(ASSETS);
      await Promise.all(
        PRECACHE.map(async (path) => {
          try {
            const response = await fetch(path, { credentials: "same-origin", redirect: "manual" });
            if (response.status !== 200) return;
            const html = await response.clone().text();
            await pages.put(path, response);
            // The scripts and styles the page loads, so that it also runs offline.
            const urls = new Set(html.match(/\/assets\/[\w.-]+\.(?:js|css)/g) ?? []);
            await Promise.all([...urls].map((url) => assets.add(url).catch(() => undefined)));
          } catch {
            // No network while installing: pages are kept as they are visited instead.
          }
        }),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name !== PAGES && name !== ASSETS) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request));
  } else if (url.pathname.startsWith("/operator") || url.pathname.startsWith("/locales/")) {
    event.respondWith(networkFirst(request));
  }
});

async function cacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    const signedOut =
      response.type === "opaqueredirect" ||
      response.status === 401 ||
      response.status === 403 ||
      (response.redirected && new URL(response.url).pathname === "/sign-in");
    if (signedOut) {
      // The session is over (or belongs to someone else): nothing of the console stays behind.
      await caches.delete(PAGES);
    } else if (response.status === 200) {
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreVary: true, ignoreSearch: false });
    if (cached) return cached;
    if (request.mode === "navigate") return offlinePage();
    throw error;
  }
}

function offlinePage() {
  const html = `<!doctype html><html lang="id"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tidak ada sinyal · Karya Sungging</title><body style="font-family:system-ui;max-width:36rem;margin:2rem auto;padding:0 1rem;font-size:1.125rem"><h1>Tidak ada sinyal</h1><p>Halaman ini belum pernah dibuka di ponsel ini, jadi belum tersimpan. Buka halaman yang sudah tersimpan:</p><p><a href="/operator/handover" style="display:inline-block;min-height:48px;line-height:48px">Serah terima</a> · <a href="/operator/arrivals" style="display:inline-block;min-height:48px;line-height:48px">Kedatangan</a></p><p lang="en">No signal: this page has not been saved on this phone yet. Open a saved page: Handover or Arrivals.</p></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
