/**
 * The service worker: the app shell (and so Help now, which is bundled into it) works offline,
 * and threads a reader saved are read from Cache Storage. API answers are never cached here:
 * they can be private, and a shared device must not show one person's data to the next.
 */
// The client's tsconfig has the DOM's types too; this file runs only as the worker.
const worker = globalThis as unknown as ServiceWorkerGlobalScope;

const SHELL = 'kindred-shell-v1';
// offline/cache-names.ts's SAVED_THREADS_CACHE, written out: a classic worker cannot import a
// chunk it would share with the page, so the worker stays one self-contained file.
const SAVED = 'kindred-saved-threads';

/** The shell's own assets, read from the page the server serves (its script and style tags). */
async function shellAssets(): Promise<string[]> {
  const html = await (await fetch('/', { cache: 'no-store' })).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
  return ['/', '/manifest.webmanifest', '/icon.svg', ...assets];
}

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await cache.addAll(await shellAssets());
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== SHELL && name !== SAVED) await caches.delete(name);
      await worker.clients.claim();
    })(),
  );
});

async function networkFirstPage(request: Request): Promise<Response> {
  const cache = await caches.open(SHELL);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put('/', response.clone());
    return response;
  } catch {
    return (await cache.match('/')) ?? Response.error();
  }
}

async function cacheFirstAsset(request: Request): Promise<Response> {
  const cache = await caches.open(SHELL);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(networkFirstPage(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirstAsset(request));
});
