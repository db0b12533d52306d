import { expect, screenshot, stepCount, test, waitForReady } from './fixtures';

test('Blind-SR lab: the queue fills and wraps, weighting changes the weights, stage 2 super-resolves', async ({
  page,
}) => {
  await page.goto('/?backend=wasm');
  await waitForReady(page);
  await page.getByTestId('lab-blindsr').click();
  await expect(page.getByTestId('lab-blindsr')).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/lab=blindsr/);
  await waitForReady(page);
  await page.getByTestId('queue-size').selectOption('128');
  await waitForReady(page);
  const queue = page.getByTestId('queue-panel');

  const pointers: number[] = [];
  await page.getByTestId('play').click();
  await expect
    .poll(
      async () => {
        pointers.push(Number(await queue.getAttribute('data-pointer')));
        return Number(await queue.getAttribute('data-fill'));
      },
      { timeout: 90_000, intervals: [200] },
    )
    .toBe(1);
  await expect
    .poll(
      async () => {
        pointers.push(Number(await queue.getAttribute('data-pointer')));
        return pointers.some((p, i) => i > 0 && p < pointers[i - 1]);
      },
      { timeout: 60_000, intervals: [200] },
    )
    .toBe(true);
  await page.getByTestId('pause').click();
  await expect(page.getByTestId('play')).toBeVisible();

  // weighting on: the current query's weights vary (min < mean); off: all 1
  await expect(queue).not.toHaveAttribute('data-weights', '1.000/1.000');
  const weighted = await queue.getAttribute('data-weights');
  await page.getByTestId('negative-weighting').uncheck();
  await page.getByTestId('step').click();
  await expect(queue).toHaveAttribute('data-weights', '1.000/1.000');
  expect(weighted).not.toBe('1.000/1.000');
  await expect(page.getByTestId('spearman-value')).toBeVisible();
  await screenshot(page, 'blindsr-stage1');

  await page.getByTestId('training-stage').selectOption('2');
  await expect(page.getByTestId('psnr-value')).toHaveText(/dB/, { timeout: 60_000 });
  const before = await stepCount(page);
  await page.getByTestId('play').click();
  await expect.poll(() => stepCount(page), { timeout: 90_000 }).toBeGreaterThan(before + 25);
  await page.getByTestId('pause').click();
  await expect(page.getByTestId('sr-images').locator('canvas')).toHaveCount(4);
  await expect(page.getByTestId('sr-loss-chart')).toBeVisible();
  await screenshot(page, 'blindsr-stage2');
});

test('Blind-SR draws each next batch on a data thread while the step trains', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto('/?backend=wasm&lab=blindsr');
  await waitForReady(page);
  // nothing but the training worker before the first step
  expect(workers.filter((url) => url.includes('data.worker'))).toEqual([]);
  await page.getByTestId('play').click();
  const lastStep = () =>
    page.evaluate(
      () =>
        (
          window as unknown as {
            __playground: {
              store: {
                getState(): { run: { step: number; lastStep: { drawnAhead: boolean } | null } };
              };
            };
          }
        ).__playground.store.getState().run,
    );
  // the first step draws its own batch and starts the data thread; from then on each step's
  // batch was drawn while the step before trained
  await expect
    .poll(async () => (await lastStep()).lastStep?.drawnAhead, { timeout: 60_000 })
    .toBe(true);
  const from = (await lastStep()).step;
  const ahead: boolean[] = [];
  await expect
    .poll(
      async () => {
        const run = await lastStep();
        ahead.push(run.lastStep?.drawnAhead ?? false);
        return run.step;
      },
      { timeout: 60_000, intervals: [100] },
    )
    .toBeGreaterThan(from + 20);
  await page.getByTestId('pause').click();
  expect(ahead.every(Boolean)).toBe(true);
  expect(workers.filter((url) => url.includes('data.worker'))).toHaveLength(1);
  await expect(page.getByTestId('spearman-value')).toBeVisible();
});
