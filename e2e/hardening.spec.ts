import { createHash } from 'node:crypto';
import { dropExpectedErrors, expect, stepCount, test, waitForReady, squarePng } from './fixtures';

type Hooks = {
  __playground: {
    debug: Record<string, () => void>;
    store: { getState(): { run: { memory: { numTensors: number } | null } } };
  };
};

test('a killed worker: plain message, restart works, settings and uploads intact', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?backend=wasm&n=8&tau=0.2');
  await waitForReady(page);
  await page.getByTestId('upload-input').setInputFiles([
    {
      name: 'kept.png',
      mimeType: 'image/png',
      buffer: await squarePng(page),
    },
  ]);
  await expect(page.getByTestId('upload-list')).toHaveAttribute('data-count', '1');
  await page.getByTestId('play').click();
  await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(2);
  await page.evaluate(() => (window as unknown as Hooks).__playground.debug.killWorker());
  const banner = page.getByTestId('error-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('data-code', 'crash');
  await expect(banner).toContainText('settings and images are kept');
  await page.getByTestId('restart').click();
  await expect(banner).toBeHidden();
  await waitForReady(page);
  await expect(page.getByTestId('temperature')).toHaveAttribute('aria-valuetext', '0.20');
  await expect(page.getByTestId('upload-list')).toHaveAttribute('data-count', '1');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  dropExpectedErrors(consoleErrors, [/training worker was terminated/]);
});

test('an exception inside the worker is reported, not swallowed', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  await page.evaluate(() => (window as unknown as Hooks).__playground.debug.crashWorker());
  await expect(page.getByTestId('error-banner')).toContainText('debug crash requested by the page');
  dropExpectedErrors(consoleErrors, [/debug crash requested by the page/]);
});

test('a hung worker (no heartbeat for 45 s) is detected and reported', async ({
  page,
  consoleErrors,
}) => {
  // the page's clock is Playwright's: it flows as usual and jumps the 45 s at once
  await page.clock.install();
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  await page.evaluate(() =>
    (
      window as unknown as { __playground: { debug: { hang(ms: number): void } } }
    ).__playground.debug.hang(50_000),
  );
  // the worker takes the message, then its last beat is at most a second old
  await page.waitForTimeout(1500);
  const banner = page.getByTestId('error-banner');
  await page.clock.fastForward(40_000);
  await page.waitForTimeout(1000);
  await expect(banner).toBeHidden();
  await page.clock.fastForward(6_000);
  await expect(banner).toContainText('has not answered for 45 s', { timeout: 10_000 });
  await page.getByTestId('restart').click();
  await waitForReady(page);
  dropExpectedErrors(consoleErrors, [/training worker has not answered/]);
});

test('NaN weights stop training with an explanation', async ({ page }) => {
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  await page.evaluate(() => (window as unknown as Hooks).__playground.debug.poison());
  await page.getByTestId('play').click();
  const banner = page.getByTestId('error-banner');
  await expect(banner).toHaveAttribute('data-code', 'nonFinite');
  await expect(banner).toContainText('learning rate');
  await expect(page.getByTestId('play')).toBeDisabled();
  const stopped = await stepCount(page);
  await page.waitForTimeout(1000);
  expect(await stepCount(page)).toBe(stopped);
});

test('the built app sends a Content-Security-Policy; its one inline script is allowed by hash', async ({
  page,
  request,
}) => {
  const response = await request.get('/');
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' blob: 'sha256-");
  expect(csp).not.toContain("'unsafe-inline' 'self' https");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).not.toMatch(/https?:\/\//);
  expect(response.headers()['cross-origin-opener-policy']).toBe('same-origin');
  const html = await response.text();
  // the only inline script starts the training worker; the policy names exactly its hash
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([^<]*)<\/script>/g)];
  expect(inline).toHaveLength(1);
  const hash = createHash('sha256').update(inline[0][1]).digest('base64');
  expect(csp).toContain(`'sha256-${hash}'`);
  expect(html).toContain(`'sha256-${hash}'`);
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
});

