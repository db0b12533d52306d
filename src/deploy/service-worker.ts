/**
 * The deployed app's service worker (built into `sw.js` beside index.html by
 * scripts/vite-plugin-deploy.ts, which also writes PRECACHE and VERSION in front of it).
 *
 * It does two things a plain static host cannot:
 * 1. Cross-origin isolation (the coi-serviceworker technique): every response it hands
 *    the page carries COOP `same-origin`, COEP `require-corp` and CORP `same-origin`, so
 *    once it controls the page (src/deploy/register.ts reloads once for that),
 *    `crossOriginIsolated` is true and tfjs-wasm gets its SharedArrayBuffer threads.
 * 2. Offline: at install it caches every file of the build (app shell, worker bundle,
 *    wasm binaries, sample photos, the lesson chunk and its fonts) and answers from that
 *    cache first. A new deployment installs a new worker that *waits*; the page then
 *    offers "Reload", which tells it to take over (message `skipWaiting`).
 *
 * Everything is scoped to this deployment's folder, so two copies on one origin
 * (/course-a/playground/, /course-b/playground/) keep their own caches.
 */

declare const self: ServiceWorkerGlobalScope;
/** file paths relative to this script, written in by the build ('' is the folder itself) */
declare const PRECACHE: readonly string[];
/** a hash of the build's files: a new build is a new cache */
declare const VERSION: string;

const scope = self.registration.scope;
const cachePrefix = `contrastive-playground:${scope}:`;
const cacheName = `${cachePrefix}${VERSION}`;
const precached = new Set(PRECACHE.map((path) => new URL(path, scope).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(cacheName).then(async (cache) => {
      // file by file: one missing file must not cost the isolation; it is fetched later
      const results = await Promise.allSettled(
        [...precached].map(async (url) => {
          const response = await fetch(new Request(url, { cache: 'reload' }));
          if (!response.ok || !stands(url, response)) throw new Error(`${url}: not the file`);
          await cache.put(url, response);
        }),
      );
      const failed = results.filter((result) => result.status === 'rejected').length;
      if (failed > 0) console.warn(`service worker: ${failed} files not cached for offline use`);
    }),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith(cachePrefix) && name !== cacheName) await caches.delete(name);
      // control the page that registered us now: it reloads once to become isolated
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'skipWaiting') void self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  // a Chromium quirk: such requests throw when fetched from a service worker
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.respondWith(respond(request));
});

async function respond(request: Request): Promise<Response> {
  const cache = await caches.open(cacheName);
  // a page address carries the configuration in its query (?tau=0.1&n=16 …)
  const navigation = request.mode === 'navigate';
  // a reload (the training worker's second try at a wasm binary) asks for the network's copy
  const reload = !navigation && request.cache === 'reload';
  const cached = reload ? undefined : await cache.match(request, { ignoreSearch: navigation });
  if (cached && stands(request.url, cached)) return isolated(cached);
  try {
    // anything not cached goes to the network and comes back as it was answered (a missing
    // file stays a 404: only a navigation may get the app's page when offline, below)
    const response = await fetch(request);
    const url = request.url.split('?')[0];
    if (response.ok && response.type === 'basic' && precached.has(url) && stands(url, response))
      await cache.put(url, response.clone());
    return isolated(response);
  } catch (error) {
    // offline and not cached: any page address within the folder gets the app
    const fallback = navigation ? await cache.match(scope) : undefined;
    if (fallback) return isolated(fallback);
    throw error;
  }
}

/**
 * Whether a response can stand for this address: a page only for a page address (the
 * folder, an .html file). A host whose fallback answers a missing file with the app's page
 * (vite preview, most single-page hosts) must not get that page cached as a script or a
 * wasm binary, where it would be served for good.
 */
function stands(url: string, response: Response): boolean {
  const path = new URL(url).pathname;
  const page = (response.headers.get('content-type') ?? '').startsWith('text/html');
  return !page || path.endsWith('/') || path.endsWith('.html');
}

/** The same response with the cross-origin isolation headers a static host cannot send. */
function isolated(response: Response): Response {
  // opaque (status 0) responses cannot be rebuilt; nothing here should produce one
  if (response.status === 0) return response;
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

export {};
