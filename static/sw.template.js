// article-viewer's service worker: the standalone page keeps working offline. `cargo xtask dist` writes this file
// as dist/sw.js with the files of its build; the page registers it once the app has started (start-*.js), so it
// never competes with the first load. Its scope is the folder it is in: one deployment, whatever its sub-path.
//
// - Installing keeps the app's files and the article set in a cache of this build (`caches`, per folder).
// - Content-hashed files (never changed once published; `-` and 8 to 16 hex digits, as trunk drops leading zeros;
//   the build's own, in the folder itself: an article's page or a category's in a folder below may end the same way)
//   come from that cache, else from the network.
// - Everything else — the page, the article set, the 繁/简 converters, the feed — comes from the network first, so
//   a reader online always sees the newest deploy and set; what came is kept, and used when the network fails
//   (offline, or the host down): the list and the articles the reader last loaded, in the script last used —
//   marked as kept (`offline` below: the viewer says so, and since when). An
//   article's own page (articles/<id>.html) or a page of the list (pages/<n>.html) not kept is the viewer's
//   address of it; a category's (pages/category-<hash>.html: the value is not in its name) the viewer's page.
// - A new build (a new sw.js) installs beside the old one, then takes over and deletes the old build's cache.
const BUILD = '__BUILD__';
const SHELL = __SHELL__;
const scope = new URL('./', self.location).href;
const prefix = `article-viewer ${scope} `;
const name = prefix + BUILD;
const hashed = /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/;
const ownPage = /^(?:articles\/([\w.~-]+)|pages\/(\d+))\.html$/;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(name).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith(prefix) && k !== name).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// A whole (200), same-origin answer is kept for when the network fails.
const keep = (request) => (response) => {
  if (response.status === 200 && response.type === 'basic') {
    const copy = response.clone();
    caches.open(name).then((cache) => cache.put(request, copy));
  }
  return response;
};

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  const own = request.url.slice(scope.length).split(/[?#]/)[0];
  if (!own.includes('/') && hashed.test(own)) {
    event.respondWith(caches.match(request, { cacheName: name })
      .then((hit) => hit ?? fetch(request).then(keep(request))));
    return;
  }
  event.respondWith(fetch(request).then(keep(request)).catch(async (error) => {
    const page = request.mode === 'navigate' && own.match(ownPage);
    const route = page && (page[1] ? `/article/${page[1]}` : `/?page=${page[2]}`);
    const hit = await caches.match(request, { cacheName: name, ignoreSearch: true });
    if (hit) return offline(hit);
    // An article's page or a list's not kept: the viewer's page of it. (Its own is the viewer's page around it.)
    if (route) return Response.redirect(`${scope}#${route}`, 302);
    // A page of the viewer opened offline (any other address in its folder): the page.
    const viewer = request.mode === 'navigate' && await caches.match(scope, { cacheName: name });
    if (viewer) return offline(viewer);
    throw error;
  }));
});

// A kept answer given because the network failed, marked so (`X-Article-Viewer-Offline`: when the server sent it,
// its `Date`), so that the app tells the reader that the articles are the copy kept then, not the newest.
function offline(hit) {
  const headers = new Headers(hit.headers);
  headers.set('X-Article-Viewer-Offline', hit.headers.get('date') ?? '');
  return new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers });
}
