import { expect, stepCount, test, waitForReady } from './fixtures';

test('the wasm path trains the default SimCLR config, threaded, with the loss falling', async ({
  page,
}) => {
  await page.goto('/?backend=wasm');
  await waitForReady(page);
  await expect(page.getByTestId('backend')).toContainText(/([2-9]|\d{2,}) threads/);
  await page.getByTestId('play').click();
  await expect.poll(() => stepCount(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(80);
  await page.getByTestId('pause').click();
  const losses = await page.evaluate(() =>
    (
      window as unknown as {
        __playground: { store: { getState(): { history: { loss: { value: number }[] } } } };
      }
    ).__playground.store
      .getState()
      .history.loss.map((p) => p.value),
  );
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const first = mean(losses.slice(0, 10));
  const last = mean(losses.slice(-10));
  console.log(
    `wasm default config: loss ${first.toFixed(3)} → ${last.toFixed(3)} over ${losses.length} steps`,
  );
  expect(last).toBeLessThan(first - 0.15);
});
