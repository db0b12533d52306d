import { expect, lossHistory, stepCount, test, waitForReady } from './fixtures';

test('the wasm path trains the default SimCLR config, one core left to the page, with the loss falling', async ({
  page,
}) => {
  await page.goto('/?backend=wasm');
  await waitForReady(page);
  // XNNPACK gets every core but one (src/worker/backends.ts): one thread on 2 cores
  const threads = await page.evaluate(() =>
    Math.min(4, Math.max(1, navigator.hardwareConcurrency - 1)),
  );
  await expect(page.getByTestId('backend')).toHaveAttribute('data-threads', String(threads));
  await expect(page.getByTestId('backend')).toContainText(
    threads > 1 ? `${threads} threads` : '1 thread',
  );
  await page.getByTestId('play').click();
  await expect.poll(() => stepCount(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(80);
  await page.getByTestId('pause').click();
  const losses = (await lossHistory(page)).map((p) => p.value);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const first = mean(losses.slice(0, 10));
  const last = mean(losses.slice(-10));
  console.log(
    `wasm default config: loss ${first.toFixed(3)} → ${last.toFixed(3)} over ${losses.length} steps`,
  );
  expect(last).toBeLessThan(first - 0.15);
});

test('every lab on the same thread count: switching labs keeps the worker, and each trains', async ({
  page,
}) => {
  await page.goto('/?backend=wasm&lab=blindsr');
  await waitForReady(page);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const badge = page.getByTestId('backend');
  // every core but the page's (backend-choice.ts): one thread on 2 cores, our direct
  // convolution then in XNNPACK's place
  const threads = Math.min(4, Math.max(1, cores - 1));
  await expect(badge).toHaveAttribute('data-threads', String(threads));
  // training workers only: Blind-SR's first step starts its data thread (data.worker)
  let started = 0;
  page.on('worker', (worker) => {
    if (worker.url().includes('train.worker')) started += 1;
  });
  await page.getByTestId('lab-simclr').click();
  await waitForReady(page);
  await expect(badge).toHaveAttribute('data-threads', String(threads));
  await page.getByTestId('play').click();
  await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(5);
  await page.getByTestId('pause').click();
  await page.getByTestId('lab-blindsr').click();
  await waitForReady(page);
  await page.getByTestId('step').click();
  await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBe(1);
  // no training worker was started for either lab: the one that loaded the page trains both
  expect(started).toBe(0);
});
