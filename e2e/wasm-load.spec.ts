import { readFileSync } from 'node:fs';
import type { Page, Route } from '@playwright/test';
import { expect, test, waitForReady } from './fixtures';

/**
 * How the wasm backend's binaries reach the training worker: a fresh load must
 * ask for the build's hashed binaries only, whatever the timing, and a binary that does not
 * compile is fetched once more from the network, then reported as what it is.
 *
 * The service worker is blocked here so that every request of the worker passes the
 * routes below; the service-worker path has its own spec (sw-deploy.spec.ts).
 */
test.use({ serviceWorkers: 'block' });

/** tfjs-wasm's own file names, which the build does not contain (it hashes them) */
const unhashedBinary = /\/tfjs-backend-wasm(-simd|-threaded-simd)?\.wasm(\?|$)/;
const hashedBinary = /\/tfjs-backend-wasm(-simd|-threaded-simd)?-[\w-]{8}\.wasm(\?|$)/;
const page404 = readFileSync('dist/index.html');

/** Every wasm binary the page or its workers ask for, in order. */
function recordBinaries(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (/\.wasm(\?|$)/.test(request.url())) asked.push(new URL(request.url()).pathname);
  });
  return asked;
}

/** Answers like a server whose fallback is the app's page (vite preview, most SPA hosts). */
function answerWithPage(route: Route): Promise<void> {
  return route.fulfill({ status: 200, contentType: 'text/html', body: page404 });
}

/**
 * The page's `init` message reaches the worker late, as on a page thread kept busy: it and
 * every message after it wait, then arrive in the order they were posted (postMessage keeps
 * order, so a busy page delays the messages behind `init` too, never reorders them).
 */
function delayInit(milliseconds: number): void {
  const send = Worker.prototype.postMessage;
  const held: [Worker, unknown[]][] = [];
  let holding = false;
  Worker.prototype.postMessage = function (this: Worker, ...args: [unknown, ...unknown[]]) {
    const message = args[0] as { type?: string } | null;
    if (message?.type === 'init' && !holding) {
      holding = true;
      setTimeout(() => {
        holding = false;
        for (const [worker, heldArgs] of held.splice(0)) send.apply(worker, heldArgs as never);
      }, milliseconds);
    }
    if (holding) held.push([this, args]);
    else send.apply(this, args as never);
  } as Worker['postMessage'];
}

test('a late init message (a busy page) still starts wasm from the build’s own binaries', async ({
  page,
}) => {
  const asked = recordBinaries(page);
  await page.route(unhashedBinary, answerWithPage);
  // longer than the worker's heartbeat: the heartbeat must not start a backend of its own
  await page.addInitScript(delayInit, 2500);
  await page.goto('/?lab=blindsr&bstage=2');
  await waitForReady(page);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  expect(asked.filter((path) => unhashedBinary.test(path))).toEqual([]);
  expect(asked.filter((path) => hashedBinary.test(path)).length).toBeGreaterThan(0);
});

test('a wasm binary that arrives slowly (longer than a heartbeat) still starts training', async ({
  page,
}) => {
  const asked = recordBinaries(page);
  await page.route(unhashedBinary, answerWithPage);
  await page.route(hashedBinary, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await route.continue();
  });
  await page.goto('/');
  await waitForReady(page);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'wasm');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('1', { timeout: 60_000 });
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  expect(asked.filter((path) => unhashedBinary.test(path))).toEqual([]);
});

test('a binary that arrives as a page once is fetched again from the network, and trains', async ({
  page,
}) => {
  const asked = recordBinaries(page);
  let answered = 0;
  await page.route(hashedBinary, (route) =>
    answered++ === 0 ? answerWithPage(route) : route.continue(),
  );
  await page.goto('/');
  await waitForReady(page);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId('backend-failure')).toHaveCount(0);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('1', { timeout: 60_000 });
  // the page, then the fresh copy from the network, then tfjs' second start
  expect(asked.filter((path) => hashedBinary.test(path)).length).toBeGreaterThanOrEqual(2);
});

for (const [language, sentence] of [
  ['en', /The WebAssembly file could not be loaded: tfjs-backend-wasm(-threaded)?-simd-/],
  ['zh', /无法加载 WebAssembly 文件：tfjs-backend-wasm(-threaded)?-simd-/],
] as const) {
  test(`a binary that is always a page is reported as what it is (${language}), and another backend trains`, async ({
    page,
  }) => {
    await page.route(hashedBinary, answerWithPage);
    await page.goto(`/?lang=${language}`);
    const failure = page.getByTestId('backend-failure');
    await expect(failure).toContainText(sentence, { timeout: 60_000 });
    await expect(failure).toContainText('text/html');
    await expect(failure).toContainText('<!do');
    await expect(page.getByTestId('backend')).not.toHaveAttribute('data-backend', 'wasm');
    await expect(page.getByTestId('error-banner')).toHaveCount(0);
    await page
      .getByTestId('backend')
      .screenshot({ path: `test-results/wasm-file-${language}.png` });
  });
}
