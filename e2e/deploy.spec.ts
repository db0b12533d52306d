import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { serveStatic } from '../scripts/serve-static.mjs';
import { dropExpectedErrors, expect, screenshot, stepCount, test, waitForReady } from './fixtures';

// The "static" project: dist/ mounted at /course/playground/ by scripts/serve-static.mjs,
// which sends no COOP/COEP/CSP headers. Every address here is relative to that folder.

/** Every origin the context talks to, service worker fetches included. */
function recordOrigins(context: BrowserContext): Set<string> {
  const origins = new Set<string>();
  const add = (address: string) => {
    const url = new URL(address);
    origins.add(url.protocol === 'blob:' || url.protocol === 'data:' ? url.protocol : url.origin);
  };
  context.on('request', (request) => add(request.url()));
  context.on('serviceworker', (worker) => add(worker.url()));
  context.on('page', (page) => page.on('worker', (worker) => add(worker.url())));
  return origins;
}

async function isolationOf(page: Page) {
  return page.evaluate(() => ({
    isolated: window.crossOriginIsolated,
    controlled: navigator.serviceWorker?.controller !== null,
    navigations: performance.getEntriesByType('navigation').map((entry) => {
      return (entry as PerformanceNavigationTiming).type;
    }),
  }));
}

/** The badge's thread count agrees with what crossOriginIsolated allows. */
async function expectHonestBadge(page: Page, isolated: boolean) {
  const badge = page.getByTestId('backend');
  await expect(badge).toHaveAttribute('data-backend', 'wasm');
  const threads = Number(await badge.getAttribute('data-threads'));
  if (isolated) {
    // isolated: SharedArrayBuffer works, and XNNPACK gets every core but one
    expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe('function');
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    expect(threads).toBe(Math.min(4, Math.max(1, cores - 1)));
    await expect(badge).toContainText(
      threads > 1 ? `wasm · ${threads} threads` : 'wasm · 1 thread',
    );
    await expect(badge).not.toContainText('not cross-origin isolated');
    await expect(page.getByTestId('isolation-problem')).toHaveCount(0);
  } else {
    expect(threads).toBe(1);
    await expect(badge).toContainText('wasm · 1 thread: page not cross-origin isolated');
  }
}

test('from a sub-path of a plain static host: isolates itself once, trains, stays on its origin', async ({
  page,
  context,
  request,
  baseURL,
}) => {
  const origins = recordOrigins(context);
  const failed: string[] = [];
  context.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  // the host really is plain: none of the headers the app would like
  const served = await request.get('./');
  expect(served.headers()['cross-origin-opener-policy']).toBeUndefined();
  expect(served.headers()['cross-origin-embedder-policy']).toBeUndefined();
  expect(served.headers()['content-security-policy']).toBeUndefined();
  // …so the policy travels in the page
  expect(await served.text()).toContain(
    `<meta http-equiv="Content-Security-Policy" content="default-src 'self'`,
  );

  await page.goto('./?backend=wasm&n=8&data=photos');
  await waitForReady(page);
  const isolation = await isolationOf(page);
  // first visit: the service worker took over and the page reloaded itself once
  expect(isolation).toEqual({ isolated: true, controlled: true, navigations: ['reload'] });
  await expectHonestBadge(page, isolation.isolated);

  await page.getByTestId('play').click();
  await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
  await page.getByTestId('pause').click();

  // the lazy lesson chunk (KaTeX, its CSS and fonts) resolves under the sub-path too
  await page.getByTestId('lessons').click();
  await page.getByTestId('lesson-select').selectOption('temperature');
  await expect(page.getByTestId('lesson-panel').locator('.katex').first()).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);

  expect(failed).toEqual([]);
  const own = new URL(baseURL!).origin;
  expect([...origins].filter((o) => o !== own && o !== 'blob:' && o !== 'data:')).toEqual([]);
});

test.describe('where service workers are unavailable', () => {
  test.use({ serviceWorkers: 'block' });

  test('it trains on one thread and says why', async ({ page }) => {
    await page.goto('./?backend=wasm&n=8');
    await waitForReady(page);
    const isolation = await isolationOf(page);
    expect(isolation.isolated).toBe(false);
    expect(isolation.navigations).toEqual(['navigate']); // no reload attempted
    await expectHonestBadge(page, false);
    await expect(page.getByTestId('isolation-problem')).toHaveAttribute(
      'data-problem',
      'noServiceWorker',
    );
    await page.getByTestId('step').click();
    await expect(page.getByTestId('step-count')).toHaveText('1');
    await screenshot(page, 'deploy-one-thread');
  });
});

test('after one online visit it loads and trains offline', async ({
  page,
  context,
  consoleErrors,
}) => {
  await page.goto('./?backend=wasm&n=8');
  await waitForReady(page);
  expect((await isolationOf(page)).controlled).toBe(true);

  await context.setOffline(true);
  // the network is really gone: an uncached address fails
  expect(
    await page.evaluate(() =>
      fetch(`./not-cached-${Date.now()}`).then(
        () => 'reached',
        () => 'offline',
      ),
    ),
  ).toBe('offline');
  // that failed fetch is logged; nothing else may be
  dropExpectedErrors(consoleErrors, [
    /^Failed to load resource: net::ERR_(FAILED|INTERNET_DISCONNECTED)$/,
  ]);
  await page.reload();
  await waitForReady(page);
  expect((await isolationOf(page)).isolated).toBe(true);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  // photos and the lesson chunk come from the cache as well
  await page.getByTestId('lessons').click();
  await page.getByTestId('lesson-select').selectOption('temperature');
  await expect(page.getByTestId('lesson-panel').locator('.katex').first()).toBeVisible();
  await context.setOffline(false);
});

test('a new deployment is offered with a Reload banner', async ({ page }) => {
  // a copy of the build on a server of our own, so that the test can deploy "v2"
  const folder = await mkdtemp(join(tmpdir(), 'playground-deploy-'));
  await cp('dist', folder, { recursive: true });
  const port = Number(process.env.E2E_STATIC_PORT ?? 4180) + 1;
  const server = await serveStatic({ root: folder, port, base: '/v/' });
  try {
    const home = `http://127.0.0.1:${port}/v/?backend=wasm&n=8`;
    await page.goto(home);
    await waitForReady(page);
    await expect(page.getByTestId('update-banner')).toHaveCount(0);

    const worker = join(folder, 'sw.js');
    await writeFile(worker, `${await readFile(worker, 'utf8')}\n// v2\n`);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const banner = page.getByTestId('update-banner');
    await expect(banner).toContainText('A new version is available');
    await screenshot(page, 'deploy-update-banner');
    await Promise.all([
      page.waitForEvent('load'),
      banner.getByRole('button', { name: 'Reload' }).click(),
    ]);
    await waitForReady(page);
    await expect(page.getByTestId('update-banner')).toHaveCount(0);
    expect(
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return { waiting: registration?.waiting ?? null, isolated: window.crossOriginIsolated };
      }),
    ).toEqual({ waiting: null, isolated: true });
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await rm(folder, { recursive: true, force: true });
  }
});
