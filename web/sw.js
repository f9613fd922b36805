// The service worker: after a first visit, the quiz (and the advisor's desk,
// once opened on this device) opens with no network.
//
// Freshness: network first. An online visit always asks the server
// (revalidating, so neither this cache nor the HTTP cache can hold back a new
// build or a new questionnaire); the cache answers only when the network
// fails, stays silent for 4 s (flaky Wi-Fi) or answers with a server error.
// `cargo xtask build` writes a hash of the built files into VERSION: a new
// build is a new worker, which the browser fetches on the next visit with a
// network, installs at once, and which drops the previous build's cache.
const VERSION = '__BUILD__';
// Named after the site's address: another site or app on the same origin keeps its caches.
const PREFIX = `diag ${registration.scope} `;
const CACHE = PREFIX + VERSION;
// What the resident's first load fetches (plus the installed app's manifest):
// fetched again here after the page has loaded, mostly as 304s from the HTTP cache.
const RESIDENT = ['./', 'main.js', 'resident.js', 'resident_bg.wasm', 'questionnaire.bin', 'logo.svg', 'icon.svg', 'manifest.webmanifest'];
// The staff's module is too big to give every resident's data plan: main.js
// asks for it once a staff screen (or the slow path) has loaded it.
const STAFF = ['staff.js', 'staff_bg.wasm', 'staff.css'];
// Published apart from the build: the latest copy seen is kept. Build files
// are only stored whole, by `fill`, so one cache never mixes two builds.
// A language's texts and strings, fetched when chosen, are kept the same way.
const DATA = /\/(questionnaire(\.[a-z]{2,3})?\.(yaml|bin)|ui\.[a-z]{2,3}\.json)$/;
const WAIT = 4000;

const fill = async (files) => (await caches.open(CACHE)).addAll(files.map((f) => new Request(f, { cache: 'no-cache' })));

addEventListener('install', (e) => e.waitUntil((async () => {
  // A device that had the desk keeps it across builds.
  await fill((await caches.match('staff.js')) ? RESIDENT.concat(STAFF) : RESIDENT);
  await skipWaiting();
})()));

addEventListener('activate', (e) => e.waitUntil((async () => {
  for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
  await clients.claim();
})()));

addEventListener('message', (e) => {
  if (e.data === 'staff') e.waitUntil(fill(STAFF));
});

// Pages opened from the cache take every file from it too: a page never mixes
// a new build's script with an old build's Wasm. (Forgotten when the worker
// stops: the page's next files are then network first again, still consistent
// unless the network comes back in the middle.)
const offline = new Set();

addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== location.origin) return;
  const page = req.mode === 'navigate';
  e.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Any address of the site is the one page: its hash says which screen.
    const cached = cache.match(page ? './' : req, { ignoreVary: true });
    if (offline.has(e.clientId) && (await cached)) return cached;
    const network = fetch(req, { cache: 'no-cache' });
    e.waitUntil(network.then((r) => r.ok && DATA.test(url.pathname) && cache.put(req, r.clone())).catch(() => {}));
    // The network's answer, or the cache's when it failed, is late or is a server error.
    let r = await Promise.race([network, new Promise((ok) => setTimeout(ok, WAIT))]).catch(() => {});
    if (!r || r.status >= 500) {
      const hit = await cached;
      if (hit && page) offline.add(e.resultingClientId);
      r = hit ?? r;
    }
    return r ?? network;
  })());
});