test('a whole session requests nothing beyond its own origin', async ({ page, baseURL }) => {
  const origins = new Set<string>();
  page.on('request', (r) => {
    const url = new URL(r.url());
    origins.add(url.protocol === 'blob:' || url.protocol === 'data:' ? url.protocol : url.origin);
  });
  page.on('worker', (worker) =>
    origins.add(
      new URL(worker.url()).protocol === 'blob:' ? 'blob:' : new URL(worker.url()).origin,
    ),
  );
  await page.goto('/?backend=wasm&n=8&data=photos');
  await waitForReady(page);
  await page.getByTestId('upload-input').setInputFiles([
    {
      name: 'a.png',
      mimeType: 'image/png',
      buffer: Buffer.from(
        await page.evaluate(async () => {
          const canvas = new OffscreenCanvas(48, 48);
          canvas.getContext('2d')!.fillRect(4, 4, 20, 20);
          return Array.from(new Uint8Array(await (await canvas.convertToBlob()).arrayBuffer()));
        }),
      ),
    },
  ]);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  await page.getByTestId('lab-blindsr').click();
  await waitForReady(page);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  const own = new URL(baseURL!).origin;
  expect([...origins].filter((o) => o !== own && o !== 'blob:' && o !== 'data:')).toEqual([]);
});

test('memory stays flat: tensor count across steps and rebuilds', async ({ page }) => {
  const steps = Number(process.env.SOAK_STEPS ?? 120);
  test.setTimeout(Math.max(120_000, steps * 400));
  await page.goto('/?backend=wasm&n=16');
  await waitForReady(page);
  // both figures must exist: a missing one would make every comparison below vacuous
  const tensors = async () => {
    const count = await page.evaluate(
      () => (window as unknown as Hooks).__playground.store.getState().run.memory?.numTensors,
    );
    expect(count, 'run.memory.numTensors: the worker reported no tensor count').toEqual(
      expect.any(Number),
    );
    expect(count, 'run.memory.numTensors: a live model holds tensors').toBeGreaterThan(0);
    return count as number;
  };
  const heap = async () => {
    const used = await page.evaluate(
      () =>
        (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize,
    );
    expect(used, 'performance.memory.usedJSHeapSize: Chromium reported no JS heap').toEqual(
      expect.any(Number),
    );
    expect(used, 'performance.memory.usedJSHeapSize').toBeGreaterThan(0);
    return used as number;
  };
  await page.getByTestId('play').click();
  await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(20);
  await page.waitForTimeout(1200);
  const early = await tensors();
  const earlyHeap = await heap();
  await expect.poll(() => stepCount(page), { timeout: steps * 400 }).toBeGreaterThanOrEqual(steps);
  await page.waitForTimeout(1200);
  const late = await tensors();
  const lateHeap = await heap();
  console.log(
    `soak: ${await stepCount(page)} steps, tensors ${early} → ${late}, JS heap ${(earlyHeap / 1e6).toFixed(1)} → ${(lateHeap / 1e6).toFixed(1)} MB`,
  );
  expect(late).toBe(early);
  expect(lateHeap).toBeLessThan(earlyHeap * 2 + 20e6);
  // a rebuild (batch size) and back: the same tensor count as before
  await page.getByTestId('batch-size').selectOption('8');
  await expect(page.getByTestId('similarity-matrix')).toHaveAttribute('data-views', '16');
  await page.getByTestId('batch-size').selectOption('16');
  await expect(page.getByTestId('similarity-matrix')).toHaveAttribute('data-views', '32');
  await page.getByTestId('pause').click();
  await page.waitForTimeout(1500);
  expect(await tensors()).toBe(late);
});

test('without the test flag the built app exposes no hooks and still trains', async ({
  browser,
}) => {
  // a fresh context: no init script sets window.__PLAYGROUND_TEST_HOOKS__
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/?backend=wasm&n=4');
  await waitForReady(page);
  expect(
    await page.evaluate(() => ({
      flag: typeof (window as unknown as Record<string, unknown>).__PLAYGROUND_TEST_HOOKS__,
      hooks: typeof (window as unknown as Record<string, unknown>).__playground,
    })),
  ).toEqual({ flag: 'undefined', hooks: 'undefined' });
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  expect(errors, 'console errors').toEqual([]);
  await context.close();
});
