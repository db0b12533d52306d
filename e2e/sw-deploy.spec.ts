import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../scripts/serve-static.mjs';
import { expect, test } from './fixtures';

/**
 * The service worker on a single-page host, whose fallback answers any missing file with
 * the app's page and a 200: what the worker does not have goes to the network
 * and comes back as the host answered; a page is never kept, nor served, in place of an
 * asset; and a reload (the training worker's second try at a wasm binary) reaches the
 * network instead of the cache.
 */
test('on a host that answers missing files with its page, the service worker keeps no page for an asset', async ({
  page,
}) => {
  const folder = await mkdtemp(join(tmpdir(), 'playground-spa-'));
  await cp('dist', folder, { recursive: true });
  const assets = await readdir(join(folder, 'assets'));
  // a font only a lesson's formulas use: precached, but gone from this copy
  const missing = assets.find((name) => /^KaTeX_AMS-Regular-.+\.woff2$/.test(name))!;
  const binary = assets.find((name) => /^tfjs-backend-wasm-simd-.+\.wasm$/.test(name))!;
  await rm(join(folder, 'assets', missing));
  const port = Number(process.env.E2E_STATIC_PORT ?? 4180) + 2;
  const server = await serveStatic({ root: folder, port, base: '/spa/', fallback: 'index.html' });
  const hits = new Map<string, number>();
  server.on('request', (request) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
  });
  const hitsOf = (name: string) => hits.get(`/spa/assets/${name}`) ?? 0;
  try {
    await page.goto(`http://127.0.0.1:${port}/spa/`);
    // the first visit installs the worker (which caches the build) and reloads once through it
    await page.waitForFunction(
      () => window.crossOriginIsolated && navigator.serviceWorker.controller !== null,
      null,
      { timeout: 60_000 },
    );
    const seen = await page.evaluate(
      async ({ missing, binary }) => {
        const name = (await caches.keys()).find((key) => key.startsWith('contrastive-playground:'));
        const cache = await caches.open(name!);
        const typeOf = (response: Response | undefined) =>
          response ? (response.headers.get('content-type') ?? '') : null;
        const address = (file: string) => new URL(`assets/${file}`, location.href).href;
        // tfjs' default name: not in the build, so the host's page comes back, untouched
        const unknown = await fetch('assets/tfjs-backend-wasm-threaded-simd.wasm');
        return {
          cachedMissing: typeOf(await cache.match(address(missing))),
          cachedBinary: typeOf(await cache.match(address(binary))),
          unknownStatus: unknown.status,
          unknownType: typeOf(unknown),
          cachedUnknown: typeOf(await cache.match(address('tfjs-backend-wasm-threaded-simd.wasm'))),
        };
      },
      { missing, binary },
    );
    expect(seen).toEqual({
      cachedMissing: null,
      cachedBinary: 'application/wasm',
      unknownStatus: 200,
      unknownType: 'text/html; charset=utf-8',
      cachedUnknown: null,
    });
    expect(hitsOf('tfjs-backend-wasm-threaded-simd.wasm')).toBe(1);

    const fetchBinary = (cache: RequestCache) =>
      page.evaluate(
        async ({ binary, cache }) => (await fetch(`assets/${binary}`, { cache })).status,
        { binary, cache },
      );
    const before = hitsOf(binary);
    expect(await fetchBinary('default')).toBe(200);
    expect(hitsOf(binary), 'a cached binary is served by the service worker').toBe(before);
    expect(await fetchBinary('reload')).toBe(200);
    expect(hitsOf(binary), 'a reload reaches the network').toBe(before + 1);
  } finally {
    await page.close();
    await new Promise((resolve) => server.close(resolve));
    await rm(folder, { recursive: true, force: true });
  }
});
